import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text, textList } from './shared.js';

interface OrgTokenClaims {
  org?: string;
  url?: string;
}

/** An organization token (`sntrys_<base64 JSON>_<secret>`) carries its organization and Sentry URL in clear. */
function orgTokenClaims(secret: string): OrgTokenClaims | undefined {
  const body = secret.slice('sntrys_'.length);
  const payload = body.slice(0, Math.max(body.lastIndexOf('_'), 0));
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as unknown;
    return { org: text(claims, 'org'), url: text(claims, 'url') };
  } catch {
    return undefined;
  }
}

function isSentryIo(url: string | undefined): boolean {
  if (!url) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === 'sentry.io' || hostname.endsWith('.sentry.io');
  } catch {
    return false;
  }
}

/**
 * Sentry user and organization auth tokens: the API root `GET /api/0/` with the token as a Bearer header answers the
 * token's scopes and, for a user token, the user; an invalid or revoked token answers 401. An organization token names
 * its organization and its Sentry's URL inside itself: one for a self-hosted Sentry is not sent to sentry.io.
 */
export const sentryVerifier: Verifier = {
  id: 'sentry',
  rules: ['sentry-user-token', 'sentry-org-token'],
  baseUrl: 'https://sentry.io',
  ratePerSecond: 3,
  async verify({ ruleId, secret }, http): Promise<Outcome> {
    const claims = ruleId === 'sentry-org-token' ? orgTokenClaims(secret) : undefined;
    if (claims && !isSentryIo(claims.url)) return { status: 'unknown', reason: 'the token belongs to a self-hosted Sentry; only sentry.io is checked' };
    const response = await http.request('/api/0/', { headers: bearer(secret) });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const body = response.json;
    if (!body || typeof body !== 'object' || (body as { auth?: unknown }).auth == null) return { status: 'unknown', reason: 'Sentry answered without the token being recognised' };
    const user = text(body, 'user', 'username') ?? text(body, 'user', 'email');
    return { status: 'active', identity: identityOf(user, claims?.org && `organization ${claims.org}`), scopes: textList(body, 'auth', 'scopes') };
  },
};
