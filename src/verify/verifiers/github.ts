import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyResponse } from '../types.js';

const INSTALLATION_RULE = 'github-server-to-server-token';

/**
 * GitHub's `github-authentication-token-expiration` header ("2026-01-01 00:00:00 UTC" or "... -0700") as ISO 8601;
 * undefined when absent or unreadable.
 */
export function githubExpiry(header: string | null): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const zone = !match[3] || match[3] === 'UTC' || match[3] === 'Z' ? 'Z' : `${match[3].slice(0, 3)}:${match[3].slice(-2)}`;
  const at = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const scopesOf = (response: VerifyResponse) => {
  const header = response.headers.get('x-oauth-scopes');
  return header === null ? undefined : header.split(',').map((s) => s.trim()).filter(Boolean);
};

/** A 403 that is GitHub's rate limit, not a refusal of the token. */
const rateLimited = (response: VerifyResponse) => response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0';

function fromUser(response: VerifyResponse): Outcome {
  if (rateLimited(response)) return { status: 'unknown', reason: 'rate limited (HTTP 403, x-ratelimit-remaining 0)' };
  const login = (response.json as { login?: unknown } | undefined)?.login;
  const outcome = outcomeOfStatus(response.status, typeof login === 'string' ? login : undefined);
  if (outcome.status === 'inactive') return { ...outcome, reason: `HTTP ${response.status} (${response.status === 401 ? 'bad credentials' : 'forbidden'})` };
  if (outcome.status !== 'active') return outcome;
  const scopes = scopesOf(response);
  const expiresAt = githubExpiry(response.headers.get('github-authentication-token-expiration'));
  return { ...outcome, ...(scopes ? { scopes } : {}), ...(expiresAt ? { expiresAt } : {}) };
}

function fromInstallation(response: VerifyResponse): Outcome {
  if (rateLimited(response)) return { status: 'unknown', reason: 'rate limited (HTTP 403, x-ratelimit-remaining 0)' };
  const total = (response.json as { total_count?: unknown } | undefined)?.total_count;
  const outcome = outcomeOfStatus(response.status, `GitHub App installation${typeof total === 'number' ? ` (${total} repositories)` : ''}`);
  const expiresAt = githubExpiry(response.headers.get('github-authentication-token-expiration'));
  return outcome.status === 'active' && expiresAt ? { ...outcome, expiresAt } : outcome;
}

/**
 * GitHub tokens: `GET /user` (login, X-OAuth-Scopes, the token's expiry header); installation tokens, which cannot
 * read /user, `GET /installation/repositories`. GITHUB_API_URL points it at GitHub Enterprise Server.
 */
export const githubVerifier: Verifier = {
  id: 'github',
  rules: ['github-personal-access-token', 'github-oauth-token', 'github-user-to-server-token', INSTALLATION_RULE, 'github-fine-grained-pat'],
  baseUrl: 'https://api.github.com',
  baseUrlEnv: 'GITHUB_API_URL',
  ratePerSecond: 5,
  async verify(credential, http) {
    const headers = { authorization: `Bearer ${credential.secret}`, accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    if (credential.ruleId === INSTALLATION_RULE) return fromInstallation(await http.request('/installation/repositories?per_page=1', { headers }));
    return fromUser(await http.request('/user', { headers }));
  },
};
