import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { postmanVerifier } from '../../src/verify/verifiers/postman.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const postmanKey = () => `PMAK-${randomFrom(HEX, 24)}-${randomFrom(HEX, 34)}`;
const KEY = postmanKey();

function postmanRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/me',
      handler: (req) =>
        req.headers['x-api-key'] === KEY
          ? { body: { user: { id: 12345678, username: 'dana', email: 'dana@acme.test', fullName: 'Dana', teamName: 'Acme' }, operations: [] } }
          : { status: 401, body: { error: { name: 'AuthenticationError', message: 'Invalid API Key. Every request requires a valid API Key to be sent.' } } },
    },
  ];
}

describe('Postman verifier', () => {
  it('reads the user and team of a live key', async () => {
    const server = await providerServer(postmanRoutes());
    expect(await verifyAgainst(postmanVerifier, server, credential('postman-api-key', KEY))).toEqual({ status: 'active', identity: 'dana / team Acme' });
    expectSecretOnlyIn(server, KEY, { header: 'x-api-key' });
  });

  it('settles an invalid key (401) as inactive', async () => {
    const server = await providerServer(postmanRoutes());
    expect(await verifyAgainst(postmanVerifier, server, credential('postman-api-key', postmanKey()))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(postmanVerifier, postmanRoutes(), credential('postman-api-key', KEY));
  });
});
