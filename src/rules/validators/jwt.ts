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

/** Three base64url parts whose header is a JSON object naming an `alg` and whose payload is a JSON object. */
export function isStructuredJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const header = decodePart(parts[0]!);
  const payload = decodePart(parts[1]!);
  return typeof header?.alg === 'string' && header.alg.toLowerCase() !== 'none' && payload !== undefined && !isDocumentationExample(payload);
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
