import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/** Replicate: `GET /v1/account` answers the account the token belongs to (user or organization). */
export const replicate = identityEndpoint({
  id: 'replicate',
  rules: ['replicate-api-token'],
  baseUrl: 'https://api.replicate.com',
  ratePerSecond: 5,
  path: '/v1/account',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => {
    const type = textAt(json, 'type');
    return { identity: joinIdentity(textAt(json, 'username'), type && `(${type})`) };
  },
});
