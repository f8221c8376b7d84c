import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { gitlabVerifier } from '../../src/verify/verifiers/gitlab.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const LIVE = `glpat-${randomFrom(ALNUM, 20)}`;
const REVOKED = `glpat-${randomFrom(ALNUM, 20)}`;

/** GitLab's answers as its REST docs give them: the token's own record, the user, and 401 for anything else. */
function gitlabRoutes(scopes: string[] = ['api', 'read_repository']): Route[] {
  const unauthorized = { status: 401, body: { message: '401 Unauthorized' } };
  return [
    {
      method: 'GET',
      path: '/api/v4/personal_access_tokens/self',
      handler: (req) =>
        req.headers['private-token'] === LIVE
          ? { body: { id: 42, name: 'ci deploy', revoked: false, created_at: '2026-01-02T10:00:00.000Z', scopes, user_id: 7, last_used_at: null, active: true, expires_at: '2027-03-31' } }
          : unauthorized,
    },
    { method: 'GET', path: '/api/v4/user', handler: (req) => (req.headers['private-token'] === LIVE ? { body: { id: 7, username: 'dana', name: 'Dana' } } : unauthorized) },
  ];
}

describe('GitLab verifier', () => {
  it('reads a live token: user name, token name, scopes and the expiry date as midnight UTC', async () => {
    const server = await providerServer(gitlabRoutes());
    const outcome = await verifyAgainst(gitlabVerifier, server, credential('gitlab-personal-access-token', LIVE));
    expect(outcome).toEqual({ status: 'active', identity: 'dana / token "ci deploy"', expiresAt: '2027-03-31T00:00:00.000Z', scopes: ['api', 'read_repository'] });
    expectSecretOnlyIn(server, LIVE, { header: 'private-token' });
  });

  it('gives the user id when the scopes do not allow reading the user', async () => {
    const server = await providerServer(gitlabRoutes(['read_repository']));
    const outcome = await verifyAgainst(gitlabVerifier, server, credential('gitlab-personal-access-token', LIVE));
    expect(outcome).toMatchObject({ status: 'active', identity: 'user id 7 / token "ci deploy"' });
    expect(server.requests.map((req) => req.path)).toEqual(['/api/v4/personal_access_tokens/self']);
  });

  it('settles a revoked or expired token (401) as inactive', async () => {
    const server = await providerServer(gitlabRoutes());
    const outcome = await verifyAgainst(gitlabVerifier, server, credential('gitlab-personal-access-token', REVOKED));
    expect(outcome).toEqual({ status: 'inactive', reason: 'HTTP 401' });
    expectSecretOnlyIn(server, REVOKED, { header: 'private-token' });
  });

  it('keeps a live verdict when only the user look-up is rate limited', async () => {
    const server = await providerServer(gitlabRoutes());
    server.injectFault({ pathPattern: /^\/api\/v4\/user$/, times: 1, reply: { status: 429 } });
    const outcome = await verifyAgainst(gitlabVerifier, server, credential('gitlab-personal-access-token', LIVE));
    expect(outcome).toMatchObject({ status: 'active', identity: 'user id 7 / token "ci deploy"' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(gitlabVerifier, gitlabRoutes(), credential('gitlab-personal-access-token', LIVE));
  });

  it('is bound to gitlab.com over https', () => {
    expect(gitlabVerifier.baseUrl).toBe('https://gitlab.com');
  });
});
