import { hostBound } from './host-bound.js';

/** Okta API tokens work only at their org's own host (`<org>.okta.com` or a custom domain), named by the content. */
export const okta = hostBound({
  id: 'okta',
  rules: ['okta-api-token'],
  baseUrl: 'https://www.okta.com',
  reason: "not checked: an Okta token answers only at its org's own host, and Keyward never sends a secret to a host taken from the scanned content",
});
