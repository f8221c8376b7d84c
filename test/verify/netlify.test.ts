import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { netlifyVerifier } from '../../src/verify/verifiers/netlify.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = `nfp_${randomFrom(ALNUM, 36)}`;

function netlifyRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/user',
      handler: (req) => (req.headers.authorization === `Bearer ${TOKEN}` ? { body: { id: '5f0c', full_name: 'Dana', email: 'dana@acme.test', slug: 'dana' } } : { status: 401, body: { code: 401, message: 'Access Denied' } }),
    },
  ];
}

describe('Netlify verifier', () => {
  it('reads the user of a live token', async () => {
    const server = await providerServer(netlifyRoutes());
    expect(await verifyAgainst(netlifyVerifier, server, credential('netlify-access-token', TOKEN))).toEqual({ status: 'active', identity: 'dana / dana@acme.test' });
    expectSecretOnlyIn(server, TOKEN, { header: 'authorization' });
  });

  it('settles an invalid token (401) as inactive', async () => {
    const server = await providerServer(netlifyRoutes());
    expect(await verifyAgainst(netlifyVerifier, server, credential('netlify-access-token', `nfp_${'z'.repeat(36)}`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(netlifyVerifier, netlifyRoutes(), credential('netlify-access-token', TOKEN));
  });
});
