import { createHash, createHmac } from 'node:crypto';

/**
 * A short prefix and the length: enough to recognise the token type (`AKIA`, `ghp_`) and find it again, never enough
 * to use it. At most a fifth of the value and at most four characters are shown.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 5));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}

/** The key used when no repository and no KEYWARD_FINGERPRINT_KEY is known: public, so such prints are not keyed. */
export const UNKEYED_FINGERPRINT_KEY = 'keyward:unkeyed';

/**
 * Stable across files, commits and runs of one repository: HMAC-SHA256 of the rule id and the secret's bytes under
 * the repository's fingerprint key (see fingerprintKey). Without the key, a published fingerprint cannot be checked
 * against a word list; with a secret key (KEYWARD_FINGERPRINT_KEY) not even by someone who knows the repository.
 */
export function fingerprint(ruleId: string, secret: Uint8Array, key: string = UNKEYED_FINGERPRINT_KEY): string {
  return createHmac('sha256', key).update(ruleId).update('\0').update(secret).digest('hex');
}

/** The unkeyed fingerprint of Keyward before 2.0, sha256 of `ruleId \0 secret`: recognised in baselines, never written. */
export function legacyFingerprint(ruleId: string, secret: Uint8Array): string {
  return createHash('sha256').update(ruleId).update('\0').update(secret).digest('hex');
}

export interface FingerprintKey {
  key: string;
  /** Where the key came from, for logs: never the key itself. */
  source: string;
  /** False when no repository or secret was known and the public fallback key applies. */
  keyed: boolean;
}

/**
 * The fingerprint key, first found of: KEYWARD_FINGERPRINT_KEY (a secret of your choosing: the only choice that keeps
 * fingerprints unguessable by someone who knows the repository), then the repository's full name, lower-cased
 * (`KEYWARD_REPOSITORY`, the Action's `GITHUB_REPOSITORY`, or what the CLI reads from the origin remote). The full name
 * rather than the numeric repository id because the CLI on a laptop knows it offline, so baselines it writes match
 * the Action's; renaming the repository changes every fingerprint (`keyward baseline migrate` rewrites a baseline).
 */
export function fingerprintKey(env: Record<string, string | undefined>, repositoryFallback?: string): FingerprintKey {
  const secret = env.KEYWARD_FINGERPRINT_KEY;
  if (secret) return { key: `secret:${secret}`, source: 'KEYWARD_FINGERPRINT_KEY', keyed: true };
  const repository = env.KEYWARD_REPOSITORY || env.GITHUB_REPOSITORY || repositoryFallback;
  if (repository) return { key: `repository:${repository.toLowerCase()}`, source: `repository ${repository.toLowerCase()}`, keyed: true };
  return { key: UNKEYED_FINGERPRINT_KEY, source: 'no repository known (set KEYWARD_REPOSITORY or KEYWARD_FINGERPRINT_KEY)', keyed: false };
}
