import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { linearVerifier } from '../../src/verify/verifiers/linear.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `lin_api_${randomFrom(ALNUM, 40)}`;

/** Linear's GraphQL endpoint: the viewer for a known key, an authentication error in `errors` otherwise. */
function linearRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/graphql',
      handler: (req) => {
        const { query } = JSON.parse(req.body) as { query: string };
        if (/\bmutation\b/.test(query)) return { status: 400, body: { errors: [{ message: 'mutations are not expected here' }] } };
        if (req.headers.authorization === KEY) return { body: { data: { viewer: { id: 'u-1', name: 'Dana', email: 'dana@acme.test' } } } };
        return { status: 400, body: { errors: [{ message: 'Authentication required, not authenticated', extensions: { type: 'authentication error', code: 'AUTHENTICATION_ERROR' } }] } };
      },
    },
  ];
}

describe('Linear verifier', () => {
  it('reads the viewer of a live key with a read-only query', async () => {
    const server = await providerServer(linearRoutes());
    expect(await verifyAgainst(linearVerifier, server, credential('linear-api-key', KEY))).toEqual({ status: 'active', identity: 'Dana / dana@acme.test' });
    expect(JSON.parse(server.requests[0]?.body ?? '{}')).toEqual({ query: expect.stringMatching(/^query\b[^]*\bviewer\b/) });
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a GraphQL authentication error as inactive', async () => {
    const server = await providerServer(linearRoutes());
    expect(await verifyAgainst(linearVerifier, server, credential('linear-api-key', `lin_api_${'z'.repeat(40)}`))).toEqual({ status: 'inactive', reason: 'Linear: authentication failed (HTTP 400)' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(linearVerifier, linearRoutes(), credential('linear-api-key', KEY));
  });
});
