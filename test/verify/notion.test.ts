import { describe, expect, it } from 'vitest';
import { notion } from '../../src/verify/verifiers/notion.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `ntn_12345678901${'a'.repeat(35)}`;
const routes = [
  {
    method: 'GET',
    path: '/v1/users/me',
    // As Notion's "Retrieve your token's bot user" describes it: the bot user with its owner, or 401 code "unauthorized".
    handler: (req: { headers: Record<string, unknown> }) =>
      req.headers.authorization === `Bearer ${LIVE}` && req.headers['notion-version']
        ? {
            body: {
              object: 'user', id: '16d84278-ab0e-484c-9bdd-b35da3bd8905', name: 'pied piper', avatar_url: null, type: 'bot',
              bot: { owner: { type: 'user', user: { object: 'user', id: '5389a034', name: 'christine makenotion', type: 'person', person: { email: 'christine@example.com' } } }, workspace_name: 'Acme' },
            },
          }
        : { status: 401, body: { object: 'error', status: 401, code: 'unauthorized', message: 'API token is invalid.' } },
  },
];

describe('Notion verifier', () => {
  itSettlesIdentity({
    verifier: notion,
    ruleId: 'notion-integration-token',
    live: LIVE,
    revoked: `ntn_12345678901${'b'.repeat(35)}`,
    routes,
    active: { status: 'active', identity: 'pied piper in workspace Acme authorized by christine@example.com' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('sends the Notion-Version header the API requires', async () => {
    const server = await providerServer(routes);
    await verifyAgainst(notion, server, credential('notion-integration-token', LIVE));
    expect(server.requests[0]?.headers['notion-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
