import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { launchdarklyVerifier } from '../../src/verify/verifiers/launchdarkly.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';

const KEY = `api-${randomUUID()}`;

/** GET /api/v2/caller-identity as LaunchDarkly's API reference gives it (CallerIdentityRep); 401 for an invalid token. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v2/caller-identity',
      handler: (req) => (req.headers.authorization === KEY ? { body: { accountId: 'acct1', tokenName: 'ci reader', tokenKind: 'personal', authKind: 'token' } } : { status: 401, body: { code: 'unauthorized', message: 'Invalid access token' } }),
    },
  ];
}

describe('LaunchDarkly verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(launchdarklyVerifier, server, credential('launchdarkly-access-token', KEY))).toEqual({ status: 'active', identity: 'token "ci reader" / account acct1' });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(launchdarklyVerifier, server, credential('launchdarkly-access-token', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(launchdarklyVerifier, routes(), credential('launchdarkly-access-token', KEY));
  });
});
