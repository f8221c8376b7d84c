import { missingCompanion } from '../settle.js';
import type { Credential, Outcome, Verifier, VerifyHttp } from '../types.js';
import { bearer, isoTime, text } from './shared.js';
import { companionsIn, keyWithCompanions } from './companions.js';

/** A Cloudflare account id (32 hex) named as one, for account-owned tokens. */
const ACCOUNT_ID = /account[_-]?id["']?\s*[:=]\s*["']?([a-f0-9]{32})\b/gi;
/** The e-mail a global API key goes with: named as the Cloudflare e-mail first, then any address in the file. */
const NAMED_EMAIL = /(?:cf|cloudflare)[\w.-]{0,16}e-?mail["']?\s*[:=]\s*["']?([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24})/gi;
const ANY_EMAIL = /\b([A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,5}\.[A-Za-z]{2,24})\b/g;

/** A token verify answer: `result.status` is active, disabled or expired; `expires_on` when the token has an end. */
function tokenOutcome(json: unknown): Outcome {
  const status = text(json, 'result', 'status');
  const expiresAt = isoTime(text(json, 'result', 'expires_on'));
  if (status && status !== 'active') return { status: 'inactive', reason: `Cloudflare reports the token ${status.slice(0, 20)}`, expiresAt };
  return { status: 'active', identity: text(json, 'result', 'id') && `token ${text(json, 'result', 'id')}`, expiresAt };
}

async function verifyToken({ secret, context }: Credential, http: VerifyHttp): Promise<Outcome> {
  const user = await http.request('/client/v4/user/tokens/verify', { headers: bearer(secret) });
  if (user.status === 200) return tokenOutcome(user.json);
  if (user.status !== 401 && user.status !== 403) return { status: 'unknown', reason: `unexpected HTTP ${user.status}` };
  // An account-owned token is verified under its account; the id must be in the same file.
  for (const account of companionsIn(context, ACCOUNT_ID, 2)) {
    const owned = await http.request(`/client/v4/accounts/${account}/tokens/verify`, { headers: bearer(secret) });
    if (owned.status === 200) return tokenOutcome(owned.json);
  }
  return { status: 'inactive', reason: `Cloudflare: invalid API token (HTTP ${user.status})` };
}

function emailsIn(context: string): string[] {
  return [...new Set([...companionsIn(context, NAMED_EMAIL), ...companionsIn(context, ANY_EMAIL)])].slice(0, 3);
}

async function verifyGlobalKey({ secret, context }: Credential, http: VerifyHttp): Promise<Outcome> {
  const emails = emailsIn(context);
  if (emails.length === 0) return missingCompanion('Cloudflare account e-mail');
  for (const email of emails) {
    const response = await http.request('/client/v4/user', { headers: { 'x-auth-email': email, 'x-auth-key': secret } });
    if (response.status === 200) return { status: 'active', identity: text(response.json, 'result', 'email') ?? email };
    if (response.status !== 401 && response.status !== 403 && response.status !== 400) return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
  }
  return { status: 'inactive', reason: `Cloudflare refused the global API key with ${emails.length === 1 ? 'the e-mail' : 'each e-mail'} in the file` };
}

/**
 * Cloudflare API tokens: `GET /client/v4/user/tokens/verify` with the token as a Bearer header answers its id,
 * status (active, disabled, expired) and `expires_on`; an account-owned token is verified at
 * `/client/v4/accounts/<id>/tokens/verify` when its account id is in the same file. Global API keys: `GET
 * /client/v4/user` with `X-Auth-Email` (from the same file) and `X-Auth-Key`. 401/403 (code 1000 and friends) mean
 * invalid.
 */
export const cloudflareVerifier: Verifier = {
  id: 'cloudflare',
  rules: ['cloudflare-api-token', 'cloudflare-global-api-key'],
  baseUrl: 'https://api.cloudflare.com',
  ratePerSecond: 3,
  cacheKey: ({ ruleId, secret, context }) => keyWithCompanions(secret, ruleId === 'cloudflare-global-api-key' ? emailsIn(context) : companionsIn(context, ACCOUNT_ID, 2)),
  verify(credential, http): Promise<Outcome> {
    return credential.ruleId === 'cloudflare-global-api-key' ? verifyGlobalKey(credential, http) : verifyToken(credential, http);
  },
};
