import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { groqVerifier } from '../../src/verify/verifiers/groq.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `gsk_${randomFrom(ALNUM, 52)}`;

/** The OpenAI-compatible model list: the models for a known key, 401 invalid_api_key otherwise. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/openai/v1/models',
      handler: (req) =>
        req.headers.authorization === `Bearer ${KEY}`
          ? { body: { object: 'list', data: [{ id: 'model-small', object: 'model', owned_by: 'Groq' }] } }
          : { status: 401, body: { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } } },
    },
  ];
}

describe('Groq verifier', () => {
  it('counts a key that may list models as live', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(groqVerifier, server, credential('groq-api-key', KEY))).toEqual({ status: 'active', identity: undefined });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles an invalid key (401) as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(groqVerifier, server, credential('groq-api-key', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(groqVerifier, routes(), credential('groq-api-key', KEY));
  });
});
