import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, regionalCacheKey, regionalRejection, text, type AskedRegion } from './shared.js';

const US: AskedRegion = { provider: 'Intercom', asked: 'US (api.intercom.io)', others: /\bapi\.(?:eu|au)\.intercom\.io\b/i };

/**
 * Intercom access tokens: `GET /me` ("Identify an admin") with the token as a Bearer header answers the admin and the
 * workspace (app) it belongs to; 401 means an invalid token. Only the US region (api.intercom.io) is asked, so a
 * rejection is unknown rather than inactive when the file points at the EU or AU region.
 */
export const intercomVerifier: Verifier = {
  id: 'intercom',
  rules: ['intercom-access-token'],
  baseUrl: 'https://api.intercom.io',
  cacheKey: regionalCacheKey(US),
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/me', { headers: { ...bearer(secret), accept: 'application/json' } });
    if (response.status === 200) return { status: 'active', identity: identityOf(text(response.json, 'app', 'name') && `workspace ${text(response.json, 'app', 'name')}`, text(response.json, 'email')) };
    if (response.status === 401 || response.status === 403) return regionalRejection(response.status, context, US);
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
