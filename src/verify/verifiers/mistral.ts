import { identityEndpoint } from './answer.js';
import { bearer } from './shared.js';

/**
 * Mistral AI API keys: `GET /v1/models` with the key as a Bearer header lists the models the key may use, a read; an invalid
 * or revoked key answers 401. The answer names no owner, so no identity is reported.
 */
export const mistralVerifier = identityEndpoint({
  id: 'mistral',
  rules: ['mistral-api-key'],
  baseUrl: 'https://api.mistral.ai',
  ratePerSecond: 2,
  path: '/v1/models',
  headers: bearer,
  read: () => ({}),
});
