import { describe } from 'vitest';
import { linode } from '../../src/verify/verifiers/linode.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = '7a'.repeat(32);

describe('Linode verifier', () => {
  // As the Linode API v4 describes GET /v4/profile: username, email; 401 {"errors": [{"reason": "Invalid Token"}]}.
  itSettlesIdentity({
    verifier: linode,
    ruleId: 'linode-token',
    live: LIVE,
    revoked: '8b'.repeat(32),
    routes: [
      {
        method: 'GET',
        path: '/v4/profile',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { username: 'ada', email: 'ada@example.com', uid: 1234, restricted: false, two_factor_auth: true } }
            : { status: 401, body: { errors: [{ reason: 'Invalid Token' }] } },
      },
    ],
    active: { status: 'active', identity: 'ada <ada@example.com>' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
