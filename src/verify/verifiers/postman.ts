import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/**
 * Postman API keys: `GET /me` with the `X-Api-Key` header answers the user (username, team); an invalid or revoked
 * key answers 401 AuthenticationError.
 */
export const postmanVerifier: Verifier = {
  id: 'postman',
  rules: ['postman-api-key'],
  baseUrl: 'https://api.getpostman.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/me', { headers: { 'x-api-key': secret } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const user = (response.json as { user?: unknown } | undefined)?.user;
    return { status: 'active', identity: identityOf(text(user, 'username') ?? text(user, 'email'), text(user, 'teamName') && `team ${text(user, 'teamName')}`) };
  },
};
