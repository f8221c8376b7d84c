import { forbiddenIsLive, identityEndpoint } from './answer.js';
import { text, textList } from './shared.js';

/** Airtable: `GET /v0/meta/whoami` answers the user id, the e-mail (with user.email:read) and OAuth scopes. */
export const airtable = identityEndpoint({
  id: 'airtable',
  rules: ['airtable-personal-access-token'],
  baseUrl: 'https://api.airtable.com',
  ratePerSecond: 5,
  path: '/v0/meta/whoami',
  liveRefusal: forbiddenIsLive('recognised by Airtable; the token may not read its user'),
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => ({ identity: text(json, 'email') ?? text(json, 'id'), scopes: textList(json, 'scopes') }),
});
