import type { Outcome, Verifier } from '../types.js';
import { bearer, text } from './shared.js';

/**
 * Resend API keys: `GET /domains` with the key as a Bearer header lists the sending domains (a read). Resend's error
 * docs tell the cases apart by `name`: `restricted_api_key` (401) is a live sending-only key, while
 * `invalid_api_key` / `validation_error` "API key is invalid" (400/401/403) is a dead one.
 */
export const resendVerifier: Verifier = {
  id: 'resend',
  rules: ['resend-api-key'],
  baseUrl: 'https://api.resend.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/domains', { headers: bearer(secret) });
    if (response.status === 200) {
      const data = (response.json as { data?: unknown } | undefined)?.data;
      const domain = Array.isArray(data) ? text(data[0], 'name') : undefined;
      return { status: 'active', identity: domain ? `domain ${domain}` : undefined };
    }
    const name = text(response.json, 'name');
    if (name === 'restricted_api_key') return { status: 'active', reason: 'sending-only key' };
    if ([400, 401, 403].includes(response.status) && (name === 'invalid_api_key' || /api key is invalid/i.test(text(response.json, 'message') ?? ''))) {
      return { status: 'inactive', reason: 'Resend: API key is invalid' };
    }
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}${name ? ` (${name.slice(0, 40)})` : ''}` };
  },
};
