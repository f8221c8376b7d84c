import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/** Netlify personal access tokens: `GET /api/v1/user` with the token as a Bearer header; 401 when invalid. */
export const netlifyVerifier: Verifier = {
  id: 'netlify',
  rules: ['netlify-access-token'],
  baseUrl: 'https://api.netlify.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/v1/user', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    return { status: 'active', identity: identityOf(text(response.json, 'slug') ?? text(response.json, 'full_name'), text(response.json, 'email')) };
  },
};
