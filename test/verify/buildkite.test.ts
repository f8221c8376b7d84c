import { describe } from 'vitest';
import { buildkite } from '../../src/verify/verifiers/buildkite.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `bkua_${'3c'.repeat(20)}`;

describe('Buildkite verifier', () => {
  // As Buildkite's REST API "Access token" describes GET /v2/access-token: uuid, scopes, user; 401 when invalid.
  itSettlesIdentity({
    verifier: buildkite,
    ruleId: 'buildkite-agent-token',
    live: LIVE,
    revoked: `bkua_${'4d'.repeat(20)}`,
    routes: [
      {
        method: 'GET',
        path: '/v2/access-token',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { uuid: 'b63254c0-3271-4a98-8270-7cfbd6c2f14e', scopes: ['read_builds', 'read_pipelines'], description: 'CI reader', created_at: '2025-05-01T00:00:00Z', user: { name: 'Ada Lovelace', email: 'ada@example.com' } } }
            : { status: 401, body: { message: 'Authentication required. Please supply a valid API Access Token' } },
      },
    ],
    active: { status: 'active', identity: 'ada@example.com', scopes: ['read_builds', 'read_pipelines'] },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
