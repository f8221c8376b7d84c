import type { Outcome, Verifier } from '../types.js';
import { regionalCacheKey, regionalRejection, type AskedRegion } from './shared.js';

/** Datadog sites other than US1, whose keys US1 does not know. */
const US1: AskedRegion = { provider: 'Datadog', asked: 'US1 (api.datadoghq.com)', others: /\b(?:(?:us3|us5|ap1|ap2|uk1)\.datadoghq\.com|datadoghq\.eu|(?:us2\.)?ddog-gov\.com)\b/i };

/**
 * Datadog API keys: `GET /api/v1/validate` with the `DD-API-KEY` header answers `{"valid": true}`, and 403 for a key
 * it does not know. Only the US1 site (api.datadoghq.com) is asked: the site a key belongs to is not in the key, and
 * a host is never taken from the scanned file. So a 403 is inactive only when the file names no other Datadog site;
 * otherwise it is unknown, with that reason.
 */
export const datadogVerifier: Verifier = {
  id: 'datadog',
  rules: ['datadog-api-key'],
  baseUrl: 'https://api.datadoghq.com',
  cacheKey: regionalCacheKey(US1),
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/api/v1/validate', { headers: { 'dd-api-key': secret, accept: 'application/json' } });
    if (response.status === 200 && (response.json as { valid?: unknown } | undefined)?.valid === true) return { status: 'active' };
    if (response.status === 403 || response.status === 401) return regionalRejection(response.status, context, US1);
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
