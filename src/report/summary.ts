import type { Finding, ScanNotice } from '../engine/finding.js';
import type { Severity } from '../rules/types.js';
import { renderGroups, renderNotScanned } from './findings-markdown.js';
import { groupFindings, type FindingStateSources } from './findings-view.js';
import { mdDetails, mdText } from './markdown.js';
import { countBySeverity, decideVerdict, type Verdict, type VerdictPolicy } from './severity.js';

export const HISTORY_WARNING = '**Deleting the line is not enough**: a committed secret stays in the branch history and in forks. Revoke it at its provider first, then replace it.';

export interface JobSummaryOptions {
  findings: readonly Finding[];
  policy: VerdictPolicy;
  target: string;
  link?: (f: Finding) => string | undefined;
  notes?: string[];
  verdict?: Verdict;
  sections?: string[];
  notices?: readonly ScanNotice[];
  states?: FindingStateSources;
}

function headingCounts(findings: readonly Finding[]): string {
  const counts = (Object.entries(countBySeverity(findings)) as [Severity, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  const noun = `${findings.length} secret${findings.length === 1 ? '' : 's'}`;
  return findings.length ? `${noun} (${counts.join(', ')})` : 'no secrets';
}

/**
 * The job summary (and the check run's text): counts in the heading, the history warning, the same grouped layout as
 * the PR comment, what was not scanned, then further sections (workflow audit, evidence...). A verdict given by the
 * caller also counts what is not a secret finding, such as the workflow audit.
 */
export function jobSummary(options: JobSummaryOptions): string {
  const verdict = options.verdict ?? decideVerdict(options.findings, options.policy, options.notices);
  const open = options.findings.filter((f) => !f.baseline);
  const accepted = options.findings.filter((f) => f.baseline);
  const states = options.states ?? {};
  const active = open.filter((f) => f.verification?.status === 'active').length;
  const facts = [active ? `🚨 **${active} verified active**` : '', `${open.filter((f) => f.longLived).length} long-lived`, `${accepted.length} accepted in the baseline`, verdict.unscanned.length ? `${verdict.unscanned.length} not scanned` : ''].filter(Boolean);
  const parts = [`## Keyward: ${verdict.pass ? '✅ pass' : '❌ fail'} · ${headingCounts(open)}`, `Scanned ${mdText(options.target)}: ${facts.join(' · ')}.`];
  if (!verdict.pass) parts.push(`**Why it failed:** ${verdict.reasons.join('; ')} (fail-on: ${options.policy.failOn}, block-long-lived: ${options.policy.blockLongLived}).`);
  if (open.length) parts.push(HISTORY_WARNING, renderGroups(groupFindings(open, states), { link: options.link, detailsLimit: 100 }));
  if (accepted.length) parts.push(mdDetails(`${accepted.length} finding(s) accepted in the baseline`, renderGroups(groupFindings(accepted, states), { link: options.link, detailsLimit: 30 })));
  const notScanned = renderNotScanned(options.notices ?? verdict.unscanned, options.policy.unscanned, 100);
  if (notScanned) parts.push(notScanned);
  // Notes are Keyward's own messages (API problems, fork advice) and keep their Markdown.
  if (options.notes?.length) parts.push(options.notes.map((n) => `> ${n.replace(/\n/g, ' ')}`).join('\n'));
  for (const section of options.sections ?? []) if (section.trim()) parts.push(section.trimEnd());
  return parts.join('\n\n') + '\n';
}
