import { identityEndpoint } from './answer.js';
import { isoAt, phrase, text } from './shared.js';

/** Fastly: `GET /tokens/self` with the `Fastly-Key` header answers the token itself: name, user, scope, expiry. */
export const fastly = identityEndpoint({
  id: 'fastly',
  rules: ['fastly-api-token'],
  baseUrl: 'https://api.fastly.com',
  ratePerSecond: 5,
  path: '/tokens/self',
  headers: (secret) => ({ 'fastly-key': secret }),
  read: ({ json }) => {
    const name = text(json, 'name');
    const user = text(json, 'user_id');
    const customer = text(json, 'customer_id');
    const scopes = text(json, 'scope')?.split(/\s+/).filter(Boolean);
    return {
      identity: phrase(name && `token "${name}"`, user && `of user ${user}`, customer && `in customer ${customer}`),
      expiresAt: isoAt(json, 'expires_at'),
      scopes: scopes?.length ? scopes : undefined,
    };
  },
});
