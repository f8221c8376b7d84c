import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, text } from './shared.js';

/**
 * Heroku API keys and authorizations (HRKU- and legacy UUID forms): `GET /account` with the key as a Bearer header
 * and the v3 Accept header answers the account's e-mail; an invalid key answers 401 `unauthorized`.
 */
export const herokuVerifier: Verifier = {
  id: 'heroku',
  rules: ['heroku-api-key', 'heroku-api-key-legacy'],
  baseUrl: 'https://api.heroku.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/account', { headers: { ...bearer(secret), accept: 'application/vnd.heroku+json; version=3' } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    return { status: 'active', identity: text(response.json, 'email') ?? text(response.json, 'id') };
  },
};
