import { describe } from 'vitest';
import { groq } from '../../src/verify/verifiers/groq.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `gsk_${'g'.repeat(52)}`;

describe('Groq verifier', () => {
  // As Groq's OpenAI-compatible API describes GET /openai/v1/models: a model list; 401 invalid_api_key otherwise.
  itSettlesIdentity({
    verifier: groq,
    ruleId: 'groq-api-key',
    live: LIVE,
    revoked: `gsk_${'h'.repeat(52)}`,
    routes: [
      {
        method: 'GET',
        path: '/openai/v1/models',
        handler: (req) =>
          req.headers['authorization'] === `Bearer ${LIVE}`
            ? { body: { object: 'list', data: [{ id: 'llama-3.3-70b-versatile', object: 'model', owned_by: 'Meta' }] } }
            : { status: 401, body: { error: { message: 'Invalid API Key', type: 'invalid_request_error', code: 'invalid_api_key' } } },
      },
    ],
    active: { status: 'active' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
