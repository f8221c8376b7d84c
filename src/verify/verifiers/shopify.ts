import { hostBound } from './host-bound.js';

/**
 * Shopify Admin API tokens work only at their shop's own `<shop>.myshopify.com` host, and Shopify has no fixed-host
 * endpoint that answers for them; the shop's name would come from the scanned content, so they are not sent anywhere.
 */
export const shopify = hostBound({
  id: 'shopify',
  rules: ['shopify-access-token', 'shopify-custom-app-token', 'shopify-private-app-password'],
  baseUrl: 'https://admin.shopify.com',
  reason: "not checked: a Shopify token answers only at its shop's own myshopify.com host, and Keyward never sends a secret to a host taken from the scanned content",
});
