import { forbiddenIsLive, identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/** DigitalOcean: `GET /v2/account` with the token as a bearer answers the account's e-mail and team. */
export const digitalocean = identityEndpoint({
  id: 'digitalocean',
  rules: ['digitalocean-personal-access-token', 'digitalocean-oauth-token'],
  baseUrl: 'https://api.digitalocean.com',
  ratePerSecond: 5,
  path: '/v2/account',
  liveRefusal: forbiddenIsLive('recognised by DigitalOcean; the token is not scoped to read the account'),
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => {
    const team = text(json, 'account', 'team', 'name');
    return { identity: phrase(text(json, 'account', 'email') ?? text(json, 'account', 'uuid'), team && `(team ${team})`) };
  },
});
