import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { postmarkVerifier } from '../../src/verify/verifiers/postmark.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';

const SERVER_TOKEN = randomUUID();
const ACCOUNT_TOKEN = randomUUID();

/** GET /server and GET /servers as Postmark's API reference gives them; 401 with ErrorCode 10 otherwise. */
function postmarkRoutes(): Route[] {
  const refused = { status: 401, body: { ErrorCode: 10, Message: 'Bad or missing API token' } };
  return [
    { method: 'GET', path: '/server', handler: (req) => (req.headers['x-postmark-server-token'] === SERVER_TOKEN ? { body: { ID: 1, Name: 'Production', Color: 'red' } } : refused) },
    { method: 'GET', path: '/servers', handler: (req) => (req.headers['x-postmark-account-token'] === ACCOUNT_TOKEN ? { body: { TotalCount: 1, Servers: [{ ID: 1, Name: 'Production' }] } } : refused) },
  ];
}

describe('Postmark verifier', () => {
  it('reads a live server token', async () => {
    const server = await providerServer(postmarkRoutes());
    expect(await verifyAgainst(postmarkVerifier, server, credential('postmark-server-token', SERVER_TOKEN))).toEqual({ status: 'active', identity: 'server Production' });
    expectSecretOnlyIn(server, SERVER_TOKEN, { header: 'x-postmark-server-token' });
  });

  it('tells a live account token by its own header', async () => {
    const server = await providerServer(postmarkRoutes());
    expect(await verifyAgainst(postmarkVerifier, server, credential('postmark-server-token', ACCOUNT_TOKEN))).toEqual({ status: 'active', identity: 'account token' });
    expect(server.requests.map((req) => req.path)).toEqual(['/server', '/servers']);
  });

  it('settles a token refused both ways as inactive', async () => {
    const server = await providerServer(postmarkRoutes());
    expect(await verifyAgainst(postmarkVerifier, server, credential('postmark-server-token', '00000000-0000-0000-0000-000000000000'))).toEqual({ status: 'inactive', reason: 'Postmark refused it as a server and as an account token (HTTP 401)' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(postmarkVerifier, postmarkRoutes(), credential('postmark-server-token', SERVER_TOKEN));
  });
});
