import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyHttp } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/** The token's own metadata (`/v5/user/tokens/current`): its expiry, in Unix milliseconds as Vercel gives it. */
async function expiryOf(http: VerifyHttp, secret: string): Promise<string | undefined> {
  try {
    const response = await http.request('/v5/user/tokens/current', { headers: bearer(secret) });
    const millis = Number(text(response.json, 'token', 'expiresAt'));
    return response.status === 200 && Number.isFinite(millis) && millis > 0 ? new Date(millis).toISOString() : undefined;
  } catch {
    // The token is already known to be live; an expiry lost to a rate limit or timeout is only less detail.
    return undefined;
  }
}

/**
 * Vercel access tokens: `GET /v2/user` with the token as a Bearer header answers the user; an invalid token answers
 * 403 (`invalidToken: true`) or 401. The expiry comes from Get Auth Token Metadata for the token itself
 * (`GET /v5/user/tokens/current`).
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
    return { status: 'active', identity: identityOf(text(user, 'username'), text(user, 'email')), expiresAt: await expiryOf(http, secret) };
  },
};
