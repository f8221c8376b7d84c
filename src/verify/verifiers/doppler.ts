import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, textAt } from './answer.js';

/** SCIM and audit tokens are for their own APIs (users and groups, audit logs); `/v3/me` is not theirs to answer. */
const OWN_API_TOKEN = /^dp\.(?:scim|audit)\./;

/** Doppler: `GET /v3/me` answers the token's name, type and workplace for personal, CLI, service and service-account tokens. */
export const doppler: Verifier = {
  id: 'doppler',
  rules: ['doppler-token'],
  baseUrl: 'https://api.doppler.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    if (OWN_API_TOKEN.test(credential.secret)) return { status: 'unknown', reason: 'not checked: Doppler SCIM and audit tokens answer only at their own APIs' };
    const response = await http.request('/v3/me', { headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    const type = textAt(response.json, 'type');
    const workplace = textAt(response.json, 'workplace', 'name') ?? textAt(response.json, 'workplace', 'slug');
    return { status: 'active', identity: joinIdentity(textAt(response.json, 'name') ?? textAt(response.json, 'slug'), type && `(${type})`, workplace && `in workplace ${workplace}`) };
  },
};
