import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text, textList } from './shared.js';

function flagged(json: unknown, field: string): boolean {
  return (json as Record<string, unknown> | undefined)?.[field] === true;
}

/**
 * xAI API keys: `GET /v1/api-key` with the key as a Bearer header answers the key's own record: name, team, ACLs,
 * and whether the key or its team is blocked or disabled. xAI documents 400 for an invalid key (401/403 are read the
 * same way).
 */
export const xaiVerifier: Verifier = {
  id: 'xai',
  rules: ['xai-api-key'],
  baseUrl: 'https://api.x.ai',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/api-key', { headers: bearer(secret) });
    if (response.status === 400 || response.status === 401 || response.status === 403) return { status: 'inactive', reason: `xAI rejected the key (HTTP ${response.status})` };
    if (response.status !== 200) return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
    const body = response.json;
    const identity = identityOf(text(body, 'name') && `key "${text(body, 'name')}"`, text(body, 'team_id') && `team ${text(body, 'team_id')}`);
    const blocked = ['api_key_blocked', 'api_key_disabled', 'team_blocked'].find((field) => flagged(body, field));
    if (blocked) return { status: 'inactive', identity, reason: `xAI reports ${blocked.replace(/_/g, ' ')}` };
    return { status: 'active', identity, scopes: textList(body, 'acls') };
  },
};
