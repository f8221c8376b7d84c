import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, textAt } from './answer.js';

/**
 * Dropbox: `users/get_current_account`, an RPC endpoint that reads the account (POST is how Dropbox's RPC calls are
 * made; it takes no argument, sent as the JSON `null`). Short-lived `sl.` tokens expire after hours, and Dropbox says
 * so: `expired_access_token` and `invalid_access_token` are inactive.
 */
export const dropbox: Verifier = {
  id: 'dropbox',
  rules: ['dropbox-access-token'],
  baseUrl: 'https://api.dropboxapi.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/2/users/get_current_account', {
      method: 'POST',
      headers: { authorization: `Bearer ${credential.secret}`, 'content-type': 'application/json' },
      body: 'null',
    });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') {
      const tag = textAt(response.json, 'error', '.tag');
      return tag ? { status: 'inactive', reason: `Dropbox: ${tag}` } : outcome;
    }
    if (outcome.status !== 'active') return outcome;
    const email = textAt(response.json, 'email');
    return { status: 'active', identity: joinIdentity(textAt(response.json, 'name', 'display_name') ?? textAt(response.json, 'account_id'), email && `<${email}>`) };
  },
};
