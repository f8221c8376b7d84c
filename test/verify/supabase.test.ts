import { describe } from 'vitest';
import { supabase } from '../../src/verify/verifiers/supabase.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `sbp_${'5a'.repeat(20)}`;

describe('Supabase verifier', () => {
  // As Supabase's Management API describes GET /v1/projects: the projects the token reaches; 401 otherwise.
  itSettlesIdentity({
    verifier: supabase,
    ruleId: 'supabase-access-token',
    live: LIVE,
    revoked: `sbp_${'6b'.repeat(20)}`,
    routes: [
      {
        method: 'GET',
        path: '/v1/projects',
        handler: (req) =>
          req.headers['authorization'] === `Bearer ${LIVE}`
            ? { body: [{ id: 'abcd', organization_id: 'org-acme', name: 'web', region: 'us-east-1' }, { id: 'efgh', organization_id: 'org-acme', name: 'api', region: 'eu-west-1' }] }
            : { status: 401, body: { message: 'Unauthorized' } },
      },
    ],
    active: { status: 'active', identity: 'organization org-acme' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
