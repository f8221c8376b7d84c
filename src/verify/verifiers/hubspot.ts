import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { rejectedByRegion } from './answer.js';
import { phrase, text } from './shared.js';

/**
 * HubSpot private app tokens: `GET /account-info/v3/details` answers the portal (account) id and type. A token of an
 * app not granted that endpoint's scope answers 403 with category MISSING_SCOPES: recognised, so live. `pat-eu1-`
 * tokens belong to EU-hosted accounts, so a rejection of one is not proof it is dead.
 */
export const hubspot: Verifier = {
  id: 'hubspot',
  rules: ['hubspot-private-app-token'],
  baseUrl: 'https://api.hubapi.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/account-info/v3/details', { headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    if (response.status === 403 && text(response.json, 'category') === 'MISSING_SCOPES') return { status: 'active', reason: 'recognised by HubSpot; the app lacks the account-info scope' };
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive' && credential.secret.startsWith('pat-eu1-')) return rejectedByRegion(response.status, 'HubSpot');
    if (outcome.status !== 'active') return outcome;
    const portal = text(response.json, 'portalId');
    const type = text(response.json, 'accountType');
    return { status: 'active', identity: phrase(portal && `portal ${portal}`, type && `(${type})`) };
  },
};
