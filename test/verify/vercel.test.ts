import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { vercelVerifier } from '../../src/verify/verifiers/vercel.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = randomFrom(ALNUM, 24);

function vercelRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v2/user',
      handler: (req) =>
        req.headers.authorization === `Bearer ${TOKEN}`
          ? { body: { user: { id: 'usr_1', email: 'dana@acme.test', username: 'dana', name: 'Dana' } } }
          : { status: 403, body: { error: { code: 'forbidden', message: 'Not authorized', invalidToken: true } } },
    },
    {
      method: 'GET',
      path: '/v5/user/tokens/current',
      handler: (req) =>
        req.headers.authorization === `Bearer ${TOKEN}`
          ? { body: { token: { id: 'tok_1', name: 'ci', type: 'token', origin: 'manual', activeAt: 1767225600000, createdAt: 1767225600000, expiresAt: 1798761600000 } } }
          : { status: 403, body: { error: { code: 'forbidden', invalidToken: true } } },
    },
  ];
}

describe('Vercel verifier', () => {
  it('reads the user of a live token', async () => {
    const server = await providerServer(vercelRoutes());
    expect(await verifyAgainst(vercelVerifier, server, credential('vercel-access-token', TOKEN, `VERCEL_TOKEN=${TOKEN}`))).toEqual({ status: 'active', identity: 'dana / dana@acme.test', expiresAt: '2027-01-01T00:00:00.000Z' });
    expectSecretOnlyIn(server, TOKEN, { header: 'authorization' });
  });

  it('settles an invalid token (403 invalidToken) as inactive', async () => {
    const server = await providerServer(vercelRoutes());
    expect(await verifyAgainst(vercelVerifier, server, credential('vercel-access-token', 'ZzZzZzZzZzZzZzZzZzZzZzZz'))).toEqual({ status: 'inactive', reason: 'HTTP 403' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(vercelVerifier, vercelRoutes(), credential('vercel-access-token', TOKEN));
  });
});
