import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { rejectedByRegion } from './answer.js';
import { phrase, text, valueAt } from './shared.js';

/** A read-only NerdGraph query: who the user key belongs to. */
const WHO_AM_I = '{ actor { user { id name email } } }';

function unauthorized(json: unknown): boolean {
  const errors = valueAt(json, 'errors');
  return Array.isArray(errors) && errors.some((error) => /unauthori[sz]ed|invalid api key/i.test(`${text(error, 'message') ?? ''} ${text(error, 'extensions', 'errorClass') ?? ''}`));
}

/**
 * New Relic user keys (NRAK-): a NerdGraph query (POST /graphql, read-only) with the `API-Key` header answers the
 * key's user. Keys of EU-region accounts answer only at api.eu.newrelic.com (point `newrelic` at it with
 * KEYWARD_VERIFY_ENDPOINTS), so a rejection is unknown.
 */
export const newrelic: Verifier = {
  id: 'newrelic',
  rules: ['newrelic-user-api-key'],
  baseUrl: 'https://api.newrelic.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/graphql', {
      method: 'POST',
      headers: { 'api-key': credential.secret, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: WHO_AM_I }),
    });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive' || (outcome.status === 'active' && unauthorized(response.json))) return rejectedByRegion(response.status, 'New Relic');
    if (outcome.status !== 'active') return outcome;
    const user = ['data', 'actor', 'user'];
    const email = text(response.json, ...user, 'email');
    const name = text(response.json, ...user, 'name');
    if (!email && !name) return { status: 'unknown', reason: 'NerdGraph answered without the user' };
    return { status: 'active', identity: phrase(name, email && `<${email}>`) };
  },
};
