import { describe, expect, it } from 'vitest';
import { elevenlabs } from '../../src/verify/verifiers/elevenlabs.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `sk_${'e1'.repeat(24)}`;
const RESTRICTED = `sk_${'f2'.repeat(24)}`;

// As ElevenLabs' API describes GET /v1/user: user_id, first_name, subscription; 401 with detail.status
// invalid_api_key, or missing_permissions for a key restricted away from user reads.
const routes = [
  {
    method: 'GET',
    path: '/v1/user',
    handler: (req: { headers: Record<string, unknown> }) => {
      if (req.headers['xi-api-key'] === LIVE) return { body: { user_id: 'u123', first_name: 'Ada', subscription: { tier: 'creator', character_count: 10 } } };
      if (req.headers['xi-api-key'] === RESTRICTED) return { status: 401, body: { detail: { status: 'missing_permissions', message: 'The API key you used is missing the permission user_read' } } };
      return { status: 401, body: { detail: { status: 'invalid_api_key', message: 'Invalid API key' } } };
    },
  },
];

describe('ElevenLabs verifier', () => {
  itSettlesIdentity({
    verifier: elevenlabs,
    ruleId: 'elevenlabs-api-key',
    live: LIVE,
    revoked: `sk_${'00'.repeat(24)}`,
    routes,
    active: { status: 'active', identity: 'Ada (creator)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'xi-api-key' },
    context: 'ELEVENLABS_API_KEY=',
  });

  it('settles a key restricted away from user reads as live', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(elevenlabs, server, credential('elevenlabs-api-key', RESTRICTED))).toEqual({ status: 'active', reason: 'recognised by ElevenLabs; the key may not read the user' });
  });
});
