import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { sentryVerifier } from '../../src/verify/verifiers/sentry.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, HEX, randomFrom } from '../helpers/fake-secrets.js';

const USER_TOKEN = `sntryu_${randomFrom(HEX, 64)}`;
function orgToken(url: string): string {
  const claims = Buffer.from(JSON.stringify({ iat: 1767225600.0, url, region_url: url, org: 'acme' })).toString('base64').replace(/=+$/, '');
  return `sntrys_${claims}_${randomFrom(ALNUM, 43)}`;
}
const ORG_TOKEN = orgToken('https://sentry.io');

/** The API root as Sentry serves it: the token's scopes and user, or 401 "Invalid token". */
function sentryRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/0/',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${USER_TOKEN}`) return { body: { version: '0', auth: { scopes: ['org:read', 'project:read'] }, user: { id: '1', username: 'dana', email: 'dana@acme.test' } } };
        if (req.headers.authorization === `Bearer ${ORG_TOKEN}`) return { body: { version: '0', auth: { scopes: ['org:ci'] }, user: null } };
        return { status: 401, body: { detail: 'Invalid token' } };
      },
    },
  ];
}

describe('Sentry verifier', () => {
  it('reads a live user token: user and scopes', async () => {
    const server = await providerServer(sentryRoutes());
    expect(await verifyAgainst(sentryVerifier, server, credential('sentry-user-token', USER_TOKEN))).toEqual({ status: 'active', identity: 'dana', scopes: ['org:read', 'project:read'] });
    expectSecretOnlyIn(server, USER_TOKEN, { header: 'authorization' });
  });

  it('names the organization an org token carries', async () => {
    const server = await providerServer(sentryRoutes());
    expect(await verifyAgainst(sentryVerifier, server, credential('sentry-org-token', ORG_TOKEN))).toEqual({ status: 'active', identity: 'organization acme', scopes: ['org:ci'] });
  });

  it('never sends a self-hosted Sentry org token to sentry.io', async () => {
    const server = await providerServer(sentryRoutes());
    const outcome = await verifyAgainst(sentryVerifier, server, credential('sentry-org-token', orgToken('https://sentry.acme.internal')));
    expect(outcome).toEqual({ status: 'unknown', reason: 'the token belongs to a self-hosted Sentry; only sentry.io is checked' });
    expect(server.requests).toHaveLength(0);
  });

  it('settles an invalid token (401) as inactive', async () => {
    const server = await providerServer(sentryRoutes());
    expect(await verifyAgainst(sentryVerifier, server, credential('sentry-user-token', `sntryu_${'f'.repeat(64)}`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(sentryVerifier, sentryRoutes(), credential('sentry-user-token', USER_TOKEN));
  });
});
