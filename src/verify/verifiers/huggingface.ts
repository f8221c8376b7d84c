import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, isoTime, text } from './shared.js';

/**
 * Hugging Face user and organization tokens: `GET /api/whoami-v2` with the token as a Bearer header answers the
 * account (`name`, `type`), and under `auth.accessToken` the token's name, role (read, write, fineGrained) and
 * expiry when it has one. An invalid token answers 401.
 */
export const huggingfaceVerifier: Verifier = {
  id: 'huggingface',
  rules: ['huggingface-access-token', 'huggingface-org-token'],
  baseUrl: 'https://huggingface.co',
  ratePerSecond: 3,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/whoami-v2', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const body = response.json;
    const type = text(body, 'type');
    const tokenName = text(body, 'auth', 'accessToken', 'displayName');
    const role = text(body, 'auth', 'accessToken', 'role');
    return {
      status: 'active',
      identity: identityOf(type && type !== 'user' ? `${text(body, 'name') ?? '?'} (${type})` : text(body, 'name'), tokenName ? `token "${tokenName}"` : undefined),
      expiresAt: isoTime(text(body, 'auth', 'accessToken', 'expiration') ?? text(body, 'auth', 'expiresAt')),
      scopes: role ? [role] : undefined,
    };
  },
};
