import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { mistralVerifier } from '../../src/verify/verifiers/mistral.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = randomFrom(ALNUM, 32);

/** The OpenAI-compatible model list: the models for a known key, 401 invalid_api_key otherwise. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/models',
      handler: (req) =>
        req.headers.authorization === `Bearer ${KEY}`
          ? { body: { object: 'list', data: [{ id: 'model-small', object: 'model', owned_by: 'Mistral' }] } }
          : { status: 401, body: { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } } },
    },
  ];
}

describe('Mistral verifier', () => {
  it('counts a key that may list models as live', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(mistralVerifier, server, credential('mistral-api-key', KEY))).toEqual({ status: 'active', identity: undefined });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles an invalid key (401) as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(mistralVerifier, server, credential('mistral-api-key', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(mistralVerifier, routes(), credential('mistral-api-key', KEY));
  });
});
