import { describe } from 'vitest';
import { fastly } from '../../src/verify/verifiers/fastly.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('Fastly verifier', () => {
  // As Fastly's API reference describes GET /tokens/self: the token (name, user, scope, expires_at); 401 when invalid.
  itSettlesIdentity({
    verifier: fastly,
    ruleId: 'fastly-api-token',
    live: LIVE,
    revoked: 'ZyXwVuTsRqPoNmLkJiHgFeDcBa543210',
    routes: [
      {
        method: 'GET',
        path: '/tokens/self',
        handler: (req) =>
          req.headers['fastly-key'] === LIVE
            ? { body: { id: '5Yo3XXnrQpjc20u0ybrf2g', user_id: '4y5K5trZocEAQYkesWlk7M', customer_id: 'x4xCwxxJxGCx123Rx5xTx', name: 'deploy', scope: 'global:read purge_select', services: [], created_at: '2026-01-01T00:00:00Z', expires_at: '2027-01-01T00:00:00Z', last_used_at: null } }
            : { status: 401, body: { msg: 'Provided credentials are missing or invalid' } },
      },
    ],
    active: {
      status: 'active',
      identity: 'token "deploy" of user 4y5K5trZocEAQYkesWlk7M in customer x4xCwxxJxGCx123Rx5xTx',
      expiresAt: '2027-01-01T00:00:00.000Z',
      scopes: ['global:read', 'purge_select'],
    },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'fastly-key' },
  });
});
