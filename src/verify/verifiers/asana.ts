import { forbiddenIsLive, identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/** Asana: `GET /api/1.0/users/me` answers the token's user (name and e-mail) inside `data`. */
export const asana = identityEndpoint({
  id: 'asana',
  rules: ['asana-access-token'],
  baseUrl: 'https://app.asana.com',
  ratePerSecond: 5,
  path: '/api/1.0/users/me',
  liveRefusal: forbiddenIsLive('recognised by Asana; the token may not read its user'),
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => {
    const email = text(json, 'data', 'email');
    return { identity: phrase(text(json, 'data', 'name') ?? text(json, 'data', 'gid'), email && `<${email}>`) };
  },
});
