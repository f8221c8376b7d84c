import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { outcomeOfStatus, missingCompanion } from '../settle.js';
import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { text } from './shared.js';
import { companionValue } from './companions.js';

/**
 * The audience Google's token endpoint expects in the assertion. It is always this URL: the key file's own
 * `token_uri` is content, and content never chooses where a credential goes (nor what it is addressed to).
 */
const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
/** The narrowest scope every service account may ask for; the token is discarded unread anyway. */
const READ_ONLY_SCOPE = 'https://www.googleapis.com/auth/cloud-platform.read-only';
const ASSERTION_LIFETIME_S = 300;
const SERVICE_ACCOUNT_EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.gserviceaccount\.com$/;
const KEY_ID = /^[0-9a-f]{40}$/;
/** Google's invalid_grant descriptions that mean the key (or its account) no longer works, not a clock problem. */
const DEAD_GRANT = /signature|not found|disabled|deleted|invalid_client/i;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** The key as found inside the JSON string: `\n` escapes stand for the PEM's newlines. */
function privateKeyOf(secret: string): KeyObject | undefined {
  try {
    return createPrivateKey(secret.replace(/\\n/g, '\n'));
  } catch {
    return undefined;
  }
}

/** The RS256 JWT of Google's "OAuth 2.0 for server to server applications": iss is the account, aud the endpoint. */
export function serviceAccountAssertion(key: KeyObject, email: string, keyId: string | undefined, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) }));
  const claims = base64url(JSON.stringify({ iss: email, scope: READ_ONLY_SCOPE, aud: GOOGLE_TOKEN_AUDIENCE, iat, exp: iat + ASSERTION_LIFETIME_S }));
  const signature = sign('sha256', Buffer.from(`${header}.${claims}`), key);
  return `${header}.${claims}.${base64url(signature)}`;
}

function settleGrant(response: VerifyResponse, email: string): Outcome {
  const outcome = outcomeOfStatus(response.status, email);
  if (outcome.status === 'active') {
    return text(response.json, 'access_token') ? { status: 'active', identity: email } : { status: 'unknown', reason: 'token endpoint answered without a token' };
  }
  const error = text(response.json, 'error');
  const description = text(response.json, 'error_description') ?? error ?? `HTTP ${response.status}`;
  if (error === 'invalid_grant' || error === 'invalid_client') {
    return DEAD_GRANT.test(`${error} ${description}`) ? { status: 'inactive', reason: `Google: ${description}` } : { status: 'unknown', reason: `Google: ${description}` };
  }
  return outcome;
}

/**
 * GCP service-account keys: an RS256 JWT signed with the found private key, for the `client_email` of the same key
 * file, exchanged at Google's token endpoint (jwt-bearer grant). Only the signed assertion is sent, never the key.
 */
export const gcpServiceAccount: Verifier = {
  id: 'gcp',
  rules: ['gcp-service-account-key'],
  baseUrl: 'https://oauth2.googleapis.com',
  ratePerSecond: 5,
  async verify(credential, http) {
    const key = privateKeyOf(credential.secret);
    if (!key || key.asymmetricKeyType !== 'rsa') return { status: 'unknown', reason: 'the private key does not parse as an RSA key' };
    const email = companionValue(credential.context, ['client_email'], SERVICE_ACCOUNT_EMAIL, credential.secret);
    if (!email) return missingCompanion('service account client_email');
    const keyId = companionValue(credential.context, ['private_key_id'], KEY_ID, credential.secret);
    const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: serviceAccountAssertion(key, email, keyId) });
    const response = await http.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    });
    return settleGrant(response, email);
  },
};
