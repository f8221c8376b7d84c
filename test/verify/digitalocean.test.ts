import { describe, expect, it } from 'vitest';
import { digitalocean } from '../../src/verify/verifiers/digitalocean.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `dop_v1_${'a1'.repeat(32)}`;

describe('DigitalOcean verifier', () => {
  // As the DigitalOcean API reference describes GET /v2/account: the account object, or 401 with id "unauthorized".
  itSettlesIdentity({
    verifier: digitalocean,
    ruleId: 'digitalocean-personal-access-token',
    live: LIVE,
    revoked: `dop_v1_${'b2'.repeat(32)}`,
    routes: [
      {
        method: 'GET',
        path: '/v2/account',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { account: { droplet_limit: 25, email: 'sammy@example.com', uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef', email_verified: true, status: 'active', team: { uuid: '5df3', name: 'My Team' } } } }
            : { status: 401, body: { id: 'unauthorized', message: 'Unable to authenticate you' } },
      },
    ],
    active: { status: 'active', identity: 'sammy@example.com (team My Team)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('settles a token refused the account (403, as for a custom-scoped token) as live, not inactive', async () => {
    const server = await providerServer([{ method: 'GET', path: '/v2/account', handler: () => ({ status: 403, body: { id: 'Forbidden', message: 'You are not authorized to perform this operation' } }) }]);
    expect(await verifyAgainst(digitalocean, server, credential('digitalocean-personal-access-token', LIVE))).toEqual({ status: 'active', reason: 'recognised by DigitalOcean; the token is not scoped to read the account' });
  });
});
