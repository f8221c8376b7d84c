import { describe, expect, it } from 'vitest';
import { newrelic } from '../../src/verify/verifiers/newrelic.js';
import type { RecordedRequest } from '../servers/http.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = 'NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ0';

function query(req: RecordedRequest): string {
  return String((JSON.parse(req.body) as { query?: unknown }).query ?? '');
}

// As New Relic's NerdGraph docs describe it: POST /graphql with the user key in API-Key; { actor { user } } answers
// the key's user; a key the region does not know is refused with 401.
const routes = [
  {
    method: 'POST',
    path: '/graphql',
    handler: (req: RecordedRequest) =>
      req.headers['api-key'] === LIVE && /actor\s*\{\s*user/.test(query(req)) && !/mutation/.test(query(req))
        ? { body: { data: { actor: { user: { id: 1234567, name: 'Ada Lovelace', email: 'ada@example.com' } } } } }
        : { status: 401, body: { errors: [{ message: 'Invalid API key', extensions: { errorClass: 'UNAUTHORIZED' } }] } },
  },
];

describe('New Relic verifier', () => {
  itSettlesIdentity({
    verifier: newrelic,
    ruleId: 'newrelic-user-api-key',
    live: LIVE,
    revoked: 'NRAK-ZZZZZZZZZZZZZZZZZZZZZZZZZZZ',
    routes,
    active: { status: 'active', identity: 'Ada Lovelace <ada@example.com>' },
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one New Relic region asked; a credential of another region answers only at its own host' },
    placement: { header: 'api-key' },
    method: 'POST',
  });

  it('treats a 200 answer carrying an unauthorized GraphQL error as a rejection', async () => {
    const server = await providerServer([{ method: 'POST', path: '/graphql', handler: () => ({ body: { data: null, errors: [{ message: 'Unauthorized', extensions: { errorClass: 'UNAUTHORIZED' } }] } }) }]);
    expect((await verifyAgainst(newrelic, server, credential('newrelic-user-api-key', LIVE))).status).toBe('unknown');
  });
});
