import type { Outcome, Verifier, VerifyHttp } from '../types.js';
import { bearer, regionalCacheKey, regionalRejection, text, textList, type AskedRegion } from './shared.js';

/** SendGrid's EU data residency (EU regional subusers) has its own API host, which does not know global keys' peers. */
const GLOBAL: AskedRegion = { provider: 'SendGrid', asked: 'global (api.sendgrid.com)', others: /\bapi\.eu\.sendgrid\.com\b|setDataResidency\(\s*["']eu["']/i };

async function usernameOf(http: VerifyHttp, secret: string, scopes: string[]): Promise<string | undefined> {
  if (!scopes.includes('user.username.read')) return undefined;
  try {
    const response = await http.request('/v3/user/username', { headers: bearer(secret) });
    return response.status === 200 ? text(response.json, 'username') : undefined;
  } catch {
    // The key is already known to be live; a user name lost to a rate limit or timeout is only less detail.
    return undefined;
  }
}

/**
 * SendGrid API keys: `GET /v3/scopes` with the key as a Bearer header answers the key's scopes; 401 or 403 means it
 * is invalid or revoked. When the scopes allow it, `GET /v3/user/username` names the account. Only the global host is
 * asked, so a rejection is unknown when the file points at the EU host.
 */
export const sendgridVerifier: Verifier = {
  id: 'sendgrid',
  rules: ['sendgrid-api-key'],
  baseUrl: 'https://api.sendgrid.com',
  cacheKey: regionalCacheKey(GLOBAL),
  ratePerSecond: 3,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/v3/scopes', { headers: bearer(secret) });
    if (response.status === 401 || response.status === 403) return regionalRejection(response.status, context, GLOBAL);
    if (response.status !== 200) return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
    const scopes = textList(response.json, 'scopes') ?? [];
    return { status: 'active', identity: await usernameOf(http, secret, scopes), scopes };
  },
};
