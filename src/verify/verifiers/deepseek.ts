import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer } from './shared.js';

/**
 * DeepSeek API keys (OpenAI-compatible API): `GET /models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const deepseekVerifier: Verifier = {
  id: 'deepseek',
  rules: ['deepseek-api-key'],
  baseUrl: 'https://api.deepseek.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/models', { headers: bearer(secret) });
    return outcomeOfStatus(response.status);
  },
};
