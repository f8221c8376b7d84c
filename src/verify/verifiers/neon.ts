import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/**
 * Neon API keys: `GET /api/v2/users/me` with the key as a Bearer header answers the user of a personal key; 401 means
 * an invalid key. Organization and project keys have no user, so a 403 or 404 there settles nothing.
 */
export const neonVerifier: Verifier = {
  id: 'neon',
  rules: ['neon-api-key'],
  baseUrl: 'https://console.neon.tech',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/v2/users/me', { headers: { ...bearer(secret), accept: 'application/json' } });
    if (response.status === 200) return { status: 'active', identity: identityOf(text(response.json, 'name'), text(response.json, 'email')) };
    if (response.status === 401) return { status: 'inactive', reason: 'HTTP 401' };
    if (response.status === 403 || response.status === 404) return { status: 'unknown', reason: `HTTP ${response.status}: an organization or project key has no user to read` };
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
