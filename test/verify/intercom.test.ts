import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { intercomVerifier } from '../../src/verify/verifiers/intercom.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `dG9rOj${randomFrom(BASE64URL, 50)}`;

/** GET /me (Identify an admin) as Intercom's API reference gives it; 401 for an invalid token. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/me',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` ? { body: { type: 'admin', id: '1295', name: 'Joe', email: 'joe@acme.test', app: { type: 'app', id_code: 'abc', name: 'Acme', region: 'US' } } } : { status: 401, body: { type: 'error.list', errors: [{ code: 'unauthorized', message: 'Access Token Invalid' }] } }),
    },
  ];
}

describe('Intercom verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(intercomVerifier, server, credential('intercom-access-token', KEY))).toEqual({ status: 'active', identity: 'workspace Acme / joe@acme.test' });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(intercomVerifier, server, credential('intercom-access-token', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'rejected by Intercom US (api.intercom.io) (HTTP 401)' });
  });

  it('keeps a rejection unknown when the file points at another region', async () => {
    const server = await providerServer(routes());
    const context = `INTERCOM_API_BASE=https://api.eu.intercom.io\nINTERCOM_TOKEN=${KEY}x\n`;
    expect(await verifyAgainst(intercomVerifier, server, credential('intercom-access-token', `${KEY}x`, context))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(intercomVerifier, routes(), credential('intercom-access-token', KEY));
  });
});
