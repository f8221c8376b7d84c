import { describe } from 'vitest';
import { asana } from '../../src/verify/verifiers/asana.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `2/1203456789012345/1203456789012346:${'e'.repeat(32)}`;

describe('Asana verifier', () => {
  // As Asana's "Get a user" with `me` describes it: {"data": user}, or 401 {"errors": [{"message": "Not Authorized"}]}.
  itSettlesIdentity({
    verifier: asana,
    ruleId: 'asana-access-token',
    live: LIVE,
    revoked: `2/1203456789012345/1203456789012346:${'f'.repeat(32)}`,
    routes: [
      {
        method: 'GET',
        path: '/api/1.0/users/me',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { data: { gid: '12345', resource_type: 'user', name: 'Greg Sanchez', email: 'gsanchez@example.com', workspaces: [{ gid: '1', name: 'Acme' }] } } }
            : { status: 401, body: { errors: [{ message: 'Not Authorized' }] } },
      },
    ],
    active: { status: 'active', identity: 'Greg Sanchez <gsanchez@example.com>' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
