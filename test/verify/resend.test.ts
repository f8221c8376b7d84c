import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { resendVerifier } from '../../src/verify/verifiers/resend.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const FULL = `re_${randomFrom(ALNUM, 8)}_${randomFrom(ALNUM, 24)}`;
const SENDING_ONLY = `re_${randomFrom(ALNUM, 8)}_${randomFrom(ALNUM, 24)}`;

/** GET /domains with the error names Resend's error reference gives. */
function resendRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/domains',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${FULL}`) return { body: { object: 'list', data: [{ id: 'd91c', name: 'mail.acme.test', status: 'verified' }] } };
        if (req.headers.authorization === `Bearer ${SENDING_ONLY}`) return { status: 401, body: { statusCode: 401, name: 'restricted_api_key', message: 'This API key is restricted to only send emails' } };
        return { status: 400, body: { statusCode: 400, name: 'validation_error', message: 'API key is invalid' } };
      },
    },
  ];
}

describe('Resend verifier', () => {
  it('reads a full-access key and names its first domain', async () => {
    const server = await providerServer(resendRoutes());
    expect(await verifyAgainst(resendVerifier, server, credential('resend-api-key', FULL))).toEqual({ status: 'active', identity: 'domain mail.acme.test' });
    expectSecretOnlyIn(server, FULL, { header: 'authorization' });
  });

  it('counts a sending-only key (restricted_api_key) as live, and an invalid key as inactive', async () => {
    const server = await providerServer(resendRoutes());
    expect(await verifyAgainst(resendVerifier, server, credential('resend-api-key', SENDING_ONLY))).toEqual({ status: 'active', reason: 'sending-only key' });
    expect(await verifyAgainst(resendVerifier, server, credential('resend-api-key', 're_zzzzzzzz_zzzzzzzzzzzzzzzzzzzzzzzz'))).toEqual({ status: 'inactive', reason: 'Resend: API key is invalid' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(resendVerifier, resendRoutes(), credential('resend-api-key', FULL));
  });
});
