import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/** Stripe names the account in a restricted key's permission refusal ("... on account 'acct_123'"). */
function accountIn(message: string): string | undefined {
  return /\bacct_[A-Za-z0-9]{6,40}\b/.exec(message)?.[0];
}

function refusal(response: VerifyResponse): Outcome {
  const message = text(response.json, 'error', 'message') ?? '';
  if (response.status === 401) return { status: 'inactive', reason: /expired/i.test(message) ? 'Stripe: expired API key' : 'Stripe: invalid API key' };
  // A restricted key without the account permission authenticated and was refused the resource: it is live.
  if (response.status === 403) return { status: 'active', identity: accountIn(message), reason: 'restricted key: may not read the account' };
  return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
}

/**
 * Stripe secret and restricted keys, live and test: `GET /v1/account` with the key as a Bearer header answers the
 * account id, business name and e-mail. An invalid or expired key answers 401; a restricted key without the
 * permission answers 403 with the account named in the message, and counts as live.
 */
export const stripeVerifier: Verifier = {
  id: 'stripe',
  rules: ['stripe-live-secret-key', 'stripe-live-restricted-key', 'stripe-test-secret-key', 'stripe-test-restricted-key'],
  baseUrl: 'https://api.stripe.com',
  ratePerSecond: 5,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/account', { headers: bearer(secret) });
    if (response.status !== 200) return refusal(response);
    const body = response.json;
    const name = text(body, 'business_profile', 'name') ?? text(body, 'settings', 'dashboard', 'display_name');
    return { status: 'active', identity: identityOf(name, text(body, 'id')) };
  },
};
