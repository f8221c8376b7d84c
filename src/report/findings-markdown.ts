import type { Finding, ScanNotice, Verification } from '../engine/finding.js';
import type { Severity } from '../rules/types.js';
import { livenessWords, stateWords, type FindingGroup, type FindingState } from './findings-view.js';
import { mdCode, mdCodeBlock, mdDetails, mdLink, mdTable, mdText, plainLine } from './markdown.js';
import { remediationFor, remediationMarkdown } from './remediation.js';
import { verificationWords } from './verification.js';

export const SEVERITY_ICON: Record<Severity, string> = { critical: '🟣', high: '🔴', medium: '🟠', low: '🟡', info: '⚪' };

export interface FindingsLayout {
  /** Link to the line at the commit that introduced the finding. */
  link?: (finding: Finding) => string | undefined;
  /** Locations listed per group in its details; the rest are counted. */
  detailsLimit?: number;
}

/** Where a long path would widen the table past the comment column, the table shows its tail; details show it whole. */
function shortPath(path: string): string {
  if (path.length <= 36) return path;
  const parts = path.split('/');
  const tail = parts.slice(-2).join('/');
  return `…/${tail.length <= 36 ? tail : `…${tail.slice(-34)}`}`;
}

function placeLink(finding: Finding, layout: FindingsLayout, text: string): string {
  const url = layout.link?.(finding);
  return url ? mdLink(text, url) : mdText(text);
}

function placeTag(state: FindingState): string {
  if (state.presence === 'history') return ' (history only)';
  if (state.new) return ' (new)';
  return '';
}

export function lifetimeCell(finding: Finding): string {
  const expiresAt = finding.expiresAt ?? finding.verification?.expiresAt;
  if (expiresAt) return `expires ${expiresAt.slice(0, 10)}`;
  return finding.longLived ? 'until revoked' : 'short-lived';
}

interface Column {
  header: string;
  cell: (group: FindingGroup) => string;
  /** How the value reads in the line above the table when it is the same on every row. */
  uniform?: (value: string) => string;
}

function whereCell(group: FindingGroup, layout: FindingsLayout): string {
  const shown = group.findings.slice(0, 2).map((f, i) => `${placeLink(f, layout, `${shortPath(f.path)}:${f.line}`)}${placeTag(group.states[i]!)}`);
  const more = group.findings.length - shown.length;
  return shown.join('<br>') + (more > 0 ? `<br>+${more} more` : '');
}

function secretCell(group: FindingGroup): string {
  const fresh = group.states.filter((s) => s.new).length;
  return `${livenessMark(group)}${mdText(group.title)}${group.findings.length > 1 ? ` ×${group.findings.length}` : ''}${fresh > 0 ? ` · **${fresh} new**` : ''}`;
}

/** The mark a verified group carries before its name: how many are live, or that the provider refused them all. */
function livenessMark(group: FindingGroup): string {
  const count = (liveness: FindingState['liveness']) => group.states.filter((s) => s.liveness === liveness).length;
  const active = count('active');
  if (active > 0) return group.findings.length > 1 ? `🚨 **${active} ACTIVE** ` : '🚨 **ACTIVE** ';
  if (count('inactive') === group.findings.length) return '_inactive_ ';
  return '';
}

function columns(layout: FindingsLayout): Column[] {
  return [
    { header: 'Severity', cell: (g) => `${SEVERITY_ICON[g.severity]} ${g.severity}`, uniform: (v) => v },
    { header: 'Secret', cell: secretCell },
    { header: 'Where', cell: (g) => whereCell(g, layout) },
    { header: 'Lifetime', cell: (g) => lifetimeCell(g.findings[0]!), uniform: (v) => (v === 'until revoked' ? 'long-lived (valid until revoked)' : v) },
    { header: 'Revoke', cell: (g) => (g.findings[0]!.revokeUrl ? `[Revoke](${g.findings[0]!.revokeUrl})` : 'see details') },
  ];
}

/** The value most rows share, when at most a few rows (and under a quarter of them) differ. */
function mostlyOne(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const others = values.length - n;
  return values.length >= 2 && (others === 0 || (others <= 3 && others * 4 < values.length)) ? top : undefined;
}

/**
 * At most five columns. A column whose value is the same on every row (of several) is said once above the table; one
 * that differs on only a few rows is said once too, and those rows carry their own value after the secret's name.
 */
