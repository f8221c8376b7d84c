import type { Finding, ScanNotice } from '../engine/finding.js';
import { countBySeverity, decideVerdict, sortFindings, type VerdictPolicy } from './severity.js';
import { TOOL_NAME, TOOL_VERSION } from './tool.js';

export interface ScanStats {
  files?: number;
  commits?: number;
  blobs?: number;
  bytes: number;
  durationMs: number;
  /** History scans: the strategy, why (with the probe's timings), and the threads that scanned blobs. */
  history?: { strategy: string; reason: string; described: string; threads?: number };
  /** The engines that ran: the regex engine (`native-re2`, `re2-wasm`, `re2js`) and the prefilter walk (`wasm`, `js (why)`). */
  engine?: { regex: string; prefilterWalk: string };
}

export interface ReportInput {
  /** What was scanned: a directory, `diff BASE...HEAD`, `history`, `staged`. */
  target: string;
  findings: readonly Finding[];
  notices: readonly ScanNotice[];
  stats: ScanStats;
  policy: VerdictPolicy;
}

/** How many findings each verification status has, when any finding was verified. */
function verificationCounts(findings: readonly Finding[]): { verified?: { active: number; inactive: number; unknown: number } } {
  if (!findings.some((f) => f.verification)) return {};
  const count = (status: string) => findings.filter((f) => f.verification?.status === status).length;
  return { verified: { active: count('active'), inactive: count('inactive'), unknown: count('unknown') } };
}

/** The machine-readable report. Findings carry redacted values and fingerprints only; usable as a baseline file. */
export function toJsonReport(input: ReportInput) {
  const verdict = decideVerdict(input.findings, input.policy, input.notices);
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    target: input.target,
    summary: {
      total: input.findings.length,
      new: input.findings.filter((f) => !f.baseline).length,
      baseline: input.findings.filter((f) => f.baseline).length,
      longLived: input.findings.filter((f) => f.longLived).length,
      ...verificationCounts(input.findings),
      notScanned: verdict.unscanned.length,
      bySeverity: countBySeverity(input.findings),
      verdict: verdict.pass ? 'pass' : 'fail',
      reasons: verdict.reasons,
      policy: input.policy,
    },
    stats: input.stats,
    findings: sortFindings(input.findings),
    notices: input.notices,
  };
}
