import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, isoTime, text } from './shared.js';

/** `tskey-api-<key id>-<secret>`: the key id is the public half, the one the keys API names the key by. */
const API_TOKEN = /^tskey-api-([A-Za-z0-9]{8,24})-[A-Za-z0-9]{20,48}$/;

/**
 * Tailscale API access tokens: `GET /api/v2/tailnet/-/keys/<key id>` (the default tailnet `-`; the key id is the
 * token's own public half) with the token as a Bearer header answers the key's expiry and description; an expired or
 * revoked token answers 401. Auth keys (`tskey-auth-`) register devices and cannot call the API, so they are not
 * sent anywhere and stay unknown.
 */
export const tailscaleVerifier: Verifier = {
  id: 'tailscale',
  rules: ['tailscale-api-key'],
  baseUrl: 'https://api.tailscale.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const keyId = API_TOKEN.exec(secret)?.[1];
    if (!keyId) return { status: 'unknown', reason: 'a Tailscale auth key cannot call the API; only API access tokens are checked' };
    const response = await http.request(`/api/v2/tailnet/-/keys/${keyId}`, { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const description = text(response.json, 'description');
    return { status: 'active', identity: description ? `key "${description}"` : `key ${keyId}`, expiresAt: isoTime(text(response.json, 'expires')) };
  },
};
