import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { xaiVerifier } from '../../src/verify/verifiers/xai.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `xai-${randomFrom(ALNUM, 80)}`;
const DISABLED = `xai-${randomFrom(ALNUM, 80)}`;

/** GET /v1/api-key as xAI's API reference gives it; 400 for an invalid key. */
function xaiRoutes(): Route[] {
  const record = (disabled: boolean) => ({
    redacted_api_key: 'xai-...b14o', user_id: '59fbe5f2', name: 'ci key', create_time: '2026-01-01T12:55:18Z', modify_time: '2026-01-02T12:55:18Z', modified_by: '3d38',
    team_id: '5ea6f6bd', acls: ['api-key:model:*', 'api-key:endpoint:*'], api_key_id: 'ae1e', team_blocked: false, api_key_blocked: false, api_key_disabled: disabled,
  });
  return [
    {
      method: 'GET',
      path: '/v1/api-key',
      handler: (req) => {
        if (req.headers.authorization === `Bearer ${KEY}`) return { body: record(false) };
        if (req.headers.authorization === `Bearer ${DISABLED}`) return { body: record(true) };
        return { status: 400, body: { code: 'Client specified an invalid argument', error: 'Incorrect API key provided' } };
      },
    },
  ];
}

describe('xAI verifier', () => {
  it('reads a live key: its name, team and ACLs', async () => {
    const server = await providerServer(xaiRoutes());
    expect(await verifyAgainst(xaiVerifier, server, credential('xai-api-key', KEY))).toEqual({ status: 'active', identity: 'key "ci key" / team 5ea6f6bd', scopes: ['api-key:model:*', 'api-key:endpoint:*'] });
    expectSecretOnlyIn(server, KEY, { header: 'authorization' });
  });

  it('settles a disabled key and an invalid one (400) as inactive', async () => {
    const server = await providerServer(xaiRoutes());
    expect(await verifyAgainst(xaiVerifier, server, credential('xai-api-key', DISABLED))).toEqual({ status: 'inactive', identity: 'key "ci key" / team 5ea6f6bd', reason: 'xAI reports api key disabled' });
    expect(await verifyAgainst(xaiVerifier, server, credential('xai-api-key', `xai-${'z'.repeat(80)}`))).toEqual({ status: 'inactive', reason: 'xAI rejected the key (HTTP 400)' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(xaiVerifier, xaiRoutes(), credential('xai-api-key', KEY));
  });
});
