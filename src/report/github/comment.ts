import type { Finding, ScanNotice } from '../../engine/finding.js';
import { renderAcceptPath, renderGroups, renderNotScanned } from '../findings-markdown.js';
import { groupFindings, SEEN_PREFIX, stateCounts, type FindingStateSources } from '../findings-view.js';
import { mdCode, mdDetails } from '../markdown.js';
import { countBySeverity, type Verdict, type VerdictPolicy } from '../severity.js';
import type { Severity } from '../../rules/types.js';

/** Hidden marker that identifies Keyward's one comment on a pull request, so each run edits it instead of adding one. */
export const PR_COMMENT_MARKER = '<!-- keyward:pr-comment -->';

/** GitHub rejects comment bodies over 65,536 characters; keep room for the footer. */
const MAX_BODY = 60_000;

export interface CommentContext {
  /** e.g. https://github.com */
  serverUrl: string;
  /** owner/repo */
  repository: string;
  /** The PR head, used for links when a finding carries no commit. */
  headSha: string;
  /** Link to the workflow run, for the full report. */
  runUrl?: string;
  /** The pull request author's GitHub login, from the event or the API: the one mention Keyward writes. */
  author?: string;
  /** The baseline file the false-positive instructions name. */
  baselinePath?: string;
}

export interface PrCommentOptions {
  /** Every finding, baseline ones included (they are listed apart and do not count as open). */
  findings: readonly Finding[];
  verdict: Verdict;
  policy: VerdictPolicy;
  context: CommentContext;
  sections?: string[];
  notices?: readonly ScanNotice[];
  /** What states are judged against; `previous` is filled from `previousBody` when not given. */
  states?: FindingStateSources;
  /** The comment as the last run left it, for "new since the last push". */
  previousBody?: string;
}

/** `{server}/{owner}/{repo}/blob/{sha}/{path}#L{line}`, each path segment URL-encoded. */
export function blobUrl(serverUrl: string, repository: string, sha: string, path: string, line: number): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

const SEEN = /<!-- keyward:seen v1 ([0-9a-f,]*) -->/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/;

/** The fingerprint prefixes the last run recorded, or undefined when there was no such run. */
export function previousSeen(body: string | undefined): Set<string> | undefined {
  const match = body ? SEEN.exec(body) : null;
  if (!match) return undefined;
  return new Set(match[1]!.split(',').filter((p) => p.length === SEEN_PREFIX));
}

function seenMarker(findings: readonly Finding[]): string {
  return `<!-- keyward:seen v1 ${[...new Set(findings.map((f) => f.fingerprint.slice(0, SEEN_PREFIX)))].join(',')} -->`;
}

/** `@login` for a well-formed GitHub login, else words that mention nobody. */
export function addressAuthor(login: string | undefined): string {
  return login && LOGIN.test(login) ? `@${login}` : 'Author of this pull request';
}

