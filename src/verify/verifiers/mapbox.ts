import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { isoAt, text, textList } from './shared.js';

/** The `code` values of the Tokens API that say the token no longer works. */
const DEAD_CODES = new Set(['TokenExpired', 'TokenRevoked', 'TokenInvalid', 'TokenMalformed']);

/**
 * Mapbox: "Retrieve a token" (`GET /tokens/v2`) answers whether the token is valid, its user, scopes and expiry.
 * The Tokens API takes the token only as the `access_token` query parameter, so that is where it goes.
 */
export const mapbox: Verifier = {
  id: 'mapbox',
  rules: ['mapbox-secret-token'],
  baseUrl: 'https://api.mapbox.com',
  ratePerSecond: 5,
  async verify(credential, http) {
    const response = await http.request(`/tokens/v2?${new URLSearchParams({ access_token: credential.secret }).toString()}`);
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    const code = text(response.json, 'code');
    if (code && DEAD_CODES.has(code)) return { status: 'inactive', reason: `Mapbox answered ${code}` };
    if (code !== 'TokenValid') return { status: 'unknown', reason: `Mapbox answered ${code ?? 'no code'}` };
    return {
      status: 'active',
      identity: text(response.json, 'token', 'user'),
      scopes: textList(response.json, 'token', 'scopes'),
      expiresAt: isoAt(response.json, 'token', 'expires'),
    };
  },
};
