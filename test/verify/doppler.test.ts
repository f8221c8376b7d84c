import { describe, expect, it } from 'vitest';
import { doppler } from '../../src/verify/verifiers/doppler.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `dp.st.prd.${'A'.repeat(43)}`;

describe('Doppler verifier', () => {
  // As Doppler's API reference describes GET /v3/me: the token's name, type and workplace; 401 {"success": false}.
  const routes = [
    {
      method: 'GET',
      path: '/v3/me',
      handler: (req: { headers: Record<string, unknown> }) =>
        req.headers.authorization === `Bearer ${LIVE}`
          ? { body: { slug: '9c1b', name: 'ci-prd', created_at: '2025-01-01T00:00:00.000Z', last_seen_at: null, type: 'service_token', token_preview: 'dp.st.prd.AAAA...', workplace: { slug: 'acme', name: 'Acme' } } }
          : { status: 401, body: { messages: ['Invalid Auth token'], success: false } },
    },
  ];
  itSettlesIdentity({
    verifier: doppler,
    ruleId: 'doppler-token',
    live: LIVE,
    revoked: `dp.st.prd.${'B'.repeat(43)}`,
    routes,
    active: { status: 'active', identity: 'ci-prd (service_token) in workplace Acme' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('leaves SCIM and audit tokens to their own APIs, sending nothing', async () => {
    const server = await providerServer(routes);
    expect((await verifyAgainst(doppler, server, credential('doppler-token', `dp.scim.${'C'.repeat(43)}`))).status).toBe('unknown');
    expect(server.requests).toEqual([]);
  });
});
