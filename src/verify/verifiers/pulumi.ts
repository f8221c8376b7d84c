import { identityEndpoint } from './answer.js';
import { text } from './shared.js';

/** Pulumi Cloud: `GET /api/user` with `Authorization: token <token>` answers the token's user. */
export const pulumi = identityEndpoint({
  id: 'pulumi',
  rules: ['pulumi-access-token'],
  baseUrl: 'https://api.pulumi.com',
  ratePerSecond: 5,
  path: '/api/user',
  headers: (secret) => ({ authorization: `token ${secret}`, accept: 'application/vnd.pulumi+8' }),
  read: ({ json }) => ({ identity: text(json, 'githubLogin') ?? text(json, 'email') ?? text(json, 'name') }),
});
