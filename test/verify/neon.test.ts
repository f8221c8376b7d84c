import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { neonVerifier } from '../../src/verify/verifiers/neon.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { DIGITS, LOWER, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `napi_${randomFrom(LOWER + DIGITS, 64)}`;

/** GET /api/v2/users/me as Neon's API reference gives it; 401 for an invalid key. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v2/users/me',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` ? { body: { id: 'u-1', email: 'dana@acme.test', name: 'Dana' } } : { status: 401, body: { code: '', message: 'authorization failed' } }),
    },
  ];
}

describe('Neon verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(neonVerifier, server, credential('neon-api-key', KEY))).toEqual({ status: 'active', identity: 'Dana / dana@acme.test' });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(neonVerifier, server, credential('neon-api-key', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(neonVerifier, routes(), credential('neon-api-key', KEY));
  });
});
