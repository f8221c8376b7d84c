import { describe } from 'vitest';
import { replicate } from '../../src/verify/verifiers/replicate.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `r8_${'L'.repeat(37)}`;

describe('Replicate verifier', () => {
  // As Replicate's HTTP API describes GET /v1/account: type, username, name; 401 {"detail": "Invalid token."}.
  itSettlesIdentity({
    verifier: replicate,
    ruleId: 'replicate-api-token',
    live: LIVE,
    revoked: `r8_${'R'.repeat(37)}`,
    routes: [
      {
        method: 'GET',
        path: '/v1/account',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { type: 'organization', username: 'acme', name: 'Acme', github_url: 'https://github.com/acme' } }
            : { status: 401, body: { title: 'Unauthenticated', detail: 'You did not pass a valid authentication token', status: 401 } },
      },
    ],
    active: { status: 'active', identity: 'acme (organization)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
