import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/**
 * Brevo (Sendinblue) API keys: `GET /v3/account` with the `api-key` header answers the account's company and e-mail;
 * 401 "Key not found" means the key is invalid. An account that only accepts authorised IP addresses refuses the
 * caller's address instead, which says nothing about the key, so that refusal is unknown.
 */
export const brevoVerifier: Verifier = {
  id: 'brevo',
  rules: ['brevo-api-key'],
  baseUrl: 'https://api.brevo.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v3/account', { headers: { 'api-key': secret, accept: 'application/json' } });
    if (response.status === 200) return { status: 'active', identity: identityOf(text(response.json, 'companyName'), text(response.json, 'email')) };
    const message = text(response.json, 'message') ?? '';
    if (/\bip\b/i.test(message)) return { status: 'unknown', reason: 'Brevo refused the caller address (authorised IPs), not the key' };
    if (response.status === 401 || response.status === 403) return { status: 'inactive', reason: `Brevo: ${message.slice(0, 60) || `HTTP ${response.status}`}` };
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
