import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { stripeVerifier } from '../../src/verify/verifiers/stripe.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const SECRET_KEY = `sk_live_${randomFrom(ALNUM, 30)}`;
const UNKNOWN = `sk_live_${randomFrom(ALNUM, 30)}`;
const RESTRICTED = `rk_live_${randomFrom(ALNUM, 30)}`;
const EXPIRED = `sk_live_${randomFrom(ALNUM, 30)}`;

/** GET /v1/account as Stripe's API reference and error docs give it. */
function stripeRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/account',
      handler: (req) => {
        const key = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
        if (key === SECRET_KEY) return { body: { id: 'acct_1Acme234', object: 'account', business_profile: { name: 'Acme Shop' }, email: 'billing@acme.test' } };
        if (key === RESTRICTED) {
          return { status: 403, body: { error: { type: 'invalid_request_error', message: `The provided key 'rk_live_***' does not have the required permissions for this endpoint on account 'acct_1Acme234'.` } } };
        }
        if (key === EXPIRED) return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Expired API Key provided: sk_live_***' } } };
        return { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided: sk_live_***' } } };
      },
    },
  ];
}

describe('Stripe verifier', () => {
  it('reads a live secret key: business name and account id', async () => {
    const server = await providerServer(stripeRoutes());
    expect(await verifyAgainst(stripeVerifier, server, credential('stripe-live-secret-key', SECRET_KEY))).toEqual({ status: 'active', identity: 'Acme Shop / acct_1Acme234' });
    expectSecretOnlyIn(server, SECRET_KEY, { header: 'authorization' });
  });

  it('counts a restricted key refused the account as live, with the account from the refusal', async () => {
    const server = await providerServer(stripeRoutes());
    expect(await verifyAgainst(stripeVerifier, server, credential('stripe-live-restricted-key', RESTRICTED))).toEqual({ status: 'active', identity: 'acct_1Acme234', reason: 'restricted key: may not read the account' });
  });

  it('settles invalid and expired keys (401) as inactive', async () => {
    const server = await providerServer(stripeRoutes());
    expect(await verifyAgainst(stripeVerifier, server, credential('stripe-live-secret-key', EXPIRED))).toEqual({ status: 'inactive', reason: 'Stripe: expired API key' });
    expect(await verifyAgainst(stripeVerifier, server, credential('stripe-live-secret-key', UNKNOWN))).toEqual({ status: 'inactive', reason: 'Stripe: invalid API key' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(stripeVerifier, stripeRoutes(), credential('stripe-live-secret-key', SECRET_KEY));
  });
});
