import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { mailgunVerifier } from '../../src/verify/verifiers/mailgun.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `key-${randomFrom(HEX, 32)}`;

/** GET /v3/domains behind Basic auth (user api), as Mailgun's API reference gives it; 401 "Forbidden" otherwise. */
function mailgunRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v3/domains',
      handler: (req) =>
        req.headers.authorization === `Basic ${Buffer.from(`api:${KEY}`).toString('base64')}`
          ? { body: { total_count: 2, items: [{ name: 'mg.acme.test', state: 'active' }] } }
          : { status: 401, body: 'Forbidden' },
    },
  ];
}

describe('Mailgun verifier', () => {
  it('reads a live key and names the first sending domain', async () => {
    const server = await providerServer(mailgunRoutes());
    expect(await verifyAgainst(mailgunVerifier, server, credential('mailgun-api-key', KEY))).toEqual({ status: 'active', identity: 'domain mg.acme.test' });
    expect(server.requests[0]?.query.get('limit')).toBe('1');
    expectSecretOnlyIn(server, KEY, { header: 'authorization', basic: 'password' });
  });

  it('settles an unknown key (401) as inactive, or unknown when the file points at the EU host', async () => {
    const server = await providerServer(mailgunRoutes());
    expect(await verifyAgainst(mailgunVerifier, server, credential('mailgun-api-key', `key-${'f'.repeat(32)}`))).toEqual({ status: 'inactive', reason: 'rejected by Mailgun US (api.mailgun.net) (HTTP 401)' });
    const eu = `MAILGUN_API_BASE=https://api.eu.mailgun.net\nMAILGUN_KEY=key-${'f'.repeat(32)}`;
    expect(await verifyAgainst(mailgunVerifier, server, credential('mailgun-api-key', `key-${'f'.repeat(32)}`, eu))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(mailgunVerifier, mailgunRoutes(), credential('mailgun-api-key', KEY));
  });
});
