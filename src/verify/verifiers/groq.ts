import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer } from './shared.js';

/**
 * Groq API keys (OpenAI-compatible API): `GET /openai/v1/models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const groqVerifier: Verifier = {
  id: 'groq',
  rules: ['groq-api-key'],
  baseUrl: 'https://api.groq.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/openai/v1/models', { headers: bearer(secret) });
    return outcomeOfStatus(response.status);
  },
};
