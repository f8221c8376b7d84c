import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, textAt } from './answer.js';

/**
 * ElevenLabs: `GET /v1/user` with `xi-api-key` answers the user and subscription tier. A key restricted away from
 * user reads answers 401 with status `missing_permissions`: recognised, so live.
 */
export const elevenlabs: Verifier = {
  id: 'elevenlabs',
  rules: ['elevenlabs-api-key'],
  baseUrl: 'https://api.elevenlabs.io',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/v1/user', { headers: { 'xi-api-key': credential.secret, accept: 'application/json' } });
    if (textAt(response.json, 'detail', 'status') === 'missing_permissions') return { status: 'active', reason: 'recognised by ElevenLabs; the key may not read the user' };
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    const tier = textAt(response.json, 'subscription', 'tier');
    return { status: 'active', identity: joinIdentity(textAt(response.json, 'first_name') ?? textAt(response.json, 'user_id'), tier && `(${tier})`) };
  },
};
