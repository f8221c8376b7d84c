import { contextRule, rule } from '../build.js';
import type { Rule } from '../types.js';

const STRIPE_KEYS = 'https://dashboard.stripe.com/apikeys';

export const paymentRules: Rule[] = [
  // Paystack secret keys share Stripe's `sk_live_` prefix; with the name next to it, this rule claims the span first.
  contextRule({ id: 'paystack-secret-key', title: 'Paystack live secret key', provider: 'Paystack', severity: 'critical', names: ['paystack'], value: 'sk_live_[a-f0-9]{40}', longLived: true, revokeUrl: 'https://dashboard.paystack.com/#/settings/developers' }),
  rule({ id: 'stripe-live-secret-key', title: 'Stripe live secret key', provider: 'Stripe', severity: 'critical', keywords: ['sk_live_'], pattern: '\\b(sk_live_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS, remediation: 'Roll the key in the Stripe dashboard (Developers > API keys); use a restricted key with the fewest permissions.' }),
  rule({ id: 'stripe-live-restricted-key', title: 'Stripe live restricted key', provider: 'Stripe', severity: 'high', keywords: ['rk_live_'], pattern: '\\b(rk_live_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS }),
  rule({ id: 'stripe-test-secret-key', title: 'Stripe test-mode secret key', provider: 'Stripe', severity: 'low', keywords: ['sk_test_'], pattern: '\\b(sk_test_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS }),
  rule({ id: 'stripe-test-restricted-key', title: 'Stripe test-mode restricted key', provider: 'Stripe', severity: 'low', keywords: ['rk_test_'], pattern: '\\b(rk_test_[0-9a-zA-Z]{24,247})\\b', longLived: true, revokeUrl: STRIPE_KEYS }),
  rule({ id: 'stripe-webhook-secret', title: 'Stripe webhook signing secret', provider: 'Stripe', severity: 'medium', keywords: ['whsec_'], pattern: '\\b(whsec_[A-Za-z0-9+/]{32,64})', longLived: true, revokeUrl: 'https://dashboard.stripe.com/webhooks' }),
  rule({ id: 'square-access-token', title: 'Square access token', provider: 'Square', severity: 'critical', keywords: ['eaaa', 'sq0atp-'], pattern: '\\b((?:EAAA[A-Za-z0-9_-]{60})|(?:sq0atp-[0-9A-Za-z_-]{22}))(?:[^0-9A-Za-z_-]|$)', longLived: true, revokeUrl: 'https://developer.squareup.com/apps' }),
  rule({ id: 'square-oauth-secret', title: 'Square OAuth application secret', provider: 'Square', severity: 'high', keywords: ['sq0csp-'], pattern: '\\b(sq0csp-[0-9A-Za-z_-]{43})(?:[^0-9A-Za-z_-]|$)', longLived: true, revokeUrl: 'https://developer.squareup.com/apps' }),
  rule({ id: 'braintree-access-token', title: 'Braintree (PayPal) access token', provider: 'PayPal', severity: 'critical', keywords: ['access_token$production$'], pattern: '(access_token\\$production\\$[0-9a-z]{16}\\$[0-9a-f]{32})', longLived: true, revokeUrl: 'https://www.braintreegateway.com/' }),
  contextRule({ id: 'paypal-client-secret', title: 'PayPal REST client secret', provider: 'PayPal', severity: 'high', names: ['paypal'], value: 'E[A-Za-z0-9_-]{79}', longLived: true, revokeUrl: 'https://developer.paypal.com/dashboard/applications', entropy: 3.5 }),
  rule({ id: 'razorpay-live-key', title: 'Razorpay live key ID', provider: 'Razorpay', severity: 'medium', keywords: ['rzp_live_'], pattern: '\\b(rzp_live_[A-Za-z0-9]{14})\\b', longLived: true, revokeUrl: 'https://dashboard.razorpay.com/app/keys' }),
  rule({ id: 'flutterwave-secret-key', title: 'Flutterwave secret key', provider: 'Flutterwave', severity: 'critical', keywords: ['flwseck-', 'flwseck_test-'], pattern: '\\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)\\b', longLived: true, revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis' }),
  rule({ id: 'plaid-access-token', title: 'Plaid access token', provider: 'Plaid', severity: 'high', keywords: ['access-production-', 'access-development-', 'access-sandbox-'], pattern: '\\b(access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\b', longLived: true, revokeUrl: 'https://dashboard.plaid.com/developers/keys' }),
  contextRule({ id: 'coinbase-api-secret', title: 'Coinbase API secret', provider: 'Coinbase', severity: 'critical', names: ['coinbase'], value: '[A-Za-z0-9+/]{64,88}={0,2}', longLived: true, revokeUrl: 'https://www.coinbase.com/settings/api', entropy: 4 }),
  contextRule({ id: 'adyen-api-key', title: 'Adyen API key', provider: 'Adyen', severity: 'critical', names: ['adyen'], value: 'AQE[A-Za-z0-9+/=_.-]{80,300}', longLived: true, revokeUrl: 'https://ca-live.adyen.com/ca/ca/config/api_credentials_new.shtml' }),
  contextRule({ id: 'lob-api-key', title: 'Lob API key', provider: 'Lob', severity: 'medium', names: ['lob'], value: '(?:live|test)_[a-f0-9]{35}', longLived: true, revokeUrl: 'https://dashboard.lob.com/settings/api-keys' }),
];
