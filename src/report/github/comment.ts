import type { Finding } from '../../engine/finding.js';
import type { Severity } from '../../rules/types.js';
import { countBySeverity, sortFindings, type Verdict, type VerdictPolicy } from '../severity.js';

/** Hidden marker that identifies Keyward's one comment on a pull request, so each run edits it instead of adding one. */
export const PR_COMMENT_MARKER = '<!-- keyward:pr-comment -->';

/** GitHub rejects comment bodies over 65,536 characters; keep room for the footer. */
const MAX_BODY = 60_000;

/** Where the short-lived replacement comes from, per provider: Keyward's OIDC swap inputs or the registry's own OIDC. */
const OIDC_REPLACEMENT: Record<string, string> = {
  AWS: 'the OIDC swap (`aws-role-arn` input) instead of a stored key',
  'Google Cloud': 'the OIDC swap (`gcp-workload-identity-provider` input) instead of a key file',
  Azure: 'the OIDC swap (`azure-client-id` + `azure-tenant-id` inputs) instead of a client secret',
  'HashiCorp Vault': 'the OIDC swap (`vault-url` + `vault-role` inputs) instead of a stored token',
  npm: 'npm trusted publishing (OIDC) instead of a stored token',
  PyPI: 'PyPI trusted publishing (OIDC) instead of a stored token',
  'crates.io': 'crates.io trusted publishing (OIDC) instead of a stored token',
};

export interface CommentContext {
  /** e.g. https://github.com */
  serverUrl: string;
  /** owner/repo */
  repository: string;
  /** The PR head, used for links when a finding carries no commit. */
  headSha: string;
  /** Link to the workflow run, for the full report. */
  runUrl?: string;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

/** `{server}/{owner}/{repo}/blob/{sha}/{path}#L{line}`, each path segment URL-encoded. */
export function blobUrl(serverUrl: string, repository: string, sha: string, path: string, line: number): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}/blob/${sha}/${path.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

export function ownerText(finding: Finding): string {
  if (finding.owners?.length) return finding.owners.map((o) => (o.source === 'commit-author' ? `${o.handle} (author)` : o.handle)).join(', ');
  if (finding.commit) return `${finding.commit.author} (author of ${finding.commit.sha.slice(0, 7)})`;
  return 'unknown';
}

export function expiryText(finding: Finding): string {
  if (finding.expiry) return finding.expiry.summary;
  if (finding.expiresAt) return `expires ${finding.expiresAt.slice(0, 10)}`;
  return 'unknown';
}

export function whatToDo(finding: Finding): string {
  const revoke = finding.revokeUrl ? `Revoke it at [${finding.provider}](${finding.revokeUrl})` : `Revoke it at ${finding.provider}`;
  const replacement = OIDC_REPLACEMENT[finding.provider];
  if (replacement) return `${revoke}, then use ${replacement}.`;
  return `${revoke}, then ${finding.longLived ? 'keep the replacement in an encrypted secret, never in code' : 'remove it from the code'}.`;
}

function row(finding: Finding, context: CommentContext): string {
  const sha = finding.commit?.sha ?? context.headSha;
  const place = `[${cell(`${finding.path}:${finding.line}`)}](${blobUrl(context.serverUrl, context.repository, sha, finding.path, finding.line)})`;
  const commit = finding.commit ? ` in ${finding.commit.sha.slice(0, 7)}` : '';
  const lifetime = finding.longLived ? '**long-lived**' : 'short-lived';
  const baseline = finding.baseline ? ' (baseline)' : '';
  return `| ${place}${commit} | ${cell(finding.title)} ${code(finding.ruleId)} · ${finding.severity}${baseline} | ${lifetime} | ${code(cell(finding.redacted))} | ${cell(ownerText(finding))} | ${cell(expiryText(finding))} | ${cell(whatToDo(finding))} |`;
}

function countsLine(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return (Object.entries(counts) as [Severity, number][])
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

/**
 * The PR comment: verdict, counts, one row per finding (place linked to the blob at its commit, rule and severity,
 * lifetime, redacted value, owners, expiry, what to do). Only redacted values ever reach it.
 */
export function renderPrComment(options: { findings: readonly Finding[]; verdict: Verdict; policy: VerdictPolicy; context: CommentContext; sections?: string[] }): string {
  const { findings, verdict, policy, context } = options;
  const sections = (options.sections ?? []).filter((s) => s.trim() !== '');
  const longLived = findings.filter((f) => f.longLived).length;
  const head = [
    PR_COMMENT_MARKER,
    `### 🔑 Keyward: ${verdict.pass ? '✅ pass' : '❌ fail'} — ${findings.length} secret(s) in this pull request`,
    '',
    `${countsLine(findings) || 'No secrets'}; ${longLived} long-lived. Checked at ${code(context.headSha.slice(0, 7))}.${verdict.pass ? '' : ` Blocking because ${verdict.reasons.join('; ')} (fail-on: ${policy.failOn}, block-long-lived: ${policy.blockLongLived}).`}`,
    ...(findings.length > 0 ? ['', '| Where | Rule · severity | Lifetime | Value (redacted) | Owner | Expiry | What to do |', '|---|---|---|---|---|---|---|'] : []),
  ].join('\n');
  const extra = sections.map((section) => (section.length > 20_000 ? `${section.slice(0, 20_000)}\n\n…(cut)` : section.trim())).join('\n\n');
  // A blank line ends the table: GitHub would read a following text line as one more row.
  const foot = [
    extra,
    findings.length > 0 ? '**Deleting the line does not make the secret safe**: it stays in the branch history and in forks. Revoke it first, then replace it with a short-lived credential.' : '',
    [context.runUrl ? `Full report (SARIF, job summary): [workflow run](${context.runUrl}).` : '', '<sub>This comment is updated in place on every push and marked resolved when the pull request is clean.</sub>'].filter(Boolean).join('\n'),
  ]
    .filter(Boolean)
    .join('\n\n');
  const rows: string[] = [];
  let length = head.length + foot.length + 200;
  const sorted = sortFindings(findings);
  for (const finding of sorted) {
    const line = row(finding, context);
    if (length + line.length + 1 > MAX_BODY) break;
    rows.push(line);
    length += line.length + 1;
  }
  const omitted = sorted.length - rows.length;
  const more = omitted > 0 ? `\n\n…and ${omitted} more finding(s), not shown here: see the job summary or the SARIF report.` : '';
  return `${head}\n${rows.join('\n')}${more}\n\n${foot}\n`;
}

/** What the comment becomes once the pull request is clean again. */
export function renderResolvedComment(context: CommentContext): string {
  return [
    PR_COMMENT_MARKER,
    `### 🔑 Keyward: ✅ resolved`,
    '',
    `No secrets in this pull request as of ${code(context.headSha.slice(0, 7))}. If a secret was pushed earlier, it is still in the history of the branch: make sure it was revoked.`,
    context.runUrl ? `\n[Workflow run](${context.runUrl})` : '',
  ].join('\n') + '\n';
}
