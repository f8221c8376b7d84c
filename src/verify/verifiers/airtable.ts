import { forbiddenIsLive, identityEndpoint, textAt, textsAt } from './answer.js';

/** Airtable: `GET /v0/meta/whoami` answers the user id, the e-mail (with user.email:read) and OAuth scopes. */
export const airtable = identityEndpoint({
  id: 'airtable',
  rules: ['airtable-personal-access-token'],
  baseUrl: 'https://api.airtable.com',
  ratePerSecond: 5,
  path: '/v0/meta/whoami',
  liveRefusal: forbiddenIsLive('recognised by Airtable; the token may not read its user'),
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => ({ identity: textAt(json, 'email') ?? textAt(json, 'id'), scopes: textsAt(json, 'scopes') }),
});
