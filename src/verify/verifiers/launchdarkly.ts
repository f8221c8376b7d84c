import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/**
 * LaunchDarkly API access tokens: `GET /api/v2/caller-identity` with the token as the Authorization header (no
 * scheme, as LaunchDarkly documents) answers the token's name and kind and its account; 401 means an invalid token.
 */
export const launchdarklyVerifier: Verifier = {
  id: 'launchdarkly',
  rules: ['launchdarkly-access-token'],
  baseUrl: 'https://app.launchdarkly.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/v2/caller-identity', { headers: { authorization: secret } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const name = text(response.json, 'tokenName');
    const account = text(response.json, 'accountId');
    return { status: 'active', identity: identityOf(name && `token "${name}"`, account && `account ${account}`) };
  },
};
