import { describe } from 'vitest';
import { brevo } from '../../src/verify/verifiers/brevo.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `xkeysib-${'a'.repeat(64)}-AbCdEfGhIjKlMnOp`;

describe('Brevo verifier', () => {
  // As Brevo's API describes GET /v3/account: email, names, companyName, plan; 401 {"code": "unauthorized"}.
  itSettlesIdentity({
    verifier: brevo,
    ruleId: 'brevo-api-key',
    live: LIVE,
    revoked: `xkeysib-${'b'.repeat(64)}-AbCdEfGhIjKlMnOp`,
    routes: [
      {
        method: 'GET',
        path: '/v3/account',
        handler: (req) =>
          req.headers['api-key'] === LIVE
            ? { body: { email: 'ops@example.com', firstName: 'Ada', lastName: 'Lovelace', companyName: 'Acme', plan: [{ type: 'free', credits: 300 }] } }
            : { status: 401, body: { code: 'unauthorized', message: 'Key not found' } },
      },
    ],
    active: { status: 'active', identity: 'ops@example.com (Acme)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'api-key' },
  });
});
