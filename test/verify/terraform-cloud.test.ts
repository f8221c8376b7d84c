import { describe, expect, it } from 'vitest';
import { terraformCloud } from '../../src/verify/verifiers/terraform-cloud.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `AbCdEfGhIjKlMn.atlasv1.${'g'.repeat(64)}`;

describe('HCP Terraform verifier', () => {
  // As the HCP Terraform API describes GET /api/v2/account/details: a JSON:API users document; 401 "unauthorized".
  itSettlesIdentity({
    verifier: terraformCloud,
    ruleId: 'terraform-cloud-api-token',
    live: LIVE,
    revoked: `AbCdEfGhIjKlMn.atlasv1.${'h'.repeat(64)}`,
    routes: [
      {
        method: 'GET',
        path: '/api/v2/account/details',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { data: { id: 'user-V3R563qtJNcExAkN', type: 'users', attributes: { username: 'admin', 'is-service-account': false, email: 'admin@example.com', 'two-factor': { enabled: true } } } } }
            : { status: 401, body: { errors: [{ status: '401', title: 'unauthorized' }] } },
      },
    ],
    active: { status: 'active', identity: 'admin <admin@example.com>' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('names the organization behind an organization token, which answers a synthetic service user', async () => {
    const server = await providerServer([
      {
        method: 'GET',
        path: '/api/v2/account/details',
        handler: () => ({
          body: {
            data: {
              id: 'user-9x', type: 'users',
              attributes: { username: 'api-org-acme-abc123', 'is-service-account': true },
              relationships: { 'authenticated-resource': { data: { id: 'acme', type: 'organizations' } } },
            },
          },
        }),
      },
    ]);
    expect(await verifyAgainst(terraformCloud, server, credential('terraform-cloud-api-token', LIVE))).toEqual({ status: 'active', identity: 'api-org-acme-abc123 for organization acme' });
  });
});
