import type { Outcome, Verifier } from '../types.js';
import { identityOf, regionalCacheKey, regionalRejection, text, type AskedRegion } from './shared.js';

const US: AskedRegion = { provider: 'Honeycomb', asked: 'US (api.honeycomb.io)', others: /\bapi\.eu1\.honeycomb\.io\b/i };

/**
 * Honeycomb ingest and configuration keys: `GET /1/auth` with the `X-Honeycomb-Team` header answers the key's team
 * and environment; 401 means an invalid key. Only the US instance (api.honeycomb.io) is asked, so a rejection is
 * unknown rather than inactive when the file points at the EU instance.
 */
export const honeycombVerifier: Verifier = {
  id: 'honeycomb',
  rules: ['honeycomb-api-key'],
  baseUrl: 'https://api.honeycomb.io',
  cacheKey: regionalCacheKey(US),
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/1/auth', { headers: { 'x-honeycomb-team': secret } });
    if (response.status === 200) {
      const environment = text(response.json, 'environment', 'name');
      return { status: 'active', identity: identityOf(text(response.json, 'team', 'name') ?? text(response.json, 'team', 'slug'), environment && `environment ${environment}`) };
    }
    if (response.status === 401 || response.status === 403) return regionalRejection(response.status, context, US);
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
