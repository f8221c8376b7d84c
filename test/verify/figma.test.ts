import { describe } from 'vitest';
import { figma } from '../../src/verify/verifiers/figma.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `figd_${'F'.repeat(40)}`;

describe('Figma verifier', () => {
  // As Figma's REST API describes GET /v1/me: id, email, handle; 403 {"status": 403, "err": "Invalid token"}.
  itSettlesIdentity({
    verifier: figma,
    ruleId: 'figma-access-token',
    live: LIVE,
    revoked: `figd_${'G'.repeat(40)}`,
    routes: [
      {
        method: 'GET',
        path: '/v1/me',
        handler: (req) =>
          req.headers['x-figma-token'] === LIVE
            ? { body: { id: '1234', email: 'ada@example.com', handle: 'Ada', img_url: 'https://example.com/a.png' } }
            : { status: 403, body: { status: 403, err: 'Invalid token' } },
      },
    ],
    active: { status: 'active', identity: 'Ada <ada@example.com>' },
    inactive: { status: 'inactive', reason: 'HTTP 403' },
    placement: { header: 'x-figma-token' },
  });
});
