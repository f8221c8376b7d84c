import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { huggingfaceVerifier } from '../../src/verify/verifiers/huggingface.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { LOWER, UPPER, randomFrom } from '../helpers/fake-secrets.js';

const USER_TOKEN = `hf_${randomFrom(UPPER + LOWER, 34)}`;
const ORG_TOKEN = `api_org_${randomFrom(UPPER + LOWER, 34)}`;
const REVOKED = `hf_${randomFrom(UPPER + LOWER, 34)}`;

/** whoami-v2 as the hub's API types give it: the account, and the token's name, role and expiry under auth. */
function hubRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/whoami-v2',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${USER_TOKEN}`) {
          return { body: { type: 'user', id: '62f2', name: 'dana', fullname: 'Dana', orgs: [], auth: { type: 'access_token', accessToken: { displayName: 'ci', role: 'fineGrained', expiration: '2027-01-15T12:00:00.000Z' } } } };
        }
        if (req.headers.authorization === `Bearer ${ORG_TOKEN}`) return { body: { type: 'org', id: '6300', name: 'acme', auth: { type: 'access_token', accessToken: { displayName: 'legacy', role: 'read' } } } };
        return { status: 401, body: { error: 'Invalid credentials in Authorization header' } };
      },
    },
  ];
}

describe('Hugging Face verifier', () => {
  it('reads a live user token: account, token name, role and expiry', async () => {
    const server = await providerServer(hubRoutes());
    const outcome = await verifyAgainst(huggingfaceVerifier, server, credential('huggingface-access-token', USER_TOKEN));
    expect(outcome).toEqual({ status: 'active', identity: 'dana / token "ci"', expiresAt: '2027-01-15T12:00:00.000Z', scopes: ['fineGrained'] });
    expectSecretOnlyIn(server, USER_TOKEN, { header: 'authorization' });
  });

  it('names an organization token as an organization', async () => {
    const server = await providerServer(hubRoutes());
    expect(await verifyAgainst(huggingfaceVerifier, server, credential('huggingface-org-token', ORG_TOKEN))).toEqual({ status: 'active', identity: 'acme (org) / token "legacy"', expiresAt: undefined, scopes: ['read'] });
  });

  it('settles an invalid token (401) as inactive', async () => {
    const server = await providerServer(hubRoutes());
    expect(await verifyAgainst(huggingfaceVerifier, server, credential('huggingface-access-token', REVOKED))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(huggingfaceVerifier, hubRoutes(), credential('huggingface-access-token', USER_TOKEN));
  });
});
