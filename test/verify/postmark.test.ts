import { describe } from 'vitest';
import { postmark } from '../../src/verify/verifiers/postmark.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

describe('Postmark verifier', () => {
  // As Postmark's Server API describes GET /server: ID, Name, ...; 401 {"ErrorCode": 10} for an invalid token.
  itSettlesIdentity({
    verifier: postmark,
    ruleId: 'postmark-server-token',
    live: LIVE,
    revoked: '11111111-2222-3333-4444-555555555555',
    routes: [
      {
        method: 'GET',
        path: '/server',
        handler: (req) =>
          req.headers['x-postmark-server-token'] === LIVE
            ? { body: { ID: 1, Name: 'Production', Color: 'red', ServerLink: 'https://postmarkapp.com/servers/1/streams', DeliveryType: 'Live' } }
            : { status: 401, body: { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' } },
      },
    ],
    active: { status: 'active', identity: 'server "Production" (1)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'x-postmark-server-token' },
    context: 'POSTMARK_SERVER_TOKEN=',
  });
});
