import { describe } from 'vitest';
import { honeycomb } from '../../src/verify/verifiers/honeycomb.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `hcaik_${'0'.repeat(58)}`;

describe('Honeycomb verifier', () => {
  // As Honeycomb's Auth API describes GET /1/auth: id, type, api_key_access, environment, team; 401 otherwise.
  itSettlesIdentity({
    verifier: honeycomb,
    ruleId: 'honeycomb-api-key',
    live: LIVE,
    revoked: `hcaik_${'9'.repeat(58)}`,
    routes: [
      {
        method: 'GET',
        path: '/1/auth',
        handler: (req) =>
          req.headers['x-honeycomb-team'] === LIVE
            ? { body: { id: 'FL_xMM5LapLC', type: 'configuration', api_key_access: { events: true, markers: true, triggers: false, boards: false }, environment: { name: 'Production', slug: 'production' }, team: { name: 'Acme', slug: 'acme' } } }
            : { status: 401, body: { error: 'unknown API key - check your credentials' } },
      },
    ],
    active: { status: 'active', identity: 'configuration key of team Acme / Production', scopes: ['events', 'markers'] },
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one Honeycomb region asked; a credential of another region answers only at its own host' },
    placement: { header: 'x-honeycomb-team' },
  });
});
