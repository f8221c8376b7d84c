import { hostBound } from './host-bound.js';

/**
 * Atlassian API tokens authenticate (as basic auth with the account's e-mail) only at a site's own
 * `<site>.atlassian.net` host; api.atlassian.com's `/me` takes OAuth 2.0 tokens, not API tokens.
 */
export const atlassian = hostBound({
  id: 'atlassian',
  rules: ['atlassian-api-token'],
  baseUrl: 'https://api.atlassian.com',
  reason: "not checked: an Atlassian API token answers only at its site's own atlassian.net host, and Keyward never sends a secret to a host taken from the scanned content",
});
