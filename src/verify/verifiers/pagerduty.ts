import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyHttp } from '../types.js';
import { rejectedByRegion } from './answer.js';
import { phrase, text } from './shared.js';

function headers(secret: string): Record<string, string> {
  return { authorization: `Token token=${secret}`, accept: 'application/vnd.pagerduty+json;version=2' };
}

/** Account-level keys have no user, so `/users/me` answers 400; `GET /abilities` proves such a key works. */
async function accountLevel(secret: string, http: VerifyHttp): Promise<Outcome> {
  const response = await http.request('/abilities', { headers: headers(secret) });
  const outcome = outcomeOfStatus(response.status);
  return outcome.status === 'active' ? { status: 'active', identity: 'account-level API key' } : outcome;
}

/**
 * PagerDuty: `GET /users/me` answers a user-level key's user. PagerDuty's EU service region has its own host
 * (api.eu.pagerduty.com; point `pagerduty` at it with KEYWARD_VERIFY_ENDPOINTS), so a rejection is unknown.
 */
export const pagerduty: Verifier = {
  id: 'pagerduty',
  rules: ['pagerduty-api-key'],
  baseUrl: 'https://api.pagerduty.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/users/me', { headers: headers(credential.secret) });
    if (response.status === 400) return accountLevel(credential.secret, http);
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') return rejectedByRegion(response.status, 'PagerDuty');
    if (outcome.status !== 'active') return outcome;
    const email = text(response.json, 'user', 'email');
    return { status: 'active', identity: phrase(text(response.json, 'user', 'name'), email && `<${email}>`) };
  },
};
