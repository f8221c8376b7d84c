import { identityEndpoint, textAt, textsAt } from './answer.js';

/** Buildkite user API access tokens: `GET /v2/access-token` answers the token's scopes and its user. */
export const buildkite = identityEndpoint({
  id: 'buildkite',
  rules: ['buildkite-agent-token'],
  baseUrl: 'https://api.buildkite.com',
  ratePerSecond: 3,
  path: '/v2/access-token',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => ({
    identity: textAt(json, 'user', 'email') ?? textAt(json, 'user', 'name') ?? textAt(json, 'uuid'),
    scopes: textsAt(json, 'scopes'),
  }),
});
