import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, regionalCacheKey, regionalRejection, text, type AskedRegion } from './shared.js';

const API_VERSION = '2025-01-23';
const PRODUCTION: AskedRegion = { provider: 'Square', asked: 'production (connect.squareup.com)', others: /squareupsandbox\.com|\bsandbox\b/i };

/**
 * Square access tokens: RetrieveMerchant with the id `me` (`GET /v2/merchants/me`), "the merchant that is currently
 * accessible to this call", with the token as a Bearer header and a Square-Version; 401 means the token is invalid
 * or revoked. Only production (connect.squareup.com) is asked, so a rejection is unknown rather than inactive when
 * the file speaks of Square's sandbox, whose tokens production does not know.
 */
export const squareVerifier: Verifier = {
  id: 'square',
  rules: ['square-access-token'],
  baseUrl: 'https://connect.squareup.com',
  cacheKey: regionalCacheKey(PRODUCTION),
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/v2/merchants/me', { headers: { ...bearer(secret), 'square-version': API_VERSION } });
    if (response.status === 200) {
      const merchant = (response.json as { merchant?: unknown } | undefined)?.merchant;
      const status = text(merchant, 'status');
      if (status === 'INACTIVE') return { status: 'inactive', identity: text(merchant, 'id'), reason: 'Square reports the merchant inactive' };
      return { status: 'active', identity: identityOf(text(merchant, 'business_name'), text(merchant, 'id')) };
    }
    if (response.status === 401 || response.status === 403) return regionalRejection(response.status, context, PRODUCTION);
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
