import type { Outcome, Verifier } from '../types.js';
import { text } from './shared.js';

/**
 * Postmark server and account tokens (both UUIDs, told apart only by the header they go in): `GET /server` with
 * `X-Postmark-Server-Token` answers the server's name; if that is refused, `GET /servers?count=1&offset=0` with
 * `X-Postmark-Account-Token` tells a live account token. Both reads; 401 from both means the token is invalid.
 */
export const postmarkVerifier: Verifier = {
  id: 'postmark',
  rules: ['postmark-server-token'],
  baseUrl: 'https://api.postmarkapp.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const accept = { accept: 'application/json' };
    const server = await http.request('/server', { headers: { ...accept, 'x-postmark-server-token': secret } });
    if (server.status === 200) return { status: 'active', identity: text(server.json, 'Name') && `server ${text(server.json, 'Name')}` };
    if (server.status !== 401) return { status: 'unknown', reason: `unexpected HTTP ${server.status}` };
    const account = await http.request('/servers?count=1&offset=0', { headers: { ...accept, 'x-postmark-account-token': secret } });
    if (account.status === 200) return { status: 'active', identity: 'account token' };
    if (account.status === 401) return { status: 'inactive', reason: 'Postmark refused it as a server and as an account token (HTTP 401)' };
    return { status: 'unknown', reason: `unexpected HTTP ${account.status}` };
  },
};