export function groupsTable(groups: readonly FindingGroup[], layout: FindingsLayout): { table: string; uniform: string[] } {
  const uniform: string[] = [];
  const exceptions = new Map<FindingGroup, string[]>();
  const kept = columns(layout).filter((column) => {
    if (!column.uniform) return true;
    const values = groups.map(column.cell);
    const common = mostlyOne(values);
    if (common === undefined) return true;
    const differ = groups.filter((_g, i) => values[i] !== common);
    uniform.push(`${column.uniform(common)}${differ.length ? ' unless marked' : ''}`);
    differ.forEach((g) => exceptions.set(g, [...(exceptions.get(g) ?? []), column.cell(g)]));
    return false;
  });
  const cellOf = (column: Column, group: FindingGroup) => {
    const cell = column.cell(group);
    const marks = column.header === 'Secret' ? exceptions.get(group) : undefined;
    return marks ? `${cell} · _${marks.join(', ')}_` : cell;
  };
  return { table: mdTable(kept.map((c) => c.header), groups.map((g) => kept.map((c) => cellOf(c, g)))), uniform };
}

/** Values every finding shares (owner, liveness, format), said once above the tables instead of on each row. */
export function sharedFacts(groups: readonly FindingGroup[]): string[] {
  const findings = groups.flatMap((g) => g.findings);
  const states = groups.flatMap((g) => g.states);
  const facts: string[] = [];
  const owners = new Set(findings.map(ownersText));
  if (findings.length > 1 && owners.size === 1 && [...owners][0]) facts.push(`owner ${[...owners][0]}`);
  const authors = new Set(findings.map((f) => (f.commit ? `added by ${mdText(f.commit.author)}` : '')));
  if (findings.length > 1 && authors.size === 1 && [...authors][0]) facts.push([...authors][0]!);
  const liveness = new Set(states.map((s) => s.liveness));
  if (liveness.size === 1 && liveness.has('not-checked')) facts.push('liveness not checked (verification off, or no verifier for these providers)');
  return facts;
}

const OWNER_SOURCE: Record<string, string> = { codeowners: 'CODEOWNERS', inventory: 'inventory', provider: 'provider identity' };

function ownersText(finding: Finding): string {
  const named = (finding.owners ?? []).filter((o) => o.source !== 'commit-author');
  return named.map((o) => `${mdText(o.handle)} (${OWNER_SOURCE[o.source]})`).join(', ');
}

/** What the provider said, for a location's line: the active mark, whose it is, until when, when it was asked. */
function verificationLine(v: Verification): string {
  const checked = `checked ${mdText(v.checkedAt.slice(0, 16).replace('T', ' '))} UTC`;
  return `${v.status === 'active' ? '🚨 ' : ''}${mdText(verificationWords(v))} (${checked})`;
}

function locationLine(finding: Finding, state: FindingState, layout: FindingsLayout, shared: ReadonlySet<string>): string {
  const parts = [placeLink(finding, layout, `${finding.path}:${finding.line}`), mdCode(finding.redacted)];
  if (finding.commit) parts.push(`added in ${mdCode(finding.commit.sha.slice(0, 7))}${shared.has(`added by ${mdText(finding.commit.author)}`) ? '' : ` by ${mdText(finding.commit.author)}`}`);
  const words = stateWords(state).filter((w) => !shared.has(w) && !w.startsWith('liveness not checked') && !(finding.verification && w === livenessWords(state.liveness)));
  if (words.length) parts.push(words.join(', '));
  if (finding.verification) parts.push(verificationLine(finding.verification));
  const owners = ownersText(finding);
  if (owners && !shared.has(`owner ${owners}`)) parts.push(`owner ${owners}`);
  if (finding.longLived && finding.expiry?.expiresAt && !finding.expiresAt) parts.push(`rotate by ${mdText(finding.expiry.expiresAt.slice(0, 10))}${finding.expiry.status === 'expired' ? ' (overdue)' : ''}`);
  if (finding.suppression && !finding.suppression.accepted) parts.push(`**inline suppression not accepted:** ${mdText(finding.suppression.reason)}`);
  for (const [key, value] of Object.entries(finding.details ?? {})) parts.push(`${mdText(key)}: ${mdText(value)}`);
  return `- ${parts.join(' · ')}`;
}

