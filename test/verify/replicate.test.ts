import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { replicateVerifier } from '../../src/verify/verifiers/replicate.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = `r8_${randomFrom(ALNUM, 37)}`;
const ORG_TOKEN = `r8_${randomFrom(ALNUM, 37)}`;

function replicateRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/account',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${TOKEN}`) return { body: { type: 'user', username: 'dana', name: 'Dana', github_url: 'https://github.com/dana' } };
        if (req.headers.authorization === `Bearer ${ORG_TOKEN}`) return { body: { type: 'organization', username: 'acme', name: 'Acme' } };
        return { status: 401, body: { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 } };
      },
    },
  ];
}

describe('Replicate verifier', () => {
  it('reads the account of a live token, saying when it is an organization', async () => {
    const server = await providerServer(replicateRoutes());
    expect(await verifyAgainst(replicateVerifier, server, credential('replicate-api-token', TOKEN))).toEqual({ status: 'active', identity: 'dana' });
    expect(await verifyAgainst(replicateVerifier, server, credential('replicate-api-token', ORG_TOKEN))).toEqual({ status: 'active', identity: 'acme / (organization)' });
    expectSecretOnlyIn({ ...server, requests: server.requests.slice(0, 1) }, TOKEN, { header: 'authorization' });
  });

  it('settles an invalid token (401) as inactive', async () => {
    const server = await providerServer(replicateRoutes());
    expect(await verifyAgainst(replicateVerifier, server, credential('replicate-api-token', `r8_${'z'.repeat(37)}`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(replicateVerifier, replicateRoutes(), credential('replicate-api-token', TOKEN));
  });
});
