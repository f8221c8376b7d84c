import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/**
 * Vercel access tokens: `GET /v2/user` with the token as a Bearer header answers the user; an invalid token answers
 * 403 (`invalidToken: true`) or 401.
 */
export const vercelVerifier: Verifier = {
  id: 'vercel',
  rules: ['vercel-access-token'],
  baseUrl: 'https://api.vercel.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v2/user', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const user = (response.json as { user?: unknown } | undefined)?.user;
    return { status: 'active', identity: identityOf(text(user, 'username'), text(user, 'email')) };
  },
};
