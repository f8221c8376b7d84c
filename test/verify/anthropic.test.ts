import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { anthropicVerifier } from '../../src/verify/verifiers/anthropic.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const API_KEY = `sk-ant-api03-${randomFrom(BASE64URL, 93)}AA`;
const ADMIN_KEY = `sk-ant-admin01-${randomFrom(BASE64URL, 93)}AA`;
const REVOKED = `sk-ant-api03-${randomFrom(BASE64URL, 93)}AA`;
const ORG_ID = '12345678-1234-5678-1234-567812345678';

const AUTH_ERROR = { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } } };

/** Anthropic's models list and Get Current Organization, as its API reference gives them. */
function anthropicRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/models',
      handler: (req) => {
        if (req.headers['anthropic-version'] !== '2023-06-01') return { status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version header is required' } } };
        return req.headers['x-api-key'] === API_KEY ? { headers: { 'anthropic-organization-id': ORG_ID }, body: { data: [{ type: 'model', id: 'claude-sonnet-4-5' }], has_more: false } } : AUTH_ERROR;
      },
    },
    {
      method: 'GET',
      path: '/v1/organizations/me',
      handler: (req) => (req.headers['x-api-key'] === ADMIN_KEY ? { body: { id: ORG_ID, name: 'Acme Research', type: 'organization' } } : AUTH_ERROR),
    },
  ];
}

describe('Anthropic verifier', () => {
  it('reads a live API key with the organization id header', async () => {
    const server = await providerServer(anthropicRoutes());
    expect(await verifyAgainst(anthropicVerifier, server, credential('anthropic-api-key', API_KEY))).toEqual({ status: 'active', identity: ORG_ID });
    expectSecretOnlyIn(server, API_KEY, { header: 'x-api-key' });
  });

  it('reads an admin key through Get Current Organization', async () => {
    const server = await providerServer(anthropicRoutes());
    expect(await verifyAgainst(anthropicVerifier, server, credential('anthropic-admin-key', ADMIN_KEY))).toEqual({ status: 'active', identity: `Acme Research / ${ORG_ID}` });
    expectSecretOnlyIn(server, ADMIN_KEY, { header: 'x-api-key' });
  });

  it('settles authentication_error as inactive', async () => {
    const server = await providerServer(anthropicRoutes());
    expect(await verifyAgainst(anthropicVerifier, server, credential('anthropic-api-key', REVOKED))).toEqual({ status: 'inactive', reason: 'Anthropic: authentication_error' });
  });

  it('counts permission_error as a live key', async () => {
    const server = await providerServer([{ method: 'GET', path: '/v1/models', handler: () => ({ status: 403, headers: { 'anthropic-organization-id': ORG_ID }, body: { type: 'error', error: { type: 'permission_error', message: 'no access' } } }) }]);
    expect(await verifyAgainst(anthropicVerifier, server, credential('anthropic-api-key', API_KEY))).toEqual({ status: 'active', identity: ORG_ID });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(anthropicVerifier, anthropicRoutes(), credential('anthropic-api-key', API_KEY));
  });
});
