import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/** Postmark server tokens: `GET /server` with `X-Postmark-Server-Token` answers the server the token belongs to. */
export const postmark = identityEndpoint({
  id: 'postmark',
  rules: ['postmark-server-token'],
  baseUrl: 'https://api.postmarkapp.com',
  ratePerSecond: 3,
  path: '/server',
  headers: (secret) => ({ 'x-postmark-server-token': secret }),
  read: ({ json }) => {
    const name = textAt(json, 'Name');
    const id = textAt(json, 'ID');
    return { identity: joinIdentity(name && `server "${name}"`, id && `(${id})`) };
  },
});
