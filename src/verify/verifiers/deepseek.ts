import { identityEndpoint } from './answer.js';
import { bearer } from './shared.js';

/**
 * DeepSeek API keys (OpenAI-compatible API): `GET /models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const deepseekVerifier = identityEndpoint({
  id: 'deepseek',
  rules: ['deepseek-api-key'],
  baseUrl: 'https://api.deepseek.com',
  ratePerSecond: 2,
  path: '/models',
  headers: bearer,
  read: () => ({}),
});
