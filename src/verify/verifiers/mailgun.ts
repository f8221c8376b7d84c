import type { Outcome, Verifier } from '../types.js';
import { basicAuth, regionalCacheKey, regionalRejection, text, type AskedRegion } from './shared.js';

const US: AskedRegion = { provider: 'Mailgun', asked: 'US (api.mailgun.net)', others: /\bapi\.eu\.mailgun\.net\b/i };

/**
 * Mailgun private API keys: `GET /v3/domains?limit=1` with HTTP Basic auth (user `api`, the key as password) lists
 * the account's first sending domain, a read; 401 means the key is invalid, and a 403 (a domain sending key, which
 * may only send) settles nothing. Only the US host (api.mailgun.net) is asked, so a rejection is unknown when the file
 * points at the EU host.
 */
export const mailgunVerifier: Verifier = {
  id: 'mailgun',
  rules: ['mailgun-api-key', 'mailgun-private-api-key'],
  baseUrl: 'https://api.mailgun.net',
  cacheKey: regionalCacheKey(US),
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/v3/domains?limit=1', { headers: basicAuth('api', secret) });
    if (response.status === 200) {
      const items = (response.json as { items?: unknown } | undefined)?.items;
      const domain = Array.isArray(items) ? text(items[0], 'name') : undefined;
      return { status: 'active', identity: domain ? `domain ${domain}` : undefined };
    }
    if (response.status === 401) return regionalRejection(response.status, context, US);
    if (response.status === 403) return { status: 'unknown', reason: 'Mailgun refused the domain list (HTTP 403): a sending-only key cannot be checked with a read' };
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
