import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/** auth.test errors that mean the token itself is dead; any other error settles nothing. */
const DEAD_TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

function scopesOf(headers: Headers): string[] | undefined {
  const header = headers.get('x-oauth-scopes');
  if (!header) return undefined;
  return header.split(',').map((scope) => scope.trim()).filter(Boolean).slice(0, 100);
}

function expiryOf(json: unknown): string | undefined {
  const seconds = Number(text(json, 'expires_in'));
  return Number.isFinite(seconds) && seconds > 0 ? new Date(Date.now() + seconds * 1000).toISOString() : undefined;
}

/**
 * Slack bot, user, legacy and app-level tokens: `POST /api/auth.test` (documented as the method that "checks
 * authentication & identity", no scope needed) with the token as a Bearer header. Slack answers HTTP 200 for a bad
 * token too, with `ok: false` and an error code, so the body decides. Identity is the workspace and the user or bot;
 * scopes come from the `x-oauth-scopes` header, expiry from `expires_in` for rotating tokens.
 */
export const slackVerifier: Verifier = {
  id: 'slack',
  rules: ['slack-bot-token', 'slack-user-token', 'slack-legacy-token', 'slack-app-token'],
  baseUrl: 'https://slack.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/api/auth.test', {
      method: 'POST',
      headers: { ...bearer(secret), 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    if (response.status === 401 || response.status === 403) return { status: 'inactive', reason: `HTTP ${response.status}` };
    if (response.status !== 200 || !response.json || typeof response.json !== 'object') return { status: 'unknown', reason: `unexpected HTTP ${response.status} from auth.test` };
    const body = response.json as { ok?: unknown };
    if (body.ok !== true) {
      const error = text(body, 'error') ?? 'no error code';
      return DEAD_TOKEN_ERRORS.has(error) ? { status: 'inactive', reason: `Slack: ${error}` } : { status: 'unknown', reason: `Slack answered ${error.slice(0, 60)}` };
    }
    const user = text(body, 'user');
    const who = text(body, 'bot_id') ? `${user ?? 'bot'} (bot)` : user;
    return { status: 'active', identity: identityOf(text(body, 'team'), who), expiresAt: expiryOf(body), scopes: scopesOf(response.headers) };
  },
};
