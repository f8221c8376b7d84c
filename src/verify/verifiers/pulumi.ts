import { identityEndpoint, textAt } from './answer.js';

/** Pulumi Cloud: `GET /api/user` with `Authorization: token <token>` answers the token's user. */
export const pulumi = identityEndpoint({
  id: 'pulumi',
  rules: ['pulumi-access-token'],
  baseUrl: 'https://api.pulumi.com',
  ratePerSecond: 5,
  path: '/api/user',
  headers: (secret) => ({ authorization: `token ${secret}`, accept: 'application/vnd.pulumi+8' }),
  read: ({ json }) => ({ identity: textAt(json, 'githubLogin') ?? textAt(json, 'email') ?? textAt(json, 'name') }),
});
