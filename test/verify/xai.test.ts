import { describe, expect, it } from 'vitest';
import { xai } from '../../src/verify/verifiers/xai.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `xai-${'L'.repeat(80)}`;
const DISABLED = `xai-${'D'.repeat(80)}`;

// As xAI's REST API describes GET /v1/api-key: the key's name, team, ACLs and blocked/disabled flags; an unknown
// key answers 400 naming the API key.
const key = { redacted_api_key: 'xai-...LLLL', user_id: '59fb', name: 'ci', team_id: '5ea6', acls: ['api-key:model:*', 'api-key:endpoint:*'], api_key_id: 'ae1e', team_blocked: false, api_key_blocked: false, api_key_disabled: false };
const routes = [
  {
    method: 'GET',
    path: '/v1/api-key',
    handler: (req: { headers: Record<string, unknown> }) => {
      if (req.headers.authorization === `Bearer ${LIVE}`) return { body: key };
      if (req.headers.authorization === `Bearer ${DISABLED}`) return { body: { ...key, api_key_disabled: true } };
      return { status: 400, body: { code: 'Client specified an invalid argument', error: 'Incorrect API key provided: xa***. You can obtain an API key from https://console.x.ai.' } };
    },
  },
];

describe('xAI verifier', () => {
  itSettlesIdentity({
    verifier: xai,
    ruleId: 'xai-api-key',
    live: LIVE,
    revoked: `xai-${'R'.repeat(80)}`,
    routes,
    active: { status: 'active', identity: 'key "ci" of team 5ea6', scopes: ['api-key:model:*', 'api-key:endpoint:*'] },
    inactive: { status: 'inactive', reason: 'xAI: incorrect API key' },
    placement: { header: 'authorization' },
  });

  it('settles a key xAI reports disabled as inactive', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(xai, server, credential('xai-api-key', DISABLED))).toEqual({ status: 'inactive', reason: 'xAI: api key disabled' });
  });
});
