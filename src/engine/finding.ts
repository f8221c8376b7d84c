import type { Severity } from '../rules/types.js';

/** The commit that introduced a finding, for git sources. */
export interface CommitRef {
  sha: string;
  author: string;
  email: string;
  /** ISO 8601 author date. */
  date: string;
  // No subject or message: a commit message can hold a secret, so sources scan it and no report carries it.
}

/**
 * A detected secret as it leaves the engine. It carries no raw secret: only a redacted form (a short prefix and the
 * length) and a fingerprint (a hash of rule id and secret), so every report and log can print it safely.
 */
export interface Finding {
  ruleId: string;
  title: string;
  provider: string;
  severity: Severity;
  longLived: boolean;
  /** Path relative to the scan root (or repository root for git sources), `/`-separated. */
  path: string;
  /** 1-based line and column of the secret's first character; column counts bytes. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The same columns in UTF-16 code units, as GitHub and SARIF count them (absent: equal to the byte columns). */
  utf16Column?: number;
  utf16EndColumn?: number;
  /** e.g. `AKIA…(20 chars)`. */
  redacted: string;
  /**
   * Hex HMAC-SHA256 of `ruleId \0 secret` under the repository's fingerprint key: stable across files, commits and runs
   * of one repository, and not checkable against a word list without the key.
   */
  fingerprint: string;
  /**
   * Set when the baseline (or allowlist) accepted this finding by its old unkeyed sha256 fingerprint: that value, already
   * published in the baseline, so `keyward baseline migrate` can rewrite the entry to `fingerprint`.
   */
  migratedFrom?: string;
  /** Shannon entropy of the secret in bits per character. */
  entropy: number;
  /** True when a checksum or structural validator confirmed the format. */
  verifiedFormat: boolean;
  expiresAt?: string;
  issuedAt?: string;
  details?: Record<string, string>;
  remediation: string;
  revokeUrl?: string;
  /** Set by git sources. */
  commit?: CommitRef;
  /**
   * Set on a finding whose line carries an inline suppression that the scan was asked to report rather than honour
   * (a pull request's own `keyward:allow`): accepted or not, and why, in words a comment can show.
   */
  suppression?: InlineSuppression;
  /** Set when the fingerprint is in the baseline: known and accepted, reported but not failing. */
  baseline?: boolean;
  /** Filled by governance: who to ask about this credential (CODEOWNERS owners, inventory owner, introducing author). */
  owners?: OwnerRef[];
  /** Filled by governance: when this credential stops being acceptable. */
  expiry?: ExpiryInfo;
  /** Filled by `--verify` / the `verify` input: what the credential's own provider said of it. */
  verification?: Verification;
}

/** A provider's answer about one credential, from its documented read-only identity endpoint. */
export interface Verification {
  /** `unknown`: no answer that settles it (network error, timeout, rate limit, 5xx, no verifier input); see `reason`. */
  status: 'active' | 'inactive' | 'unknown';
  /** ISO 8601 time of the check. */
  checkedAt: string;
  /** The provider id of the verifier that answered (`aws`, `github`, ...), as KEYWARD_VERIFY_ENDPOINTS names it. */
  verifier: string;
  /** Who the provider says the credential belongs to: an IAM ARN, a GitHub login, a Slack team and bot. */
  identity?: string;
  /** ISO 8601 expiry the provider reports, when it has one. */
  expiresAt?: string;
  scopes?: string[];
  /** Plain words for `inactive` and `unknown` (e.g. "HTTP 401", "timed out after 10 s", "rate limited"). */
  reason?: string;
}

export interface InlineSuppression {
  by: 'inline';
  accepted: boolean;
  /** e.g. "suppressed inline by the PR author; needs an approving review by a code owner of src/x (not the author)". */
  reason: string;
}

export interface OwnerRef {
  /** `@org/team`, `@user` or an e-mail address. */
  handle: string;
  /** `provider`: the identity the credential's own provider reported when it was verified (an IAM ARN, a login). */
  source: 'codeowners' | 'inventory' | 'commit-author' | 'provider';
}

export interface ExpiryInfo {
  /** ISO date the credential expires or must be rotated by, when known. */
  expiresAt?: string;
  /** Days since the credential entered the repository, for git sources. */
  ageDays?: number;
  /** The rotation policy's maximum age in days that applied. */
  maxAgeDays?: number;
  status: 'expired' | 'expiring-soon' | 'ok' | 'unknown';
  /** Plain words, e.g. "JWT exp 2026-01-01 (expired)" or "in repo 400 days; policy 90 days". */
  summary: string;
}

/** Something the scan passed over or could not read, reported instead of silently lost. */
export interface ScanNotice {
  kind: 'binary' | 'too-large' | 'unreadable' | 'missing-object' | 'submodule' | 'lfs-pointer' | 'shallow' | 'ignored' | 'not-regular' | 'other';
  path?: string;
  /** The commit whose content this notice is about, for git sources. */
  commit?: string;
  message: string;
  /**
   * True when content the run was asked to judge went unscanned (over the size cap, unreadable, not a regular file, a
   * missing object, a binary credential store). Reports list these as "not scanned" and the `unscanned` policy
   * (fail|warn) decides whether they fail the verdict. Notices that lose nothing (an ignored path, a real LFS pointer,
   * a plain binary asset) leave it unset.
   */
  unscanned?: boolean;
}
