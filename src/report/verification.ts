import type { Finding, Verification } from '../engine/finding.js';

export const isActive = (finding: Finding) => finding.verification?.status === 'active';

/**
 * A verification in plain words, e.g. "ACTIVE per aws: arn:aws:iam::1:user/ci, expires 2026-03-01" or "inactive per
 * github (HTTP 401 (bad credentials))". Text from the provider (identity, reason) is as answered: callers escape it for
 * their medium (markdown, log) like any other untrusted text.
 */
export function verificationWords(v: Verification): string {
  const facts = [v.identity ?? '', v.expiresAt ? `expires ${v.expiresAt.slice(0, 10)}` : '', v.scopes?.length ? `scopes ${v.scopes.join(' ')}` : ''].filter(Boolean).join(', ');
  if (v.status === 'active') return `ACTIVE per ${v.verifier}${facts ? `: ${facts}` : ''}`;
  const status = v.status === 'inactive' ? 'inactive' : 'liveness unknown';
  return `${status} per ${v.verifier}${v.reason ? ` (${v.reason})` : ''}`;
}

/** The SARIF / JSON shape of a verification: the finding's own object, never anything more. */
export function verificationProperties(finding: Finding): { verification?: Verification } {
  return finding.verification ? { verification: finding.verification } : {};
}
