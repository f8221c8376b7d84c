import { CODEOWNERS_LOCATIONS, ownersOf, parseCodeowners, type Codeowners } from '../governance/codeowners.js';
import type { Finding, KeywardConfig } from '../engine/index.js';
import type { GitHubClient } from '../report/github/index.js';
import type { Plan } from './events.js';
import type { RepoContext } from './github.js';
import { escapeLogValue } from '../report/log-text.js';
import { info } from './log.js';
import { readRepoFile } from '../sources/safe-fs.js';

export interface SuppressionContext {
  workspace: string;
  base: string;
  head: string;
  /** The base branch's config (loadPolicy reads it from the base commit on pull requests). */
  config: KeywardConfig;
  pullRequest?: { number: number; author?: string };
  github?: { client: GitHubClient; owner: string; repo: string };
}

/** A file's text at a commit, read from git objects with the size cap of policy files; undefined when it is not there. */
function readAtCommit(workspace: string, commit: string, path: string): string | undefined {
  const read = readRepoFile(workspace, path, { at: commit });
  return read.ok ? read.text : undefined;
}

/** The text of line `line` (1-based) of a file at a commit, or undefined. */
function lineAt(workspace: string, commit: string, path: string, line: number): string | undefined {
  return readAtCommit(workspace, commit, path)?.split(/\r?\n/)[line - 1];
}

/** Logins (lower-cased) whose latest review approves the head commit, the PR author excluded. */
async function approvers(ctx: SuppressionContext): Promise<Set<string>> {
  if (!ctx.github || !ctx.pullRequest) return new Set();
  const { client, owner, repo } = ctx.github;
  const reviews = await client.paginate(client.rest.pulls.listReviews, { owner, repo, pull_number: ctx.pullRequest.number, per_page: 100 });
  const latest = new Map<string, { state: string; commit: string | null | undefined }>();
  for (const review of reviews) {
    const login = review.user?.login?.toLowerCase();
    if (!login || review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    latest.set(login, { state: review.state, commit: review.commit_id });
  }
  const author = ctx.pullRequest.author?.toLowerCase();
  return new Set([...latest].filter(([login, r]) => login !== author && r.state === 'APPROVED' && r.commit === ctx.head).map(([login]) => login));
}

/** True when `login` is one of the owners: `@login` itself, or an active member of an `@org/team` owner. */
async function ownedBy(owners: readonly string[], login: string, ctx: SuppressionContext, teams: Map<string, boolean>): Promise<boolean> {
  for (const owner of owners) {
    const handle = owner.toLowerCase();
    if (handle === `@${login}`) return true;
    const team = /^@([^/]+)\/(.+)$/.exec(handle);
    if (!team || !ctx.github) continue;
    const key = `${handle} ${login}`;
    if (!teams.has(key)) {
      try {
        const { data } = await ctx.github.client.rest.teams.getMembershipForUserInOrg({ org: team[1]!, team_slug: team[2]!, username: login });
        teams.set(key, data.state === 'active');
      } catch {
        teams.set(key, false);
      }
    }
    if (teams.get(key)) return true;
  }
  return false;
}

function baseCodeowners(ctx: SuppressionContext): Codeowners | undefined {
  for (const location of CODEOWNERS_LOCATIONS) {
    const text = readAtCommit(ctx.workspace, ctx.base, location);
    if (text !== undefined) return parseCodeowners(text, location);
  }
  return undefined;
}

/**
 * Decides the inline suppressions a pull request's scan reported (scanner option reportInlineSuppressed). A
 * suppression whose line is already on the base branch, in the same file, counts as before. One the PR adds counts
 * only when the base branch's config sets `allowlist.inline-in-pull-requests`, or when a code owner of the file (by
 * the base commit's CODEOWNERS) other than the PR's author approved the head commit. Accepted ones are dropped, as
 * honoured suppressions always were; the rest stay findings, failing as any finding does, with the reason.
 */
export async function judgeInlineSuppressions(findings: Finding[], ctx: SuppressionContext): Promise<Finding[]> {
  const suppressed = findings.filter((f) => f.suppression);
  if (suppressed.length === 0) return findings;
  const baseLines = new Map<string, Set<string>>();
  const onBase = (f: Finding) => {
    const line = lineAt(ctx.workspace, f.commit?.sha ?? ctx.head, f.path, f.line);
    if (line === undefined) return false;
    if (!baseLines.has(f.path)) baseLines.set(f.path, new Set(readAtCommit(ctx.workspace, ctx.base, f.path)?.split(/\r?\n/) ?? []));
    return baseLines.get(f.path)!.has(line);
  };
  let approved: Set<string> | undefined;
  let codeowners: Codeowners | undefined | null;
  const teams = new Map<string, boolean>();
  const kept: Finding[] = [];
  for (const finding of findings) {
    if (!finding.suppression || onBase(finding) || ctx.config.allowlist.inlineInPullRequests) {
      if (!finding.suppression) kept.push(finding);
      continue;
    }
    codeowners ??= baseCodeowners(ctx) ?? null;
    const owners = codeowners ? ownersOf(codeowners, finding.path).owners : [];
    try {
      approved ??= await approvers(ctx);
    } catch (error) {
      info(`Could not list the pull request's reviews (${escapeLogValue(error instanceof Error ? error.message : String(error))}); inline suppressions it adds do not count.`);
      approved = new Set();
    }
    let approver: string | undefined;
    for (const login of approved) if (await ownedBy(owners, login, ctx, teams)) approver = login;
    if (approver) {
      info(`${escapeLogValue(finding.path)}:${finding.line}: inline suppression added by this pull request, accepted by the approving review of code owner @${escapeLogValue(approver)}.`);
      continue;
    }
    const who = owners.length > 0 ? `a code owner of ${finding.path} (${owners.join(', ')})` : `a code owner of ${finding.path}, and the base branch's CODEOWNERS names none`;
    const reason = `suppressed inline by the PR author; needs an approving review of the head commit by ${who} other than the author, or \`allowlist.inline-in-pull-requests: true\` in the base branch's config`;
    kept.push({ ...finding, suppression: { by: 'inline', accepted: false, reason } });
    info(`${escapeLogValue(finding.path)}:${finding.line}: ${escapeLogValue(reason)}.`);
  }
  return kept;
}

/**
 * judgeInlineSuppressions for a pull request's diff. A merge queue group (a diff with no pull request) has no review to
 * consult; its PRs passed this check with their reviews, so it honours suppressions as push and history scans do.
 */
export async function judgePlanSuppressions(findings: Finding[], plan: Plan, workspace: string, config: KeywardConfig, client: GitHubClient | undefined, repo: RepoContext | undefined): Promise<Finding[]> {
  if (plan.kind !== 'diff') return findings;
  if (!plan.pullRequest) return findings.filter((f) => !f.suppression);
  const github = client && repo ? { client, owner: repo.owner, repo: repo.repo } : undefined;
  return judgeInlineSuppressions(findings, { workspace, base: plan.base, head: plan.head, config, pullRequest: plan.pullRequest, github });
}
