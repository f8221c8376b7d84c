import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, text } from './shared.js';

/**
 * Supabase personal access tokens (Management API): `GET /v1/organizations` with the token as a Bearer header lists
 * the organizations the token's user belongs to, a read; 401 means an invalid token. Identity is the first
 * organization's name.
 */
export const supabaseVerifier: Verifier = {
  id: 'supabase',
  rules: ['supabase-access-token'],
  baseUrl: 'https://api.supabase.com',
  ratePerSecond: 1,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/organizations', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const first = Array.isArray(response.json) ? text(response.json[0], 'name') : undefined;
    return { status: 'active', identity: first && `organization ${first}` };
  },
};
