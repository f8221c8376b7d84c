import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

const EU_HOST = /\bapi\.eu1\.honeycomb\.io\b/i;

/**
 * Honeycomb ingest and configuration keys: `GET /1/auth` with the `X-Honeycomb-Team` header answers the key's team
 * and environment; 401 means an invalid key. Only the US instance (api.honeycomb.io) is asked, so a rejection is
 * unknown rather than inactive when the file points at the EU instance.
 */
export const honeycombVerifier: Verifier = {
  id: 'honeycomb',
  rules: ['honeycomb-api-key'],
  baseUrl: 'https://api.honeycomb.io',
  ratePerSecond: 2,
  async verify({ secret, context }, http): Promise<Outcome> {
    const response = await http.request('/1/auth', { headers: { 'x-honeycomb-team': secret } });
    if (response.status === 200) {
      const environment = text(response.json, 'environment', 'name');
      return { status: 'active', identity: identityOf(text(response.json, 'team', 'name') ?? text(response.json, 'team', 'slug'), environment && `environment ${environment}`) };
    }
    if (response.status === 401 || response.status === 403) {
      if (EU_HOST.test(context)) return { status: 'unknown', reason: 'the file points at Honeycomb EU; only the US instance (api.honeycomb.io) is checked' };
      return { status: 'inactive', reason: `rejected by Honeycomb US (HTTP ${response.status})` };
    }
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
