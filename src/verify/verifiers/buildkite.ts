import { identityEndpoint } from './answer.js';
import { text, textList } from './shared.js';

/** Buildkite user API access tokens: `GET /v2/access-token` answers the token's scopes and its user. */
export const buildkite = identityEndpoint({
  id: 'buildkite',
  rules: ['buildkite-agent-token'],
  baseUrl: 'https://api.buildkite.com',
  ratePerSecond: 3,
  path: '/v2/access-token',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => ({
    identity: text(json, 'user', 'email') ?? text(json, 'user', 'name') ?? text(json, 'uuid'),
    scopes: textList(json, 'scopes'),
  }),
});
