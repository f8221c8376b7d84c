import { describe } from 'vitest';
import { intercom } from '../../src/verify/verifiers/intercom.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `dG9rOj${'a'.repeat(50)}`;

describe('Intercom verifier', () => {
  // As Intercom's API describes GET /me: the admin (name, email) and its app; 401 {"type": "error.list"} otherwise.
  itSettlesIdentity({
    verifier: intercom,
    ruleId: 'intercom-access-token',
    live: LIVE,
    revoked: `dG9rOj${'b'.repeat(50)}`,
    routes: [
      {
        method: 'GET',
        path: '/me',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { type: 'admin', id: '991267460', name: 'Ada Lovelace', email: 'ada@example.com', app: { type: 'app', id_code: 'this_is_an_id', name: 'Acme Support' } } }
            : { status: 401, body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } },
      },
    ],
    active: { status: 'active', identity: 'Ada Lovelace <ada@example.com> in workspace Acme Support' },
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one Intercom region asked; a credential of another region answers only at its own host' },
    placement: { header: 'authorization' },
    context: 'INTERCOM_TOKEN=',
  });
});
