import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/**
 * ElevenLabs API keys: `GET /v1/user` with the `xi-api-key` header answers the user and subscription tier; 401 with
 * `detail.status` invalid_api_key means the key is dead, while `missing_permissions` means a scoped key that
 * authenticated but may not read the user, so it is live.
 */
export const elevenlabsVerifier: Verifier = {
  id: 'elevenlabs',
  rules: ['elevenlabs-api-key'],
  baseUrl: 'https://api.elevenlabs.io',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/user', { headers: { 'xi-api-key': secret } });
    if (response.status === 200) {
      const tier = text(response.json, 'subscription', 'tier');
      return { status: 'active', identity: identityOf(text(response.json, 'user_id'), tier && `${tier} plan`) };
    }
    const detail = text(response.json, 'detail', 'status');
    if (detail === 'missing_permissions') return { status: 'active', reason: 'scoped key: may not read the user' };
    if (response.status === 401 || response.status === 403) return { status: 'inactive', reason: detail ? `ElevenLabs: ${detail}` : `HTTP ${response.status}` };
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  },
};
