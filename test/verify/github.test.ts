import { describe, expect, it } from 'vitest';
import { githubExpiry, githubVerifier } from '../../src/verify/verifiers/github.js';
import type { Route } from '../servers/http.js';
import { githubToken } from './fixtures.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';

interface TokenFact {
  login: string;
  scopes?: string;
  expiration?: string;
}

/** GET /user and GET /installation/repositories as docs.github.com documents them, for the tokens in `tokens`. */
function githubRoutes(tokens: Map<string, TokenFact>, installations = new Set<string>()): Route[] {
  const bad = { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
  const tokenOf = (authorization: unknown) => /^(?:Bearer|token) (.+)$/.exec(String(authorization ?? ''))?.[1] ?? '';
  return [
    {
      method: 'GET',
      path: '/user',
      handler: (req) => {
        const token = tokenOf(req.headers.authorization);
        if (installations.has(token)) return { status: 403, body: { message: 'Resource not accessible by integration' } };
        const fact = tokens.get(token);
        if (!fact) return bad;
        const headers: Record<string, string> = {};
        if (fact.scopes !== undefined) headers['x-oauth-scopes'] = fact.scopes;
        if (fact.expiration) headers['github-authentication-token-expiration'] = fact.expiration;
        return { headers, body: { login: fact.login, id: 1, type: 'User' } };
      },
    },
    {
      method: 'GET',
      path: '/installation/repositories',
      handler: (req) => (installations.has(tokenOf(req.headers.authorization)) ? { body: { total_count: 3, repositories: [] } } : bad),
    },
  ];
}

describe('the GitHub verifier (GET /user)', () => {
  it('reports login, scopes and the expiry header of an active token', async () => {
    const token = githubToken();
    const server = await providerServer(githubRoutes(new Map([[token, { login: 'octocat', scopes: 'repo, read:org', expiration: '2026-03-01 12:00:00 UTC' }]])));
    const outcome = await verifyAgainst(githubVerifier, server, credential('github-personal-access-token', token));
    expect(outcome).toEqual({ status: 'active', identity: 'octocat', scopes: ['repo', 'read:org'], expiresAt: '2026-03-01T12:00:00.000Z' });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
  });

  it('is inactive on 401 Bad credentials (a revoked token)', async () => {
    const server = await providerServer(githubRoutes(new Map()));
    expect(await verifyAgainst(githubVerifier, server, credential('github-personal-access-token', githubToken()))).toEqual({ status: 'inactive', reason: 'HTTP 401 (bad credentials)' });
  });

  it('checks installation tokens, which cannot read /user, against /installation/repositories', async () => {
    const token = githubToken('ghs_');
    const server = await providerServer(githubRoutes(new Map(), new Set([token])));
    expect(await verifyAgainst(githubVerifier, server, credential('github-server-to-server-token', token))).toEqual({ status: 'active', identity: 'GitHub App installation (3 repositories)' });
  });

  it('reads a primary rate limit (403 with x-ratelimit-remaining 0) as unknown, not inactive', async () => {
    const server = await providerServer(githubRoutes(new Map()));
    server.injectFault({ pathPattern: /^\/user$/, times: 1, reply: { status: 403, headers: { 'x-ratelimit-remaining': '0' }, body: { message: 'API rate limit exceeded' } } });
    expect(await verifyAgainst(githubVerifier, server, credential('github-personal-access-token', githubToken()))).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/rate limited/) });
  });

  it('settles 429, 5xx and timeouts as unknown', async () => {
    const token = githubToken();
    await expectUnknownOnFaults(githubVerifier, githubRoutes(new Map([[token, { login: 'octocat' }]])), credential('github-personal-access-token', token));
  });

  it('parses the expiry header in UTC and with an offset', () => {
    expect(githubExpiry('2024-04-03 14:03:37 -0700')).toBe('2024-04-03T21:03:37.000Z');
    expect(githubExpiry('2026-01-01 00:00:00 UTC')).toBe('2026-01-01T00:00:00.000Z');
    expect(githubExpiry(null)).toBeUndefined();
    expect(githubExpiry('soon')).toBeUndefined();
  });
});
