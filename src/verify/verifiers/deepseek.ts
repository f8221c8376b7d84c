import { identityEndpoint } from './answer.js';

/** DeepSeek: `GET /models` lists the models the key may use; the answer names no owner. */
export const deepseek = identityEndpoint({
  id: 'deepseek',
  rules: ['deepseek-api-key'],
  baseUrl: 'https://api.deepseek.com',
  ratePerSecond: 3,
  path: '/models',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: () => ({}),
});
