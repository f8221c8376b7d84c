import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/** Brevo (Sendinblue) API keys: `GET /v3/account` with the `api-key` header answers the account's e-mail and company. */
export const brevo = identityEndpoint({
  id: 'brevo',
  rules: ['brevo-api-key'],
  baseUrl: 'https://api.brevo.com',
  ratePerSecond: 3,
  path: '/v3/account',
  headers: (secret) => ({ 'api-key': secret }),
  read: ({ json }) => {
    const company = textAt(json, 'companyName');
    return { identity: joinIdentity(textAt(json, 'email'), company && `(${company})`) };
  },
});
