import { describe } from 'vitest';
import { dropbox } from '../../src/verify/verifiers/dropbox.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `sl.${'D'.repeat(140)}`;

describe('Dropbox verifier', () => {
  // As Dropbox's API v2 describes users/get_current_account: the FullAccount; 401 with error ".tag" expired/invalid.
  itSettlesIdentity({
    verifier: dropbox,
    ruleId: 'dropbox-access-token',
    live: LIVE,
    revoked: `sl.${'E'.repeat(140)}`,
    routes: [
      {
        method: 'POST',
        path: '/2/users/get_current_account',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}` && req.body === 'null'
            ? { body: { account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc', name: { display_name: 'Ada Lovelace' }, email: 'ada@example.com', email_verified: true } }
            : { status: 401, body: { error_summary: 'expired_access_token/..', error: { '.tag': 'expired_access_token' } } },
      },
    ],
    active: { status: 'active', identity: 'Ada Lovelace <ada@example.com>' },
    inactive: { status: 'inactive', reason: 'Dropbox: expired_access_token' },
    placement: { header: 'authorization' },
    method: 'POST',
  });
});
