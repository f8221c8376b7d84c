import { identityEndpoint } from './answer.js';

/** Mistral AI: `GET /v1/models` lists the models the key may use; the answer names no owner. */
export const mistral = identityEndpoint({
  id: 'mistral',
  rules: ['mistral-api-key'],
  baseUrl: 'https://api.mistral.ai',
  ratePerSecond: 3,
  path: '/v1/models',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: () => ({}),
});
