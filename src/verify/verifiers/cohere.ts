import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { textAt, valueAt } from './answer.js';

/** Cohere: "Check API key" (`POST /v1/check-api-key`, a check that changes nothing) answers whether the key is valid. */
export const cohere: Verifier = {
  id: 'cohere',
  rules: ['cohere-api-key'],
  baseUrl: 'https://api.cohere.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/v1/check-api-key', { method: 'POST', headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    if (valueAt(response.json, 'valid') === false) return { status: 'inactive', reason: 'Cohere: valid is false' };
    if (valueAt(response.json, 'valid') !== true) return { status: 'unknown', reason: 'Cohere answered without valid: true' };
    const organization = textAt(response.json, 'organization_id');
    return { status: 'active', identity: organization && `organization ${organization}` };
  },
};
