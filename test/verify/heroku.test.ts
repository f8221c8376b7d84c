import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { herokuVerifier } from '../../src/verify/verifiers/heroku.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `HRKU-${randomFrom(BASE64URL, 60)}`;

/** GET /account in Heroku Platform API v3: needs its Accept header; 401 `unauthorized` for an unknown key. */
function herokuRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/account',
      handler: (req) => {
        if (!String(req.headers.accept).includes('application/vnd.heroku+json; version=3')) return { status: 400, body: { id: 'bad_request', message: 'Accept header missing' } };
        return req.headers.authorization === `Bearer ${KEY}` ? { body: { id: '01234567-89ab-cdef-0123-456789abcdef', email: 'dana@acme.test', name: 'Dana' } } : { status: 401, body: { id: 'unauthorized', message: 'Invalid credentials provided.' } };
      },
    },
  ];
}

describe('Heroku verifier', () => {
  it('reads the account e-mail of a live key', async () => {
    const server = await providerServer(herokuRoutes());
    expect(await verifyAgainst(herokuVerifier, server, credential('heroku-api-key', KEY))).toEqual({ status: 'active', identity: 'dana@acme.test' });
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles an invalid key (401) as inactive', async () => {
    const server = await providerServer(herokuRoutes());
    expect(await verifyAgainst(herokuVerifier, server, credential('heroku-api-key-legacy', '01234567-89ab-cdef-0123-456789abcdef'))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(herokuVerifier, herokuRoutes(), credential('heroku-api-key', KEY));
  });
});
