import { readRegularFile, writeOutputFile } from '../fs/safe-read.js';
import { mdCode, mdText } from '../report/markdown.js';
import type { GuardReport, IssuedCredential } from './types.js';

export interface CredentialEvidence {
  kind: 'keyward-credentials';
  version: 1;
  issued: IssuedCredential[];
  guard?: GuardReport;
}

export function writeEvidence(path: string, issued: IssuedCredential[], guard?: GuardReport): void {
  const evidence: CredentialEvidence = { kind: 'keyward-credentials', version: 1, issued, guard };
  writeOutputFile(path, JSON.stringify(evidence, null, 2) + '\n');
}

/** Merges revokedAt from the post step into the evidence file the main step wrote; false if there is none to update. */
export function markRevoked(path: string, revoked: IssuedCredential[]): boolean {
  const read = readRegularFile(path, { maxBytes: 16 * 1024 * 1024 });
  if (!read.ok) return false;
  let evidence: CredentialEvidence;
  try {
    evidence = JSON.parse(read.text) as CredentialEvidence;
  } catch {
    return false;
  }
  if (!Array.isArray(evidence.issued)) return false;
  for (const record of evidence.issued) {
    const match = revoked.find((r) => r.revokedAt && r.cloud === record.cloud && r.identity === record.identity && r.issuedAt === record.issuedAt);
    if (match) record.revokedAt = match.revokedAt;
  }
  writeOutputFile(path, JSON.stringify(evidence, null, 2) + '\n');
  return true;
}

/** Markdown lines for the job summary: one row per credential, no values. */
export function evidenceSummary(issued: IssuedCredential[], guard?: GuardReport): string {
  if (issued.length === 0 && !guard?.findings.length) return '';
  const lines = ['### Short-lived credentials', ''];
  if (issued.length > 0) {
    lines.push('| Cloud | Identity | OIDC subject | Expires | Lifetime |', '| --- | --- | --- | --- | --- |');
    for (const c of issued) lines.push(`| ${c.cloud} | ${mdText(c.identity)} | ${mdText(c.oidc.sub)} | ${c.expiresAt} | ${c.durationSeconds} s |`);
  }
  if (guard?.findings.length) {
    lines.push('', `Long-lived credentials found in the job environment (${guard.policy}):`);
    for (const f of guard.findings) lines.push(`- ${mdCode(f.variable)} (${f.cloud}): ${mdText(f.reason)}${guard.removed.includes(f.variable) ? ' — removed for later steps' : ''}`);
  }
  return lines.join('\n') + '\n';
}
