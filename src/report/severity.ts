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
  /**
   * `fail-on-active`: only findings their provider verified as active fail the run (the rest are still listed), and,
   * failing closed, those whose check did not settle (`unknown`: network, rate limit, a fork's run not allowed to
   * verify). Findings no verifier covers do not fail.
   */
  failOnActive?: boolean;
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
  const reasons: string[] = [];
  let blocking: Finding[];
  if (policy.failOnActive) {
    const active = live.filter((f) => f.verification?.status === 'active');
    const unsettled = live.filter((f) => f.verification?.status === 'unknown');
    blocking = [...active, ...unsettled];
    if (active.length > 0) reasons.push(`${active.length} credential(s) verified active (fail-on-active is on)`);
    if (unsettled.length > 0) reasons.push(`${unsettled.length} credential(s) whose provider check did not settle (fail-on-active fails closed on unknown)`);
  } else {
    const bySeverity = live.filter((f) => severityAtLeast(f.severity, policy.failOn));
    const longLived = policy.blockLongLived ? live.filter((f) => f.longLived) : [];
    blocking = [...new Set([...bySeverity, ...longLived])];
    if (bySeverity.length > 0) reasons.push(`${bySeverity.length} finding(s) at or above ${policy.failOn}`);
    if (longLived.length > 0) reasons.push(`${longLived.length} long-lived credential(s) (block-long-lived is on)`);
  }
  const unscanned = notices.filter((n) => n.unscanned);
  const failUnscanned = policy.unscanned === 'fail' && unscanned.length > 0;
  if (failUnscanned) reasons.push(`${unscanned.length} item(s) not scanned (unscanned: fail)`);
  return { pass: blocking.length === 0 && !failUnscanned, blocking, unscanned, reasons };
}

const LIVENESS_RANK: Record<string, number> = { active: 0, unknown: 1, none: 1, inactive: 2 };
const livenessRank = (f: Finding) => LIVENESS_RANK[f.verification?.status ?? 'none']!;

/** The order reports list findings in: most severe first, active before unchecked before inactive, then by place. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity) || livenessRank(a) - livenessRank(b) || a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
}
