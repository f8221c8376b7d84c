import { identityEndpoint, isoAt, joinIdentity, textAt } from './answer.js';

/** Fastly: `GET /tokens/self` with the `Fastly-Key` header answers the token itself: name, user, scope, expiry. */
export const fastly = identityEndpoint({
  id: 'fastly',
  rules: ['fastly-api-token'],
  baseUrl: 'https://api.fastly.com',
  ratePerSecond: 5,
  path: '/tokens/self',
  headers: (secret) => ({ 'fastly-key': secret }),
  read: ({ json }) => {
    const name = textAt(json, 'name');
    const user = textAt(json, 'user_id');
    const customer = textAt(json, 'customer_id');
    const scopes = textAt(json, 'scope')?.split(/\s+/).filter(Boolean);
    return {
      identity: joinIdentity(name && `token "${name}"`, user && `of user ${user}`, customer && `in customer ${customer}`),
      expiresAt: isoAt(json, 'expires_at'),
      scopes: scopes?.length ? scopes : undefined,
    };
  },
});
