import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/**
 * Dropbox access tokens: the RPC `POST /2/users/get_current_account` (no arguments; Dropbox documents it as getting
 * "information about the current user's account", a read) answers the account's name and e-mail; 401 with
 * `invalid_access_token` or `expired_access_token` means the token is dead (sl. tokens live four hours).
 */
export const dropboxVerifier: Verifier = {
  id: 'dropbox',
  rules: ['dropbox-access-token'],
  baseUrl: 'https://api.dropboxapi.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/2/users/get_current_account', { method: 'POST', headers: bearer(secret) });
    if (response.status === 200) return { status: 'active', identity: identityOf(text(response.json, 'name', 'display_name'), text(response.json, 'email')) };
    if (response.status === 401) {
      const tag = text(response.json, 'error', '.tag');
      return { status: 'inactive', reason: tag ? `Dropbox: ${tag.slice(0, 40)}` : 'HTTP 401' };
    }
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
