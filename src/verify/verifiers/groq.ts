import { identityEndpoint } from './answer.js';

/** Groq: `GET /openai/v1/models` lists the models the key may use; the answer names no owner. */
export const groq = identityEndpoint({
  id: 'groq',
  rules: ['groq-api-key'],
  baseUrl: 'https://api.groq.com',
  ratePerSecond: 3,
  path: '/openai/v1/models',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: () => ({}),
});
