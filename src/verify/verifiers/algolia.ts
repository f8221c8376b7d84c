import { hostBound } from './host-bound.js';

/** Algolia keys answer only at their application's own `<APP_ID>.algolia.net` hosts, named by the content. */
export const algolia = hostBound({
  id: 'algolia',
  rules: ['algolia-admin-api-key'],
  baseUrl: 'https://www.algolia.com',
  reason: "not checked: an Algolia key answers only at its application's own algolia.net host, and Keyward never sends a secret to a host taken from the scanned content",
});
