import type { Outcome, Verifier } from '../types.js';

/** The file names a Datadog site other than US1, whose keys US1 does not know. */
const OTHER_SITE = /\b(?:(?:us3|us5|ap1|ap2|uk1)\.datadoghq\.com|datadoghq\.eu|(?:us2\.)?ddog-gov\.com)\b/i;

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
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/api/v1/validate', { headers: { 'dd-api-key': secret, accept: 'application/json' } });
    if (response.status === 200 && (response.json as { valid?: unknown } | undefined)?.valid === true) return { status: 'active' };
    if (response.status === 403 || response.status === 401) {
      const site = OTHER_SITE.exec(context)?.[0];
      if (site) return { status: 'unknown', reason: `the file names the Datadog site ${site.toLowerCase()}; only US1 (api.datadoghq.com) is checked` };
      return { status: 'inactive', reason: `rejected by Datadog US1 (HTTP ${response.status})` };
    }
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
