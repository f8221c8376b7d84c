import { describe } from 'vitest';
import { circleci } from '../../src/verify/verifiers/circleci.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `CCIPAT_AbCdEfGhIjKlMnOpQrStUv_${'0a'.repeat(20)}`;

describe('CircleCI verifier', () => {
  // As CircleCI's API v2 "Get current user" describes it: id, login, name; 401 {"message": "You must log in first."}.
  itSettlesIdentity({
    verifier: circleci,
    ruleId: 'circleci-personal-token',
    live: LIVE,
    revoked: `CCIPAT_AbCdEfGhIjKlMnOpQrStUv_${'1b'.repeat(20)}`,
    routes: [
      {
        method: 'GET',
        path: '/api/v2/me',
        handler: (req) =>
          req.headers['circle-token'] === LIVE
            ? { body: { id: '6f0bb1f5-2c36-4c3b-9ae1-4f0d1c2b3a4e', login: 'octocat', name: 'Octo Cat' } }
            : { status: 401, body: { message: 'You must log in first.' } },
      },
    ],
    active: { status: 'active', identity: 'octocat (Octo Cat)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'circle-token' },
  });
});
