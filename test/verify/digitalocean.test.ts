import { describe, expect, it } from 'vitest';
import { digitalocean } from '../../src/verify/verifiers/digitalocean.js';
import type { Route } from '../servers/http.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './placement.js';

const LIVE = `dop_v1_${'a1'.repeat(32)}`;
const REVOKED = `dop_v1_${'b2'.repeat(32)}`;

// As the DigitalOcean API reference describes GET /v2/account: the account object, or 401 with id "unauthorized".
const routes: Route[] = [
  {
    method: 'GET',
    path: '/v2/account',
    handler: (req) =>
      req.headers.authorization === `Bearer ${LIVE}`
        ? { body: { account: { droplet_limit: 25, email: 'sammy@example.com', uuid: 'b6fr89dbf6d9156cace5f3c78dc9851d957381ef', email_verified: true, status: 'active', team: { uuid: '5df3', name: 'My Team' } } } }
        : { status: 401, body: { id: 'unauthorized', message: 'Unable to authenticate you' } },
  },
];

describe('DigitalOcean verifier', () => {
  it('settles a live token as active with the account e-mail and team, sending it only as a bearer', async () => {
    const server = await providerServer(routes);
    const outcome = await verifyAgainst(digitalocean, server, credential('digitalocean-personal-access-token', LIVE));
    expect(outcome).toEqual({ status: 'active', identity: 'sammy@example.com (team My Team)' });
    expectSecretOnlyIn(server.requests, LIVE, { header: 'authorization' });
    expect(server.requests[0]?.method).toBe('GET');
  });

  it('settles a revoked token as inactive', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(digitalocean, server, credential('digitalocean-personal-access-token', REVOKED))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(digitalocean, routes, credential('digitalocean-personal-access-token', LIVE));
  });
});
