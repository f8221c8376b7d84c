import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/** Akamai (Linode): `GET /v4/profile` answers the token's user. */
export const linode = identityEndpoint({
  id: 'linode',
  rules: ['linode-token'],
  baseUrl: 'https://api.linode.com',
  ratePerSecond: 5,
  path: '/v4/profile',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => {
    const email = textAt(json, 'email');
    return { identity: joinIdentity(textAt(json, 'username'), email && `<${email}>`) };
  },
});
