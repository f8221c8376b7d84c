import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/**
 * Replicate API tokens: `GET /v1/account` with the token as a Bearer header answers the account (`type` user or
 * organization, `username`, `name`); an invalid token answers 401.
 */
export const replicateVerifier: Verifier = {
  id: 'replicate',
  rules: ['replicate-api-token'],
  baseUrl: 'https://api.replicate.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/account', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const type = text(response.json, 'type');
    return { status: 'active', identity: identityOf(text(response.json, 'username'), type && type !== 'user' ? `(${type})` : undefined) };
  },
};
