import { identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/** CircleCI: `GET /api/v2/me` with the `Circle-Token` header answers the token's user. */
export const circleci = identityEndpoint({
  id: 'circleci',
  rules: ['circleci-personal-token'],
  baseUrl: 'https://circleci.com',
  ratePerSecond: 5,
  path: '/api/v2/me',
  headers: (secret) => ({ 'circle-token': secret }),
  read: ({ json }) => {
    const name = text(json, 'name');
    return { identity: phrase(text(json, 'login') ?? text(json, 'id'), name && `(${name})`) };
  },
});