/** A group's collapsed details: rule, what to do (the one remediation), and every location with its state. */
export function groupDetails(group: FindingGroup, layout: FindingsLayout, shared: ReadonlySet<string>): string {
  const first = group.findings[0]!;
  const r = remediationFor(first);
  const limit = layout.detailsLimit ?? 30;
  const lines = [
    `Rule ${mdCode(group.ruleId)} · ${mdText(group.provider)} · ${group.severity} · ${mdText(r.lifetime)}${group.generic ? ' · generic pattern (a guess, not a provider format)' : ''}`,
    '',
    `**What to do:** ${remediationMarkdown(first)}`,
    '',
    ...group.findings.slice(0, limit).map((f, i) => locationLine(f, group.states[i]!, layout, shared)),
  ];
  if (group.findings.length > limit) lines.push(`- …and ${group.findings.length - limit} more (job summary, SARIF)`);
  const count = group.findings.length > 1 ? ` ×${group.findings.length}` : '';
  return mdDetails(`${SEVERITY_ICON[group.severity]} ${group.title}${count}: details`, lines.join('\n'));
}

/**
 * The findings as the comment and the summary show them: provider-confirmed secrets in one table, generic guesses in
 * another ("other"), one row per kind, then one collapsed details block per kind.
 */
export function renderGroups(groups: readonly FindingGroup[], layout: FindingsLayout): string {
  if (groups.length === 0) return '';
  const shared = new Set(sharedFacts(groups));
  const confirmed = groups.filter((g) => !g.generic);
  const other = groups.filter((g) => g.generic);
  const parts: string[] = [];
  const facts = [...shared];
  const tables: string[] = [];
  for (const [list, heading] of [
    [confirmed, ''],
    [other, `**Other** (generic patterns: values that look secret under names that sound secret; check before revoking)`],
  ] as const) {
    if (list.length === 0) continue;
    const { table, uniform } = groupsTable(list, layout);
    if (heading) tables.push(heading);
    if (uniform.length) tables.push(`All ${list === other ? 'below' : 'rows'}: ${uniform.join(' · ')}.`);
    tables.push(table);
  }
  if (facts.length) parts.push(`All findings: ${facts.join(' · ')}.`);
  const selfSuppressed = groups.flatMap((g) => g.findings).filter((f) => f.suppression && !f.suppression.accepted).length;
  if (selfSuppressed) parts.push(`**${selfSuppressed} finding(s) carry an inline suppression (\`keyward:allow\` or alike) that this pull request added.** A pull request cannot approve its own suppression: it counts once a code owner other than the author approves, or when the base branch's config allows inline suppressions in pull requests. Until then these findings fail the check (details below).`);
  parts.push(...tables);
  parts.push(groups.map((g) => groupDetails(g, layout, shared)).join('\n'));
  return parts.join('\n\n');
}

/** Content the run had to judge but could not read, listed as "not scanned". */
export function renderNotScanned(notices: readonly ScanNotice[], policy: 'fail' | 'warn' | undefined, limit = 30): string {
  const unscanned = notices.filter((n) => n.unscanned);
  if (unscanned.length === 0) return '';
  const effect = policy === 'fail' ? 'they fail this check (`unscanned: fail`)' : 'they do not fail this check (`unscanned: warn`)';
  const lines = unscanned.slice(0, limit).map((n) => `- ${n.path ? mdCode(n.path) : 'the scan'}${n.commit ? ` at ${mdCode(n.commit.slice(0, 7))}` : ''}: ${mdText(n.message)}`);
  if (unscanned.length > limit) lines.push(`- …and ${unscanned.length - limit} more (SARIF)`);
  return [`**⚠️ Not scanned (${unscanned.length})**: Keyward could not read what follows, so it cannot say it holds no secret; ${effect}.`, '', ...lines].join('\n');
}

/** How to accept a false positive: its fingerprint in the baseline on the base branch, never by this pull request. */
export function renderAcceptPath(findings: readonly Finding[], baselinePath: string | undefined, limit = 40): string {
  if (findings.length === 0) return '';
  const file = baselinePath ? mdCode(baselinePath) : 'a baseline file (set the `baseline` input)';
  const lines = findings.slice(0, limit).map((f) => `${f.fingerprint}  # ${plainLine(`${f.ruleId} ${f.path}:${f.line}`)}`);
  if (findings.length > limit) lines.push(`# …and ${findings.length - limit} more: take them from the SARIF or JSON report`);
  const body = [
    `Add the finding's line to ${file} **on the base branch**, in a separate pull request that someone else approves. Keyward reads the baseline (and its config) from the base commit, so a pull request cannot accept its own findings.`,
    '',
    mdCodeBlock(lines.join('\n'), 'text'),
  ].join('\n');
  return mdDetails('Not a secret? How to accept a finding', body);
}
