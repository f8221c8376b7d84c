import { describe } from 'vitest';
import { mistral } from '../../src/verify/verifiers/mistral.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = 'M'.repeat(32);

describe('Mistral AI verifier', () => {
  // As Mistral's API describes GET /v1/models: a model list; 401 {"message": "Unauthorized"} otherwise.
  itSettlesIdentity({
    verifier: mistral,
    ruleId: 'mistral-api-key',
    live: LIVE,
    revoked: 'N'.repeat(32),
    routes: [
      {
        method: 'GET',
        path: '/v1/models',
        handler: (req) =>
          req.headers['authorization'] === `Bearer ${LIVE}`
            ? { body: { object: 'list', data: [{ id: 'mistral-small-latest', object: 'model', owned_by: 'mistralai' }] } }
            : { status: 401, body: { message: 'Unauthorized', request_id: 'r1' } },
      },
    ],
    active: { status: 'active' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
