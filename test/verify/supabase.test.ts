import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { supabaseVerifier } from '../../src/verify/verifiers/supabase.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `sbp_${randomFrom(HEX, 40)}`;

/** GET /v1/organizations on the Management API; 401 for an invalid token. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/organizations',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` ? { body: [{ id: 'org-1', name: 'Acme' }] } : { status: 401, body: { message: 'Unauthorized' } }),
    },
  ];
}

describe('Supabase verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(supabaseVerifier, server, credential('supabase-access-token', KEY))).toEqual({ status: 'active', identity: 'organization Acme' });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(supabaseVerifier, server, credential('supabase-access-token', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(supabaseVerifier, routes(), credential('supabase-access-token', KEY));
  });
});
