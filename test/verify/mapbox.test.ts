import { describe, expect, it } from 'vitest';
import { mapbox } from '../../src/verify/verifiers/mapbox.js';
import type { RecordedRequest } from '../servers/http.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `sk.eyJ1IjoiYWNtZSIsImEiOiJja2x${'m'.repeat(20)}.${'v'.repeat(22)}`;
const EXPIRED = `sk.eyJ1IjoiYWNtZSIsImEiOiJja2x${'e'.repeat(20)}.${'x'.repeat(22)}`;

// As Mapbox's Tokens API describes "Retrieve a token": {"code": "TokenValid", "token": {...}}; some dead tokens answer
// 200 with another code (TokenExpired, TokenRevoked), unknown ones 401 {"message": "Unauthorized"}.
const routes = [
  {
    method: 'GET',
    path: '/tokens/v2',
    handler: (req: RecordedRequest) => {
      const token = req.query.get('access_token');
      if (token === LIVE) return { body: { code: 'TokenValid', token: { usage: 'sk', user: 'acme', authorization: 'cijucimbe000brbkt48d0dhcx', scopes: ['styles:read', 'tokens:read'], client: 'api' } } };
      if (token === EXPIRED) return { body: { code: 'TokenExpired', token: { usage: 'sk', user: 'acme', expires: '2026-01-01T00:00:00.000Z' } } };
      return { status: 401, body: { message: 'Unauthorized' } };
    },
  },
];

describe('Mapbox verifier', () => {
  itSettlesIdentity({
    verifier: mapbox,
    ruleId: 'mapbox-secret-token',
    live: LIVE,
    revoked: `sk.eyJ1IjoiYWNtZSIsImEiOiJja2x${'r'.repeat(20)}.${'y'.repeat(22)}`,
    routes,
    active: { status: 'active', identity: 'acme', scopes: ['styles:read', 'tokens:read'] },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    // The Tokens API documents only the access_token query parameter.
    placement: { query: 'access_token' },
  });

  it('settles a token Mapbox calls expired as inactive, with its code', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(mapbox, server, credential('mapbox-secret-token', EXPIRED))).toEqual({ status: 'inactive', reason: 'Mapbox answered TokenExpired' });
  });
});
