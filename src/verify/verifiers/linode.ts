import { identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/**
 * Akamai (Linode): `GET /v4/profile` answers the token's user. A token whose scopes leave out the profile answers 401
 * "Your OAuth token is not authorized to use this endpoint": recognised, so live.
 */
export const linode = identityEndpoint({
  id: 'linode',
  rules: ['linode-token'],
  baseUrl: 'https://api.linode.com',
  ratePerSecond: 5,
  path: '/v4/profile',
  liveRefusal: ({ status, text }) => (status === 401 && /not authorized to use this endpoint/i.test(text) ? 'recognised by Linode; the token is not scoped to read the profile' : undefined),
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => {
    const email = text(json, 'email');
    return { identity: phrase(text(json, 'username'), email && `<${email}>`) };
  },
});
