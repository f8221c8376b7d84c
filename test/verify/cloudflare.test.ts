import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { cloudflareVerifier } from '../../src/verify/verifiers/cloudflare.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, HEX, randomFrom } from '../helpers/fake-secrets.js';

const USER_TOKEN = randomFrom(BASE64URL, 40);
const ACCOUNT_TOKEN = randomFrom(BASE64URL, 40);
const EXPIRED_TOKEN = randomFrom(BASE64URL, 40);
const ACCOUNT_ID = randomFrom(HEX, 32);
const GLOBAL_KEY = randomFrom(HEX, 37);

/** Token verify (user and account), and /user with the global key, as Cloudflare's API reference gives them. */
function cloudflareRoutes(): Route[] {
  const invalid = { status: 401, body: { success: false, errors: [{ code: 1000, message: 'Invalid API Token' }], messages: [], result: null } };
  const verified = (id: string, status: string, expires_on?: string) => ({ body: { success: true, errors: [], messages: [{ code: 10000, message: 'This API Token is valid and active' }], result: { id, status, expires_on } } });
  return [
    {
      method: 'GET',
      path: '/client/v4/user/tokens/verify',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${USER_TOKEN}`) return verified('ed17574386854bf78a67040be0a770b0', 'active', '2027-01-01T00:00:00Z');
        if (req.headers.authorization === `Bearer ${EXPIRED_TOKEN}`) return verified('aa17574386854bf78a67040be0a770b0', 'expired', '2025-01-01T00:00:00Z');
        return invalid;
      },
    },
    {
      method: 'GET',
      path: '/client/v4/accounts/:account/tokens/verify',
      handler: (req, params) => (params.account === ACCOUNT_ID && req.headers.authorization === `Bearer ${ACCOUNT_TOKEN}` ? verified('bb17574386854bf78a67040be0a770b0', 'active') : invalid),
    },
    {
      method: 'GET',
      path: '/client/v4/user',
      handler: (req) =>
        req.headers['x-auth-email'] === 'ops@acme.test' && req.headers['x-auth-key'] === GLOBAL_KEY
          ? { body: { success: true, result: { id: '7c5d', email: 'ops@acme.test' } } }
          : { status: 403, body: { success: false, errors: [{ code: 9103, message: 'Unknown X-Auth-Key or X-Auth-Email' }] } },
    },
  ];
}

describe('Cloudflare verifier', () => {
  it('reads a live user token with its expiry', async () => {
    const server = await providerServer(cloudflareRoutes());
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-api-token', USER_TOKEN))).toEqual({ status: 'active', identity: 'token ed17574386854bf78a67040be0a770b0', expiresAt: '2027-01-01T00:00:00.000Z' });
    expectSecretOnlyIn(server, USER_TOKEN, { header: 'authorization' });
  });

  it('verifies an account-owned token under the account id from the same file', async () => {
    const server = await providerServer(cloudflareRoutes());
    const context = `CLOUDFLARE_ACCOUNT_ID=${ACCOUNT_ID}\nCLOUDFLARE_API_TOKEN=${ACCOUNT_TOKEN}\n`;
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-api-token', ACCOUNT_TOKEN, context))).toMatchObject({ status: 'active', identity: 'token bb17574386854bf78a67040be0a770b0' });
    expectSecretOnlyIn(server, ACCOUNT_TOKEN, { header: 'authorization' });
  });

  it('settles an expired token as inactive and an unknown one (401, code 1000) as inactive', async () => {
    const server = await providerServer(cloudflareRoutes());
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-api-token', EXPIRED_TOKEN))).toEqual({ status: 'inactive', reason: 'Cloudflare reports the token expired', expiresAt: '2025-01-01T00:00:00.000Z' });
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-api-token', 'x'.repeat(40)))).toEqual({ status: 'inactive', reason: 'Cloudflare: invalid API token (HTTP 401)' });
  });

  it('checks a global API key with the e-mail from the same file, in its two headers', async () => {
    const server = await providerServer(cloudflareRoutes());
    const context = `owner = "someone@else.test"\ncloudflare_email = "ops@acme.test"\ncloudflare_api_key = "${GLOBAL_KEY}"\n`;
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-global-api-key', GLOBAL_KEY, context))).toEqual({ status: 'active', identity: 'ops@acme.test' });
    expect(server.requests).toHaveLength(1);
    expectSecretOnlyIn(server, GLOBAL_KEY, { header: 'x-auth-key' });
  });

  it('is unknown, sending nothing, for a global key without an e-mail in the file', async () => {
    const server = await providerServer(cloudflareRoutes());
    expect(await verifyAgainst(cloudflareVerifier, server, credential('cloudflare-global-api-key', GLOBAL_KEY, `CF_API_KEY=${GLOBAL_KEY}`))).toEqual({ status: 'unknown', reason: 'no Cloudflare account e-mail in the same file to verify with' });
    expect(server.requests).toHaveLength(0);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(cloudflareVerifier, cloudflareRoutes(), credential('cloudflare-api-token', USER_TOKEN));
  });
});
