import { describe } from 'vitest';
import { airtable } from '../../src/verify/verifiers/airtable.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `patAbCdEfGhIjKlMn.${'c'.repeat(64)}`;

describe('Airtable verifier', () => {
  // As Airtable's "Get user info" (GET /v0/meta/whoami) describes it: id, e-mail with user.email:read, scopes for OAuth.
  itSettlesIdentity({
    verifier: airtable,
    ruleId: 'airtable-personal-access-token',
    live: LIVE,
    revoked: `patAbCdEfGhIjKlMn.${'d'.repeat(64)}`,
    routes: [
      {
        method: 'GET',
        path: '/v0/meta/whoami',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { id: 'usrL2PNC5o3H4lBEi', email: 'foo@example.com', scopes: ['data.records:read', 'user.email:read'] } }
            : { status: 401, body: { error: { type: 'AUTHENTICATION_REQUIRED', message: 'Authentication required' } } },
      },
    ],
    active: { status: 'active', identity: 'foo@example.com', scopes: ['data.records:read', 'user.email:read'] },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
