import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/** Figma personal access tokens: `GET /v1/me` with `X-Figma-Token` answers the user. */
export const figma = identityEndpoint({
  id: 'figma',
  rules: ['figma-access-token'],
  baseUrl: 'https://api.figma.com',
  ratePerSecond: 3,
  path: '/v1/me',
  headers: (secret) => ({ 'x-figma-token': secret }),
  read: ({ json }) => {
    const email = textAt(json, 'email');
    return { identity: joinIdentity(textAt(json, 'handle') ?? textAt(json, 'id'), email && `<${email}>`) };
  },
});
