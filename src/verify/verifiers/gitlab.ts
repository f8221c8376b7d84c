import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyHttp } from '../types.js';
import { identityOf, isoTime, text, textList } from './shared.js';

/** Scopes that let a token read `GET /user`, where the user name comes from. */
const USER_READING_SCOPES = new Set(['api', 'read_api', 'read_user']);

async function userName(http: VerifyHttp, secret: string, scopes: string[]): Promise<string | undefined> {
  if (!scopes.some((scope) => USER_READING_SCOPES.has(scope))) return undefined;
  try {
    const response = await http.request('/api/v4/user', { headers: { 'private-token': secret } });
    return response.status === 200 ? text(response.json, 'username') : undefined;
  } catch {
    // The token is already known to be live; a user name lost to a rate limit or timeout leaves only the user id.
    return undefined;
  }
}

/**
 * GitLab personal, project and group access tokens (all `glpat-`): `GET /api/v4/personal_access_tokens/self` with
 * the PRIVATE-TOKEN header answers the token's own scopes, user id and `expires_at` (a date; GitLab ends the token
 * at 00:00 UTC that day); revoked and expired tokens answer 401. The user name is read from `GET /api/v4/user` when
 * the token's scopes allow it. Only gitlab.com is checked; a self-managed instance is reached through
 * KEYWARD_VERIFY_ENDPOINTS, never through a host in the scanned file.
 */
export const gitlabVerifier: Verifier = {
  id: 'gitlab',
  rules: ['gitlab-personal-access-token'],
  baseUrl: 'https://gitlab.com',
  ratePerSecond: 5,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/v4/personal_access_tokens/self', { headers: { 'private-token': secret } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const token = response.json;
    if (token && typeof token === 'object' && ((token as { active?: unknown }).active === false || (token as { revoked?: unknown }).revoked === true)) {
      return { status: 'inactive', reason: 'GitLab reports the token revoked or inactive' };
    }
    const scopes = textList(token, 'scopes') ?? [];
    const name = await userName(http, secret, scopes);
    const userId = text(token, 'user_id');
    const tokenName = text(token, 'name');
    return {
      status: 'active',
      identity: identityOf(name ?? (userId ? `user id ${userId}` : undefined), tokenName ? `token "${tokenName}"` : undefined),
      expiresAt: isoTime(text(token, 'expires_at')),
      scopes,
    };
  },
};
