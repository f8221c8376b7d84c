import { hostBound } from './host-bound.js';

/**
 * Mailchimp Marketing API keys answer only at their data center's host, `usN.api.mailchimp.com`, where `usN` is the
 * key's own suffix. That host is a fixed pattern, but the verify client is bound to one fixed origin per provider,
 * and no single Mailchimp host answers for every key (login.mailchimp.com's metadata endpoint takes OAuth tokens
 * only), so the key is reported unknown rather than sent to a host built from it.
 */
export const mailchimp = hostBound({
  id: 'mailchimp',
  rules: ['mailchimp-api-key'],
  baseUrl: 'https://login.mailchimp.com',
  reason: "not checked: a Mailchimp key answers only at its own data center's host (usN.api.mailchimp.com), and Keyward sends a secret only to its provider's one fixed host",
});
