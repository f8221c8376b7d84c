import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { rejectedByRegion } from './answer.js';
import { phrase, text } from './shared.js';

/** The REST API version the request is written against (Snyk requires one on every call). */
const SNYK_API_VERSION = '2024-10-15';

/**
 * Snyk: `GET /rest/self` with `Authorization: token <token>` answers the token's user. Tokens are bound to their
 * tenant's region (api.snyk.io, api.eu.snyk.io, api.au.snyk.io) and only one host is asked (EU and AU users point
 * `snyk` at theirs with KEYWARD_VERIFY_ENDPOINTS), so a rejection does not prove the token dead: it is reported
 * unknown, not inactive, rather than wave a live token of another region through.
 */
export const snyk: Verifier = {
  id: 'snyk',
  rules: ['snyk-api-token'],
  baseUrl: 'https://api.snyk.io',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request(`/rest/self?version=${SNYK_API_VERSION}`, {
      headers: { authorization: `token ${credential.secret}`, accept: 'application/vnd.api+json' },
    });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') return rejectedByRegion(response.status, 'Snyk');
    if (outcome.status !== 'active') return outcome;
    const attributes = ['data', 'attributes'];
    const email = text(response.json, ...attributes, 'email');
    return { status: 'active', identity: phrase(text(response.json, ...attributes, 'username') ?? text(response.json, ...attributes, 'name'), email && `<${email}>`) };
  },
};
