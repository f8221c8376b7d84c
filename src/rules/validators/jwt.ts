import { createHmac } from 'node:crypto';
import type { SecretFacts } from '../types.js';

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The token every JWT tutorial copies from jwt.io. */
function isDocumentationExample(payload: Record<string, unknown>): boolean {
  return payload.sub === '1234567890' && payload.name === 'John Doe';
}

/**
 * The HMAC keys jwt.io prints beside its sample tokens, which tutorials and tests copy. Anyone can sign a token with
 * them, so one signed with them proves nothing and grants nothing a forger could not.
 */
const PUBLISHED_HMAC_KEYS = ['a-string-secret-at-least-256-bits-long', 'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret'];
const HMAC_DIGESTS: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

function signedWithPublishedKey(token: string, alg: string): boolean {
  const digest = HMAC_DIGESTS[alg];
  if (digest === undefined) return false;
  const signed = token.slice(0, token.lastIndexOf('.'));
  const signature = token.slice(token.lastIndexOf('.') + 1);
  return PUBLISHED_HMAC_KEYS.some((key) => createHmac(digest, key).update(signed).digest('base64url') === signature);
}

/** Three base64url parts whose header is a JSON object naming an `alg` and whose payload is a JSON object. */
export function isStructuredJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const header = decodePart(parts[0]!);
  const payload = decodePart(parts[1]!);
  if (typeof header?.alg !== 'string' || header.alg.toLowerCase() === 'none' || payload === undefined) return false;
  return !isDocumentationExample(payload) && !signedWithPublishedKey(token, header.alg);
}

/** Expiry and issue time from the payload; a token valid for a day or less counts as short-lived. */
export function jwtFacts(token: string): SecretFacts | undefined {
  const payload = decodePart(token.split('.')[1] ?? '');
  if (!payload) return undefined;
  const facts: SecretFacts = {};
  const details: Record<string, string> = {};
  if (typeof payload.exp === 'number') facts.expiresAt = new Date(payload.exp * 1000);
  if (typeof payload.iat === 'number') facts.issuedAt = new Date(payload.iat * 1000);
  for (const claim of ['iss', 'aud', 'role']) {
    const value = payload[claim];
    if (typeof value === 'string' && value.length <= 200) details[claim] = value;
  }
  if (facts.expiresAt) {
    const issued = facts.issuedAt?.getTime() ?? Date.now();
    facts.longLived = facts.expiresAt.getTime() - issued > 24 * 3600 * 1000;
  } else {
    facts.longLived = true;
  }
  if (Object.keys(details).length > 0) facts.details = details;
  return facts;
}
