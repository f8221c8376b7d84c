import { forbiddenIsLive, identityEndpoint, joinIdentity, textAt } from './answer.js';

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
    const email = textAt(json, 'data', 'email');
    return { identity: joinIdentity(textAt(json, 'data', 'name') ?? textAt(json, 'data', 'gid'), email && `<${email}>`) };
  },
});
