import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { pineconeVerifier } from '../../src/verify/verifiers/pinecone.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `pcsk_${randomFrom(ALNUM, 5)}_${randomFrom(ALNUM, 64)}`;

/** GET /indexes on the control plane; 401 for an invalid key. */
function routes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/indexes',
      handler: (req) => (req.headers['api-key'] === KEY && Boolean(req.headers['x-pinecone-api-version']) ? { body: { indexes: [] } } : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Invalid API Key' }, status: 401 } }),
    },
  ];
}

describe('Pinecone verifier', () => {
  it('reads a live credential', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(pineconeVerifier, server, credential('pinecone-api-key', KEY))).toEqual({ status: 'active', identity: undefined });
    expect(server.requests[0]?.method).toBe('GET');
    expectSecretOnlyIn(server, KEY, { header: 'api-key' });
  });

  it('settles a refused credential as inactive', async () => {
    const server = await providerServer(routes());
    expect(await verifyAgainst(pineconeVerifier, server, credential('pinecone-api-key', `${KEY}x`))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(pineconeVerifier, routes(), credential('pinecone-api-key', KEY));
  });
});
