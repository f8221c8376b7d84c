import { formatBytes } from './bytes.js';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { Severity } from '../rules/types.js';
import type { ScanStats } from './json.js';
import { escapeLogValue } from './log-text.js';
import { countBySeverity, decideVerdict, sortFindings, type VerdictPolicy } from './severity.js';
import { isActive, verificationWords } from './verification.js';

const CODES = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', magenta: '\u001b[35m', green: '\u001b[32m' };
type Style = keyof typeof CODES;
const SEVERITY_STYLE: Record<Severity, Style> = { critical: 'magenta', high: 'red', medium: 'yellow', low: 'blue', info: 'dim' };

export interface TextReportOptions {
  color: boolean;
  findings: readonly Finding[];
  notices: readonly ScanNotice[];
  stats: ScanStats;
  policy: VerdictPolicy;
  target: string;
}

/** For people: findings grouped by file, most severe first, then notices and a one-line verdict. */
export function toText(options: TextReportOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `${CODES[style]}${text}${CODES.reset}` : text);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of sortFindings(options.findings)) {
    const list = byFile.get(finding.path) ?? [];
    list.push(finding);
    byFile.set(finding.path, list);
  }
  for (const [path, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(paint('bold', escapeLogValue(path)));
    for (const f of list.sort((a, b) => a.line - b.line)) {
      const where = `${f.line}:${f.column}`.padEnd(8);
      const severity = paint(SEVERITY_STYLE[f.severity], f.severity.toUpperCase().padEnd(8));
      const lifetime = f.longLived ? paint('red', 'long-lived') : paint('green', 'short-lived');
      const flags = [lifetime, f.baseline ? paint('dim', 'baseline') : '', f.expiresAt ? `expires ${f.expiresAt.slice(0, 10)}` : ''].filter(Boolean).join(', ');
      out.push(`  ${where} ${severity} ${f.title} ${paint('dim', `[${f.ruleId}]`)} ${f.redacted} (${flags})`);
      if (f.verification) out.push(`           ${paint(isActive(f) ? 'red' : 'dim', escapeLogValue(verificationWords(f.verification)))}${paint('dim', ` (checked ${f.verification.checkedAt.slice(0, 19)}Z)`)}`);
      if (f.commit) out.push(paint('dim', `           introduced in ${f.commit.sha.slice(0, 12)} by ${escapeLogValue(f.commit.author)} on ${f.commit.date.slice(0, 10)}`));
      out.push(paint('dim', `           ${f.remediation}${f.revokeUrl ? ` ${f.revokeUrl}` : ''}`));
    }
    out.push('');
  }
  const notable = options.notices.filter((n) => n.kind !== 'binary' && n.kind !== 'ignored');
  if (notable.length > 0) {
    out.push(paint('bold', 'Notices'));
    for (const notice of notable.slice(0, 50)) out.push(`  ${notice.unscanned ? 'not scanned, ' : ''}${notice.kind}: ${escapeLogValue(notice.message)}`);
    if (notable.length > 50) out.push(`  … and ${notable.length - 50} more (see --format json)`);
    out.push('');
  }
  const counts = countBySeverity(options.findings);
  const parts = (Object.entries(counts) as [Severity, number][]).filter(([, n]) => n > 0).map(([s, n]) => paint(SEVERITY_STYLE[s], `${n} ${s}`));
  const verdict = decideVerdict(options.findings, options.policy, options.notices);
  const seconds = options.stats.durationMs / 1000;
  const scanned = [options.stats.files !== undefined ? `${options.stats.files} files` : '', options.stats.commits !== undefined ? `${options.stats.commits} commits` : '', formatBytes(options.stats.bytes)].filter(Boolean).join(', ');
  if (options.stats.history) out.push(paint('dim', `History strategy: ${options.stats.history.described}`));
  if (options.stats.engine) out.push(paint('dim', `Regex engine: ${options.stats.engine.regex}; prefilter walk: ${options.stats.engine.prefilterWalk}`));
  out.push(`${options.findings.length === 0 ? 'No secrets found' : `${options.findings.length} finding(s): ${parts.join(', ')}`} in ${options.target} (${scanned} in ${seconds.toFixed(2)} s)`);
  out.push(verdict.pass ? paint('green', 'PASS') : `${paint('red', 'FAIL')}: ${verdict.reasons.join('; ')}`);
  return out.join('\n') + '\n';
}
