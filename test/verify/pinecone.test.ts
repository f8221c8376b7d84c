import { describe } from 'vitest';
import { pinecone } from '../../src/verify/verifiers/pinecone.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `pcsk_AbCdE_${'p'.repeat(64)}`;

describe('Pinecone verifier', () => {
  // As Pinecone's control-plane API describes GET /indexes: {"indexes": [...]}; 401 UNAUTHENTICATED otherwise.
  itSettlesIdentity({
    verifier: pinecone,
    ruleId: 'pinecone-api-key',
    live: LIVE,
    revoked: `pcsk_AbCdE_${'q'.repeat(64)}`,
    routes: [
      {
        method: 'GET',
        path: '/indexes',
        handler: (req) =>
          req.headers['api-key'] === LIVE
            ? { body: { indexes: [{ name: 'docs', dimension: 1536, metric: 'cosine', host: 'docs-abc.svc.pinecone.io' }] } }
            : { status: 401, body: { error: { code: 'UNAUTHENTICATED', message: 'Invalid API Key' }, status: 401 } },
      },
    ],
    active: { status: 'active' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'api-key' },
  });
});
