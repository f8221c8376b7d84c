import { describe } from 'vitest';
import { pulumi } from '../../src/verify/verifiers/pulumi.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `pul-${'5e'.repeat(20)}`;

describe('Pulumi verifier', () => {
  // As the Pulumi Cloud REST API describes GET /api/user: the user (githubLogin, name, email); 401 when invalid.
  itSettlesIdentity({
    verifier: pulumi,
    ruleId: 'pulumi-access-token',
    live: LIVE,
    revoked: `pul-${'6f'.repeat(20)}`,
    routes: [
      {
        method: 'GET',
        path: '/api/user',
        handler: (req) =>
          req.headers.authorization === `token ${LIVE}`
            ? { body: { name: 'Ada Lovelace', githubLogin: 'ada', email: 'ada@example.com', organizations: [{ githubLogin: 'acme', name: 'Acme' }] } }
            : { status: 401, body: { code: 401, message: 'Unauthorized: No credentials provided or are invalid.' } },
      },
    ],
    active: { status: 'active', identity: 'ada' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
