import { SEVERITIES, type Severity } from '../rules/types.js';
import type { Finding, ScanNotice } from '../engine/finding.js';

const RANK: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1, info: 0 };

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b] - RANK[a];
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

export type UnscannedPolicy = 'fail' | 'warn';

export interface VerdictPolicy {
  failOn: Severity;
  blockLongLived: boolean;
  /** What content that went unscanned does to the verdict; unset counts as warn (the Action sets fail on pull requests). */
  unscanned?: UnscannedPolicy;
}

export interface Verdict {
  pass: boolean;
  /** Findings that decide a failure: not in the baseline, and at or above the threshold or long-lived when blocked. */
  blocking: Finding[];
  /** Notices of content that went unscanned (listed as "not scanned"); they fail the verdict under `unscanned: fail`. */
  unscanned: ScanNotice[];
  reasons: string[];
}

export function decideVerdict(findings: readonly Finding[], policy: VerdictPolicy, notices: readonly ScanNotice[] = []): Verdict {
  const live = findings.filter((f) => !f.baseline);
  const bySeverity = live.filter((f) => severityAtLeast(f.severity, policy.failOn));
  const longLived = policy.blockLongLived ? live.filter((f) => f.longLived) : [];
  const blocking = [...new Set([...bySeverity, ...longLived])];
  const reasons: string[] = [];
  if (bySeverity.length > 0) reasons.push(`${bySeverity.length} finding(s) at or above ${policy.failOn}`);
  if (longLived.length > 0) reasons.push(`${longLived.length} long-lived credential(s) (block-long-lived is on)`);
  const unscanned = notices.filter((n) => n.unscanned);
  const failUnscanned = policy.unscanned === 'fail' && unscanned.length > 0;
  if (failUnscanned) reasons.push(`${unscanned.length} item(s) not scanned (unscanned: fail)`);
  return { pass: blocking.length === 0 && !failUnscanned, blocking, unscanned, reasons };
}

/** The order reports list findings in: most severe first, then by place. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}
