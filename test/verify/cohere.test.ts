import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { cohereVerifier } from '../../src/verify/verifiers/cohere.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = randomFrom(ALNUM, 40);

/** POST /v1/check-api-key as Cohere's API reference gives it. */
function cohereRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/v1/check-api-key',
      handler: (req) => (req.headers.authorization === `Bearer ${KEY}` ? { body: { valid: true, organization_id: 'org-1', owner_id: 'user-7' } } : { status: 401, body: { message: 'invalid api token' } }),
    },
  ];
}

describe('Cohere verifier', () => {
  it('reads the organization and owner of a live key', async () => {
    const server = await providerServer(cohereRoutes());
    expect(await verifyAgainst(cohereVerifier, server, credential('cohere-api-key', KEY))).toEqual({ status: 'active', identity: 'organization org-1 / owner user-7' });
    expect(server.requests[0]?.body).toBe('');
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles an invalid key (401, or valid:false) as inactive', async () => {
    const server = await providerServer(cohereRoutes());
    expect(await verifyAgainst(cohereVerifier, server, credential('cohere-api-key', 'z'.repeat(40)))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
    const falsy = await providerServer([{ method: 'POST', path: '/v1/check-api-key', handler: () => ({ body: { valid: false } }) }]);
    expect(await verifyAgainst(cohereVerifier, falsy, credential('cohere-api-key', KEY))).toEqual({ status: 'inactive', reason: 'Cohere reports the key not valid' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(cohereVerifier, cohereRoutes(), credential('cohere-api-key', KEY));
  });
});
