import { describe, expect, it } from 'vitest';
import { pagerduty } from '../../src/verify/verifiers/pagerduty.js';
import type { RecordedRequest } from '../servers/http.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './placement.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const USER_KEY = `u+${randomFrom(ALNUM, 18)}`;
const ACCOUNT_KEY = `y_${randomFrom(ALNUM, 18)}`;
const auth = (req: RecordedRequest) => String(req.headers.authorization);

// As PagerDuty's REST API describes them: GET /users/me answers {"user": ...} for user-level keys and 400 (code 2100)
// for account-level keys, which GET /abilities accepts; 401 {"error": {"message": "Authentication failed"}} otherwise.
const routes = [
  {
    method: 'GET',
    path: '/users/me',
    handler: (req: RecordedRequest) => {
      if (auth(req) === `Token token=${USER_KEY}`) return { body: { user: { id: 'PXPGF42', type: 'user', name: 'Earline Greenholt', email: 'earline@example.com', role: 'admin' } } };
      if (auth(req) === `Token token=${ACCOUNT_KEY}`) return { status: 400, body: { error: { message: "Because this request was made using an account-level access token, we were unable to determine the user's identity.", code: 2100 } } };
      return { status: 401, body: { error: { message: 'Authentication failed', code: 2006 } } };
    },
  },
  {
    method: 'GET',
    path: '/abilities',
    handler: (req: RecordedRequest) =>
      [USER_KEY, ACCOUNT_KEY].some((key) => auth(req) === `Token token=${key}`)
        ? { body: { abilities: ['teams', 'read_only_users'] } }
        : { status: 401, body: { error: { message: 'Authentication failed', code: 2006 } } },
  },
];

describe('PagerDuty verifier', () => {
  itSettlesIdentity({
    verifier: pagerduty,
    ruleId: 'pagerduty-api-key',
    live: USER_KEY,
    revoked: 'zzzzzzzzzzzzzzzzzzzz',
    routes,
    active: { status: 'active', identity: 'Earline Greenholt <earline@example.com>' },
    // EU-region keys are refused by the US host: a rejection is not proof of death.
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one PagerDuty region asked; a credential of another region answers only at its own host' },
    placement: { header: 'authorization' },
  });

  it('settles an account-level key, which has no user, through /abilities', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(pagerduty, server, credential('pagerduty-api-key', ACCOUNT_KEY))).toEqual({ status: 'active', identity: 'account-level API key' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/me', 'GET /abilities']);
    expectSecretOnlyIn(server.requests, ACCOUNT_KEY, { header: 'authorization' });
  });
});
