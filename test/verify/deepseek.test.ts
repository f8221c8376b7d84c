import { describe } from 'vitest';
import { deepseek } from '../../src/verify/verifiers/deepseek.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `sk-${'d'.repeat(32)}`;

describe('DeepSeek verifier', () => {
  // As DeepSeek's API describes GET /models: a model list; 401 authentication_error otherwise.
  itSettlesIdentity({
    verifier: deepseek,
    ruleId: 'deepseek-api-key',
    live: LIVE,
    revoked: `sk-${'e'.repeat(32)}`,
    routes: [
      {
        method: 'GET',
        path: '/models',
        handler: (req) =>
          req.headers['authorization'] === `Bearer ${LIVE}`
            ? { body: { object: 'list', data: [{ id: 'deepseek-chat', object: 'model', owned_by: 'deepseek' }] } }
            : { status: 401, body: { error: { message: 'Authentication Fails, Your api key is invalid', type: 'authentication_error', code: 'invalid_request_error' } } },
      },
    ],
    active: { status: 'active' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
