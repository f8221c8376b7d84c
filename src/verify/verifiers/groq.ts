import { identityEndpoint } from './answer.js';
import { bearer } from './shared.js';

/**
 * Groq API keys (OpenAI-compatible API): `GET /openai/v1/models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const groqVerifier = identityEndpoint({
  id: 'groq',
  rules: ['groq-api-key'],
  baseUrl: 'https://api.groq.com',
  ratePerSecond: 2,
  path: '/openai/v1/models',
  headers: bearer,
  read: () => ({}),
});
