import { describe } from 'vitest';
import { contentful } from '../../src/verify/verifiers/contentful.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `CFPAT-${'c'.repeat(43)}`;

describe('Contentful verifier', () => {
  // As Contentful's Content Management API describes GET /users/me: the user; 401 AccessTokenInvalid otherwise.
  itSettlesIdentity({
    verifier: contentful,
    ruleId: 'contentful-access-token',
    live: LIVE,
    revoked: `CFPAT-${'d'.repeat(43)}`,
    routes: [
      {
        method: 'GET',
        path: '/users/me',
        handler: (req) =>
          req.headers.authorization === `Bearer ${LIVE}`
            ? { body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', activated: true, sys: { type: 'User', id: '7BslKh9TdKGOK41VmLDjFZ' } } }
            : { status: 401, body: { sys: { type: 'Error', id: 'AccessTokenInvalid' }, message: 'The access token you sent could not be found or is invalid.' } },
      },
    ],
    active: { status: 'active', identity: 'Ada Lovelace <ada@example.com>' },
    inactive: { status: 'unknown', reason: 'rejected (HTTP 401) by the one Contentful region asked; a credential of another region answers only at its own host' },
    placement: { header: 'authorization' },
  });
});
