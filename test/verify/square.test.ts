import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { squareVerifier } from '../../src/verify/verifiers/square.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `EAAA${randomFrom(BASE64URL, 60)}`;

/** RetrieveMerchant with the id me, as Square's API reference gives it; 401 UNAUTHORIZED otherwise. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v2/merchants/me',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` && Boolean(req.headers['square-version']) ? { body: { merchant: { id: 'ML7W', business_name: 'Acme Coffee', country: 'US', status: 'ACTIVE' } } } : { status: 401, body: { errors: [{ category: 'AUTHENTICATION_ERROR', code: 'UNAUTHORIZED', detail: 'This request could not be authorized.' }] } }),
    },
  ];
}

describe('Square verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(squareVerifier, server, credential('square-access-token', KEY))).toEqual({ status: 'active', identity: 'Acme Coffee / ML7W' });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(squareVerifier, server, credential('square-access-token', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'rejected by Square production (connect.squareup.com) (HTTP 401)' });
  });

  it('keeps a rejection unknown when the file speaks of the sandbox', async () => {
    const server = await providerServer(routes());
    const context = `SQUARE_ENVIRONMENT=sandbox\nSQUARE_ACCESS_TOKEN=${KEY}x\n`;
    expect(await verifyAgainst(squareVerifier, server, credential('square-access-token', `${KEY}x`, context))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(squareVerifier, routes(), credential('square-access-token', KEY));
  });
});