function countsLine(findings: readonly Finding[], extra: string[]): string {
  const counts = countBySeverity(findings);
  const bySeverity = (Object.entries(counts) as [Severity, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`);
  return [...bySeverity, ...extra].join(' · ');
}

function nextStep(open: readonly Finding[], verdict: Verdict, context: CommentContext): string {
  const who = addressAuthor(context.author);
  if (open.length === 0) return verdict.pass ? '' : `**${who}, next step:** see below: ${verdict.reasons.join('; ')}.`;
  if (verdict.pass) return `**${who}:** nothing here blocks the merge under this repository's policy; a committed secret should still be revoked at its provider.`;
  return `**${who}, next step:** revoke each secret at its provider (the Revoke links), move it to an encrypted secret or Keyward's OIDC swap, then push. Deleting the line is not enough: the commits stay in the branch history.`;
}

/** Why it fails, short: how many findings block under which settings, then any other reason (audit, not scanned). */
function blockingWords(verdict: Verdict, policy: VerdictPolicy): string {
  const rule = [`fail-on ${policy.failOn}`, policy.blockLongLived ? 'block-long-lived' : ''].filter(Boolean).join(', ');
  const secrets = verdict.blocking.length ? [`${verdict.blocking.length} block the merge (${rule})`] : [];
  const other = verdict.reasons.filter((r) => !/finding\(s\) at or above|long-lived credential\(s\)/.test(r));
  return [...secrets, ...other].join('; ');
}

function heading(open: readonly Finding[], verdict: Verdict): string {
  const noun = `${open.length} secret${open.length === 1 ? '' : 's'}`;
  return `### 🔑 Keyward: ${verdict.pass ? '✅ pass' : '❌ fail'} · ${open.length ? `${noun} in this pull request` : 'no secrets in this pull request'}`;
}

function firstScreen(open: readonly Finding[], options: PrCommentOptions, groups: ReturnType<typeof groupFindings>): string[] {
  const { verdict, policy, context } = options;
  const counts = stateCounts(groups);
  const extra = [
    counts.active ? `🚨 **${counts.active} verified active**` : '',
    counts.longLived ? `${counts.longLived} long-lived` : '',
    counts.new ? `**${counts.new} new since the last push**` : '',
    counts.historyOnly ? `${counts.historyOnly} only in history` : '',
    verdict.unscanned.length ? `${verdict.unscanned.length} not scanned` : '',
  ].filter(Boolean);
  const why = verdict.pass ? '' : `${blockingWords(verdict, policy)}.`;
  return [heading(open, verdict), '', [countsLine(open, extra), why].filter(Boolean).join('. '), '', nextStep(open, verdict, context)];
}

function body(options: PrCommentOptions, detailsLimit: number): string {
  const { context } = options;
  const open = options.findings.filter((f) => !f.baseline);
  const accepted = options.findings.filter((f) => f.baseline);
  const states = { ...options.states, previous: options.states?.previous ?? previousSeen(options.previousBody) };
  const groups = groupFindings(open, states);
  const link = (f: Finding) => blobUrl(context.serverUrl, context.repository, f.commit?.sha ?? context.headSha, f.path, f.line);
  const layout = { link, detailsLimit };
  const sections = (options.sections ?? []).map((s) => s.trim()).filter(Boolean).map((s) => (s.length > 20_000 ? `${s.slice(0, 20_000)}\n\n…(cut)` : s));
  const parts = [
    `${PR_COMMENT_MARKER}\n${seenMarker(options.findings)}`,
    ...firstScreen(open, options, groups),
    detailsLimit > 0 ? renderGroups(groups, layout) : renderGroups(groups, { ...layout, detailsLimit: 0 }).replace(/<details>[\s\S]*<\/details>/g, '_Details did not fit in one comment: see the job summary._'),
    accepted.length ? mdDetails(`${accepted.length} finding(s) accepted in the baseline (not blocking)`, renderGroups(groupFindings(accepted, states), { link, detailsLimit: Math.min(detailsLimit, 10) })) : '',
    renderNotScanned(options.notices ?? options.verdict.unscanned, options.policy.unscanned),
    renderAcceptPath(open, context.baselinePath),
    ...sections,
    [context.runUrl ? `Full report (job summary, SARIF): [workflow run](${context.runUrl}). ` : '', `<sub>Updated in place on every push; checked at ${mdCode(context.headSha.slice(0, 7))}.</sub>`].join(''),
  ];
  return parts.filter((p) => p !== '').join('\n\n') + '\n';
}

/**
 * The PR comment. First screen: verdict with counts, then the next step for the author. Then one table row per kind
 * of secret (at most five columns, provider-confirmed apart from generic guesses), collapsed details per kind, what
 * was not scanned, how to accept a false positive, and the other sections. Only redacted values ever reach it, and
 * every text the pull request controls goes through the Markdown escaping helpers.
 */
export function renderPrComment(options: PrCommentOptions): string {
  for (const limit of [30, 10, 3]) {
    const text = body(options, limit);
    if (text.length <= MAX_BODY) return text;
  }
  return body(options, 0).slice(0, MAX_BODY);
}

/** What the comment becomes once the pull request is clean again. */
export function renderResolvedComment(context: CommentContext): string {
  return [
    PR_COMMENT_MARKER,
    `### 🔑 Keyward: ✅ resolved`,
    '',
    `No secrets in this pull request as of ${mdCode(context.headSha.slice(0, 7))}. If a secret was pushed earlier, it is still in the history of the branch: make sure it was revoked.`,
    context.runUrl ? `\n[Workflow run](${context.runUrl})` : '',
  ].join('\n') + '\n';
}
