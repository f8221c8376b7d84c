import { describe, expect, it } from 'vitest';
import { snyk } from '../../src/verify/verifiers/snyk.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe('Snyk verifier', () => {
  // As Snyk's REST API describes GET /rest/self: a JSON:API user document; 401 with a JSON:API error when invalid.
  const routes = [
    {
      method: 'GET',
      path: '/rest/self',
      handler: (req: { headers: Record<string, unknown>; query: URLSearchParams }) =>
        req.headers.authorization === `token ${LIVE}` && req.query.get('version')
          ? { body: { jsonapi: { version: '1.0' }, data: { type: 'user', id: '55a348e2-c3ad-4bbc-b40e-9b232d1f4121', attributes: { name: 'Ada Lovelace', username: 'ada', email: 'ada@example.com' } } } }
          : { status: 401, body: { jsonapi: { version: '1.0' }, errors: [{ status: '401', detail: 'Unauthorized' }] } },
    },
  ];
  itSettlesIdentity({
    verifier: snyk,
    ruleId: 'snyk-api-token',
    live: LIVE,
    revoked: '11111111-2222-3333-4444-555555555555',
    routes,
    active: { status: 'active', identity: 'ada <ada@example.com>' },
    // A token of another region is refused by this one: a rejection is not proof of death.
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one Snyk region asked; a credential of another region answers only at its own host' },
    placement: { header: 'authorization' },
  });

  it('names the API version the REST API requires', async () => {
    const server = await providerServer(routes);
    await verifyAgainst(snyk, server, credential('snyk-api-token', LIVE));
    expect(server.requests[0]?.query.get('version')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
