import { describe } from 'vitest';
import { cohere } from '../../src/verify/verifiers/cohere.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = 'C'.repeat(40);

describe('Cohere verifier', () => {
  // As Cohere's "Check API key" describes it: {"valid": true, "organization_id", "owner_id"}; 401 for an invalid key.
  itSettlesIdentity({
    verifier: cohere,
    ruleId: 'cohere-api-key',
    live: LIVE,
    revoked: 'R'.repeat(40),
    routes: [
      {
        method: 'POST',
        path: '/v1/check-api-key',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { valid: true, organization_id: 'org-7f3c', owner_id: 'usr-19ab' } }
            : { status: 401, body: { id: 'unauthorized', message: 'invalid api token' } },
      },
    ],
    active: { status: 'active', identity: 'organization org-7f3c' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
    method: 'POST',
    context: 'COHERE_API_KEY=',
  });
});
