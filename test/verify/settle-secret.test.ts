import { describe, expect, it } from 'vitest';
import { identityEndpoint } from '../../src/verify/verifiers/answer.js';
import { text } from '../../src/verify/verifiers/shared.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const SECRET = 'echoed-secret-0123456789abcdef';

describe('settling a verifier', () => {
  it('never lets an answer that echoes the secret carry it into the identity, scopes or reason', async () => {
    const echo = identityEndpoint({
      id: 'echo',
      rules: ['echo'],
      baseUrl: 'https://echo.invalid',
      path: '/me',
      headers: (secret) => ({ authorization: `Bearer ${secret}` }),
      read: ({ json }) => ({ identity: text(json, 'user'), scopes: [text(json, 'scope') ?? ''] }),
    });
    const server = await providerServer([{ method: 'GET', path: '/me', handler: () => ({ body: { user: `owner of ${SECRET}`, scope: SECRET } }) }]);
    const outcome = await verifyAgainst(echo, server, credential('echo', SECRET));
    expect(outcome).toEqual({ status: 'active', identity: 'owner of [secret]', scopes: ['[secret]'] });
    expect(JSON.stringify(outcome)).not.toContain(SECRET);
  });
});
