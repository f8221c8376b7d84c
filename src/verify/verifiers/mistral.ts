import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer } from './shared.js';

/**
 * Mistral AI API keys: `GET /v1/models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const mistralVerifier: Verifier = {
  id: 'mistral',
  rules: ['mistral-api-key'],
  baseUrl: 'https://api.mistral.ai',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/models', { headers: bearer(secret) });
    return outcomeOfStatus(response.status);
  },
};
