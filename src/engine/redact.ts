import { createHash } from 'node:crypto';

/**
 * A short prefix and the length: enough to recognise the token type (`AKIA`, `ghp_`) and find it again, never enough
 * to use it. At most a fifth of the value and at most four characters are shown.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 5));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/** Stable across files, commits and runs: sha256 of the rule id and the secret's bytes. */
export function fingerprint(ruleId: string, secret: Uint8Array): string {
  return createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}
