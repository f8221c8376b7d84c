import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { dopplerVerifier } from '../../src/verify/verifiers/doppler.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = `dp.st.prd.${randomFrom(ALNUM, 40)}`;

/** GET /v3/me as Doppler's API gives it (AuthMeResponse): the token's name, type and workplace. */
function dopplerRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v3/me',
      handler: (req) =>
        req.headers.authorization === `Bearer ${TOKEN}`
          ? { body: { slug: 'tok', name: 'ci deploy', type: 'service_token', token_preview: 'dp.st.prd.Ab…', created_at: '2026-01-01T00:00:00Z', workplace: { slug: 'acme', name: 'Acme' } } }
          : { status: 401, body: { messages: ['Invalid Auth token'], success: false } },
    },
  ];
}

describe('Doppler verifier', () => {
  it('reads the workplace and token name of a live token', async () => {
    const server = await providerServer(dopplerRoutes());
    expect(await verifyAgainst(dopplerVerifier, server, credential('doppler-token', TOKEN))).toEqual({ status: 'active', identity: 'Acme / service_token "ci deploy"' });
    expectSecretOnlyIn(server, TOKEN, { header: 'authorization' });
  });

  it('settles an invalid token (401) as inactive, and sends nothing for a SCIM token', async () => {
    const server = await providerServer(dopplerRoutes());
    expect(await verifyAgainst(dopplerVerifier, server, credential('doppler-token', `dp.pt.${'z'.repeat(40)}`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
    const before = server.requests.length;
    expect(await verifyAgainst(dopplerVerifier, server, credential('doppler-token', `dp.scim.${'z'.repeat(40)}`))).toMatchObject({ status: 'unknown' });
    expect(server.requests).toHaveLength(before);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(dopplerVerifier, dopplerRoutes(), credential('doppler-token', TOKEN));
  });
});
