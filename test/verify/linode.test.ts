import { describe, expect, it } from 'vitest';
import { linode } from '../../src/verify/verifiers/linode.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

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

  it('settles a token scoped away from the profile (401 "not authorized to use this endpoint") as live', async () => {
    const server = await providerServer([{ method: 'GET', path: '/v4/profile', handler: () => ({ status: 401, body: { errors: [{ reason: 'Your OAuth token is not authorized to use this endpoint.' }] } }) }]);
    expect(await verifyAgainst(linode, server, credential('linode-token', LIVE))).toEqual({ status: 'active', reason: 'recognised by Linode; the token is not scoped to read the profile' });
  });
});
