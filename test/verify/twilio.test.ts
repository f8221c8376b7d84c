import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { twilioVerifier } from '../../src/verify/verifiers/twilio.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, HEX, randomFrom } from '../helpers/fake-secrets.js';

const SID = `AC${randomFrom(HEX, 32)}`;
const OTHER_SID = `AC${randomFrom(HEX, 32)}`;
const AUTH_TOKEN = randomFrom(HEX, 32);
const KEY_SID = `SK${randomFrom(HEX, 32)}`;
const KEY_SECRET = randomFrom(ALNUM, 32);

/** The Account resource as Twilio's API docs give it, behind HTTP Basic auth; 401 (code 20003) otherwise. */
function twilioRoutes(): Route[] {
  const valid = new Set([`${SID}:${AUTH_TOKEN}`, `${KEY_SID}:${KEY_SECRET}`]);
  return [
    {
      method: 'GET',
      path: '/2010-04-01/Accounts/:file',
      handler: (req, params) => {
        const login = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
        if (params.file !== `${SID}.json` || !valid.has(login)) return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
        return { body: { sid: SID, friendly_name: 'Acme Support', status: 'active', type: 'Full' } };
      },
    },
  ];
}

describe('Twilio verifier', () => {
  it('checks an auth token with the Account SID from the same file', async () => {
    const server = await providerServer(twilioRoutes());
    const context = `TWILIO_ACCOUNT_SID=${SID}\nTWILIO_AUTH_TOKEN=${AUTH_TOKEN}\n`;
    expect(await verifyAgainst(twilioVerifier, server, credential('twilio-auth-token', AUTH_TOKEN, context))).toEqual({ status: 'active', identity: `Acme Support / ${SID}` });
    expectSecretOnlyIn(server, AUTH_TOKEN, { header: 'authorization', basic: 'password' });
  });

  it('checks an API key SID with its secret and the Account SID, trying each SID in the file', async () => {
    const server = await providerServer(twilioRoutes());
    const context = `parent: ${OTHER_SID}\naccount: ${SID}\ntwilio_api_key: ${KEY_SID}\ntwilio_api_secret: "${KEY_SECRET}"\n`;
    expect(await verifyAgainst(twilioVerifier, server, credential('twilio-api-key', KEY_SID, context))).toEqual({ status: 'active', identity: `Acme Support / ${SID}` });
    expect(server.requests.map((req) => req.path)).toEqual([`/2010-04-01/Accounts/${OTHER_SID}.json`, `/2010-04-01/Accounts/${SID}.json`]);
    expectSecretOnlyIn(server, KEY_SECRET, { header: 'authorization', basic: 'password' });
  });

  it('settles a refused pair as inactive', async () => {
    const server = await providerServer(twilioRoutes());
    const context = `TWILIO_ACCOUNT_SID=${SID}\nTWILIO_AUTH_TOKEN=ffffffffffffffffffffffffffffffff\n`;
    expect(await verifyAgainst(twilioVerifier, server, credential('twilio-auth-token', 'ffffffffffffffffffffffffffffffff', context))).toEqual({ status: 'inactive', reason: 'Twilio refused the credential for the Account SID in the file' });
  });

  it('is unknown, sending nothing, without the Account SID or the API key secret', async () => {
    const server = await providerServer(twilioRoutes());
    expect(await verifyAgainst(twilioVerifier, server, credential('twilio-auth-token', AUTH_TOKEN, `TWILIO_AUTH_TOKEN=${AUTH_TOKEN}`))).toEqual({ status: 'unknown', reason: 'no Twilio Account SID (AC...) in the same file to verify with' });
    expect(await verifyAgainst(twilioVerifier, server, credential('twilio-api-key', KEY_SID, `sid=${SID}\ntwilio_key=${KEY_SID}`))).toEqual({ status: 'unknown', reason: 'no Twilio API key secret in the same file to verify with' });
    expect(server.requests).toHaveLength(0);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(twilioVerifier, twilioRoutes(), credential('twilio-auth-token', AUTH_TOKEN, `${SID} ${AUTH_TOKEN}`));
  });
});
