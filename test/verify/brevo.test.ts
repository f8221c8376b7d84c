import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { brevoVerifier } from '../../src/verify/verifiers/brevo.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, HEX, randomFrom } from '../helpers/fake-secrets.js';

const brevoKey = () => `xkeysib-${randomFrom(HEX, 64)}-${randomFrom(ALNUM, 16)}`;
const KEY = brevoKey();

function brevoRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v3/account',
      handler: (req) => (req.headers['api-key'] === KEY ? { body: { email: 'ops@acme.test', firstName: 'Ops', companyName: 'Acme', plan: [{ type: 'free' }] } } : { status: 401, body: { code: 'unauthorized', message: 'Key not found' } }),
    },
  ];
}

describe('Brevo verifier', () => {
  it('reads the company and e-mail of a live key', async () => {
    const server = await providerServer(brevoRoutes());
    expect(await verifyAgainst(brevoVerifier, server, credential('brevo-api-key', KEY))).toEqual({ status: 'active', identity: 'Acme / ops@acme.test' });
    expectSecretOnlyIn(server, KEY, { header: 'api-key' });
  });

  it('settles "Key not found" as inactive and an IP refusal as unknown', async () => {
    const server = await providerServer(brevoRoutes());
    expect(await verifyAgainst(brevoVerifier, server, credential('brevo-api-key', brevoKey()))).toEqual({ status: 'inactive', reason: 'Brevo: Key not found' });
    const ipLocked = await providerServer([{ method: 'GET', path: '/v3/account', handler: () => ({ status: 401, body: { code: 'unauthorized', message: 'We have detected you are using an unrecognised IP address 203.0.113.9' } }) }]);
    expect(await verifyAgainst(brevoVerifier, ipLocked, credential('brevo-api-key', KEY))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(brevoVerifier, brevoRoutes(), credential('brevo-api-key', KEY));
  });
});
