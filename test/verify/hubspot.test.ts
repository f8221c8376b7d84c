import { describe, expect, it } from 'vitest';
import { hubspot } from '../../src/verify/verifiers/hubspot.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';
import { randomUUID } from 'node:crypto';

const LIVE = `pat-na1-${randomUUID()}`;
const NO_SCOPE = `pat-na1-${randomUUID()}`;
const EU = `pat-eu1-${randomUUID()}`;

// As HubSpot's Account Info API describes GET /account-info/v3/details: portalId, accountType, ...; 401
// {"category": "INVALID_AUTHENTICATION"}; 403 {"category": "MISSING_SCOPES"} for an app without the scope.
const routes = [
  {
    method: 'GET',
    path: '/account-info/v3/details',
    handler: (req: { headers: Record<string, unknown> }) => {
      if (req.headers.authorization === `Bearer ${LIVE}`) return { body: { portalId: 62515, accountType: 'STANDARD', timeZone: 'US/Eastern', uiDomain: 'app.hubspot.com', dataHostingLocation: 'na1' } };
      if (req.headers.authorization === `Bearer ${NO_SCOPE}`) return { status: 403, body: { status: 'error', message: 'This app hasn\'t been granted all required scopes', category: 'MISSING_SCOPES' } };
      return { status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } };
    },
  },
];

describe('HubSpot verifier', () => {
  itSettlesIdentity({
    verifier: hubspot,
    ruleId: 'hubspot-private-app-token',
    live: LIVE,
    revoked: `pat-na1-${randomUUID()}`,
    routes,
    active: { status: 'active', identity: 'portal 62515 (STANDARD)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('settles a token refused for a missing scope as live, and an EU token rejected here as unknown', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(hubspot, server, credential('hubspot-private-app-token', NO_SCOPE))).toEqual({ status: 'active', reason: 'recognised by HubSpot; the app lacks the account-info scope' });
    expect((await verifyAgainst(hubspot, server, credential('hubspot-private-app-token', EU))).status).toBe('unknown');
  });
});
