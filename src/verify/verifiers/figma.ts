import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/**
 * Figma personal access tokens: `GET /v1/me` with the `X-Figma-Token` header answers the user (handle, e-mail).
 * Figma answers 403 "Invalid token" for a revoked or unknown token; any other 403 (a token without the scope the
 * endpoint wants) settles nothing.
 */
export const figmaVerifier: Verifier = {
  id: 'figma',
  rules: ['figma-access-token'],
  baseUrl: 'https://api.figma.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/v1/me', { headers: { 'x-figma-token': secret } });
    if (response.status === 200) return { status: 'active', identity: identityOf(text(response.json, 'handle'), text(response.json, 'email')) };
    const message = text(response.json, 'err') ?? text(response.json, 'message') ?? '';
    if (response.status === 401 || (response.status === 403 && /invalid token/i.test(message))) return { status: 'inactive', reason: 'Figma: invalid token' };
    return { status: 'unknown', reason: `unexpected HTTP ${response.status}${message ? ` (${message.slice(0, 60)})` : ''}` };
  },
};
