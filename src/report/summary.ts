import type { Finding } from '../engine/finding.js';
import type { Severity } from '../rules/types.js';
import { countBySeverity, decideVerdict, sortFindings, type Verdict, type VerdictPolicy } from './severity.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** The findings as a Markdown table: place, rule, lifetime, owner, expiry, what to do. Redacted values only. */
export function findingsTable(findings: readonly Finding[], link?: (f: Finding) => string | undefined, limit = 100): string {
  if (findings.length === 0) return '';
  const rows = sortFindings(findings)
    .slice(0, limit)
    .map((f) => {
      const place = `${f.path}:${f.line}`;
      const url = link?.(f);
      const owners = f.owners?.map((o) => o.handle).join(', ') || (f.commit ? f.commit.author : 'unknown');
      const expiry = f.expiry?.summary ?? (f.expiresAt ? `expires ${f.expiresAt.slice(0, 10)}` : f.longLived ? 'never (until revoked)' : 'short-lived');
      const action = f.revokeUrl ? `[Revoke](${f.revokeUrl}), then use OIDC` : cell(f.remediation);
      return `| ${url ? `[${cell(place)}](${url})` : `\`${cell(place)}\``} | ${cell(f.title)} (\`${f.ruleId}\`) | ${f.severity} | ${f.longLived ? '**long-lived**' : 'short-lived'} | \`${cell(f.redacted)}\` | ${cell(owners)} | ${cell(expiry)} | ${action} |`;
    });
  const more = findings.length > limit ? `\n\n…and ${findings.length - limit} more (see the SARIF or JSON report).` : '';
  return ['| Where | Rule | Severity | Lifetime | Value | Owner | Expiry | What to do |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n') + more;
}

/**
 * The job summary: verdict, counts by severity, the table, then further sections (workflow audit, evidence...). A
 * verdict given by the caller also counts what is not a secret finding, such as the workflow audit.
 */
export function jobSummary(options: { findings: readonly Finding[]; policy: VerdictPolicy; target: string; link?: (f: Finding) => string | undefined; notes?: string[]; verdict?: Verdict; sections?: string[] }): string {
  const verdict = options.verdict ?? decideVerdict(options.findings, options.policy);
  const counts = countBySeverity(options.findings);
  const countLine = (Object.entries(counts) as [Severity, number][]).map(([s, n]) => `${s}: ${n}`).join(' · ');
  const parts = [
    `## Keyward: ${verdict.pass ? '✅ pass' : '❌ fail'}`,
    `Scanned ${options.target}. ${options.findings.length} finding(s) (${countLine}); ${options.findings.filter((f) => f.longLived).length} long-lived; ${options.findings.filter((f) => f.baseline).length} accepted in the baseline.`,
  ];
  if (!verdict.pass) parts.push(`**Why it failed:** ${verdict.reasons.join('; ')} (fail-on: ${options.policy.failOn}, block-long-lived: ${options.policy.blockLongLived}).`);
  const table = findingsTable(options.findings, options.link);
  if (table) parts.push(table);
  if (options.notes?.length) parts.push(options.notes.map((n) => `> ${n}`).join('\n'));
  for (const section of options.sections ?? []) if (section.trim()) parts.push(section.trimEnd());
  return parts.join('\n\n') + '\n';
}
