import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, textAt, textsAt, valueAt } from './answer.js';

/**
 * xAI: `GET /v1/api-key` answers the key itself (name, team, ACLs, and whether it is blocked or disabled). xAI answers
 * an unknown key with 400 naming the API key rather than 401.
 */
export const xai: Verifier = {
  id: 'xai',
  rules: ['xai-api-key'],
  baseUrl: 'https://api.x.ai',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/v1/api-key', { headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    if (response.status === 400 && /api key/i.test(response.text)) return { status: 'inactive', reason: 'xAI: incorrect API key' };
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    const json = response.json;
    const off = ['api_key_disabled', 'api_key_blocked', 'team_blocked'].find((flag) => valueAt(json, flag) === true);
    if (off) return { status: 'inactive', reason: `xAI: ${off.replace(/_/g, ' ')}` };
    const name = textAt(json, 'name');
    const team = textAt(json, 'team_id');
    return { status: 'active', identity: joinIdentity(name && `key "${name}"`, team && `of team ${team}`), scopes: textsAt(json, 'acls') };
  },
};
