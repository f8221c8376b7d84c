import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { elevenlabsVerifier } from '../../src/verify/verifiers/elevenlabs.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `sk_${randomFrom(HEX, 48)}`;
const SCOPED = `sk_${randomFrom(HEX, 48)}`;

function elevenlabsRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/user',
      handler: (req) => {
        if (req.headers['xi-api-key'] === KEY) return { body: { user_id: 'u_123', first_name: 'Dana', subscription: { tier: 'creator', character_count: 10 } } };
        if (req.headers['xi-api-key'] === SCOPED) return { status: 401, body: { detail: { status: 'missing_permissions', message: 'The API key you used is missing the permission user_read' } } };
        return { status: 401, body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } } };
      },
    },
  ];
}

describe('ElevenLabs verifier', () => {
  it('reads the user and plan of a live key', async () => {
    const server = await providerServer(elevenlabsRoutes());
    expect(await verifyAgainst(elevenlabsVerifier, server, credential('elevenlabs-api-key', KEY))).toEqual({ status: 'active', identity: 'u_123 / creator plan' });
    expectSecretOnlyIn(server, KEY, { header: 'xi-api-key' });
  });

  it('counts a scoped key refused the user as live, and invalid_api_key as inactive', async () => {
    const server = await providerServer(elevenlabsRoutes());
    expect(await verifyAgainst(elevenlabsVerifier, server, credential('elevenlabs-api-key', SCOPED))).toEqual({ status: 'active', reason: 'scoped key: may not read the user' });
    expect(await verifyAgainst(elevenlabsVerifier, server, credential('elevenlabs-api-key', `sk_${'0'.repeat(48)}`))).toEqual({ status: 'inactive', reason: 'ElevenLabs: invalid_api_key' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(elevenlabsVerifier, elevenlabsRoutes(), credential('elevenlabs-api-key', KEY));
  });
});
