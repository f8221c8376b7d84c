import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/**
 * Cohere API keys: `POST /v1/check-api-key`, documented as the check "that the api key in the Authorization header
 * is valid and active" (it reads, creates nothing), answers `valid` with the organization and owner ids; 401 means
 * the key is invalid.
 */
export const cohereVerifier: Verifier = {
  id: 'cohere',
  rules: ['cohere-api-key'],
  baseUrl: 'https://api.cohere.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/check-api-key', { method: 'POST', headers: { ...bearer(secret), accept: 'application/json' } });
    if (response.status === 401 || response.status === 403) return { status: 'inactive', reason: `HTTP ${response.status}` };
    if (response.status !== 200) return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
    const valid = (response.json as { valid?: unknown } | undefined)?.valid;
    if (valid === false) return { status: 'inactive', reason: 'Cohere reports the key not valid' };
    if (valid !== true) return { status: 'unknown', reason: 'check-api-key answered without a verdict' };
    const organization = text(response.json, 'organization_id');
    return { status: 'active', identity: identityOf(organization && `organization ${organization}`, text(response.json, 'owner_id') && `owner ${text(response.json, 'owner_id')}`) };
  },
};
