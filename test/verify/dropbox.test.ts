import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { dropboxVerifier } from '../../src/verify/verifiers/dropbox.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `sl.${randomFrom(BASE64URL, 140)}`;

/** The users/get_current_account RPC as Dropbox's API reference gives it; 401 with an error tag otherwise. */
function routes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/2/users/get_current_account',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` && req.body === '' ? { body: { account_id: 'dbid:AAH4', name: { display_name: 'Dana' }, email: 'dana@acme.test' } } : { status: 401, body: { error_summary: 'expired_access_token/', error: { '.tag': 'expired_access_token' } } }),
    },
  ];
}

describe('Dropbox verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(dropboxVerifier, server, credential('dropbox-access-token', KEY))).toEqual({ status: 'active', identity: 'Dana / dana@acme.test' });
    expect(server.requests[0]?.method).toBe('POST');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(dropboxVerifier, server, credential('dropbox-access-token', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'Dropbox: expired_access_token' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(dropboxVerifier, routes(), credential('dropbox-access-token', KEY));
  });
});
