import { describe, expect, it } from 'vitest';
import { algolia } from '../../src/verify/verifiers/algolia.js';
import { atlassian } from '../../src/verify/verifiers/atlassian.js';
import { mailchimp } from '../../src/verify/verifiers/mailchimp.js';
import { okta } from '../../src/verify/verifiers/okta.js';
import { shopify } from '../../src/verify/verifiers/shopify.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

// Each credential sits next to its account's host, as it would in a real file: none of them may be contacted.
const cases = [
  { verifier: shopify, ruleId: 'shopify-access-token', secret: `shpat_${'a'.repeat(32)}`, context: 'SHOPIFY_STORE=https://127.0.0.1:1/acme.myshopify.com' },
  { verifier: mailchimp, ruleId: 'mailchimp-api-key', secret: `${'b'.repeat(32)}-us6`, context: 'server: us6.api.mailchimp.com' },
  { verifier: okta, ruleId: 'okta-api-token', secret: `00${'c'.repeat(40)}`, context: 'OKTA_ORG_URL=https://acme.okta.com' },
  { verifier: atlassian, ruleId: 'atlassian-api-token', secret: `ATATT3xFfGF0${'d'.repeat(40)}`, context: 'JIRA_URL=https://acme.atlassian.net' },
  { verifier: algolia, ruleId: 'algolia-admin-api-key', secret: 'e'.repeat(32), context: 'ALGOLIA_APP_ID=ABCDEF1234' },
];

describe('providers whose API answers only at an account-named host', () => {
  for (const { verifier, ruleId, secret, context } of cases) {
    it(`${verifier.id}: unknown with the reason, and nothing is sent`, async () => {
      const server = await providerServer([]);
      const outcome = await verifyAgainst(verifier, server, credential(ruleId, secret, `${context}\n${secret}`));
      expect(outcome.status).toBe('unknown');
      expect(outcome.reason).toMatch(/^not checked: .*host/);
      expect(server.requests).toEqual([]);
      expect(verifier.rules).toContain(ruleId);
    });
  }
});
