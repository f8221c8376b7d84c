import * as core from '@actions/core';
import { info } from './log.js';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { FindingStateSources } from '../report/findings-view.js';
import type { Annotation } from '../report/annotations.js';
import type { Verdict, VerdictPolicy } from '../report/severity.js';
import {
  CHECK_NAME,
  GitHubApiError,
  createGitHubClient,
  publishCheckRun,
  renderPrComment,
  renderResolvedComment,
  syncPrComment,
  type CommentContext,
  type GitHubClient,
} from '../report/github/index.js';
import type { PullRequestInfo } from './events.js';

export interface RepoContext {
  owner: string;
  repo: string;
  serverUrl: string;
  apiUrl: string;
  runUrl?: string;
}

export function readRepoContext(env: NodeJS.ProcessEnv): RepoContext | undefined {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) return undefined;
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    owner,
    repo,
    serverUrl,
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
  };
}

const log = { info: (m: string) => info(m), warning: (m: string) => core.warning(m) };

export function githubClient(token: string, context: RepoContext, env: NodeJS.ProcessEnv): GitHubClient {
  // Loopback tests shrink the back-off; on a runner the plugins' defaults apply.
  const retryBaseMs = env.KEYWARD_GITHUB_RETRY_BASE_MS ? Number(env.KEYWARD_GITHUB_RETRY_BASE_MS) : undefined;
  return createGitHubClient({ token, baseUrl: context.apiUrl, log, retryBaseMs, spaceWrites: retryBaseMs === undefined || retryBaseMs >= 1000 });
}

export function forkAdvice(pr: PullRequestInfo): string {
  return [
    `Pull request #${pr.number}${pr.fromFork ? ' comes from a fork, so' : ': '} the workflow token cannot write comments; the comment was skipped (annotations, job summary and SARIF are unaffected).`,
    'To comment on pull requests from forks, run Keyward in a workflow on `pull_request_target` with `permissions: { contents: read, pull-requests: write }`,',
    'check out the PR head only as data (`ref: ${{ github.event.pull_request.head.sha }}`, `persist-credentials: false`) and run no other step in that job:',
    'never build, test or run scripts from the fork with a write token or secrets. Keyward only reads the files.',
  ].join(' ');
}

/** What the PR comment shows besides the findings and the verdict. */
export interface CommentExtras {
  sections: string[];
  notices: readonly ScanNotice[];
  states: FindingStateSources;
  baselinePath?: string;
  /** The GitHub App's slug when the token is an app installation's: its comments are `<slug>[bot]`'s. */
  appSlug?: string;
}

/** Posts, updates or resolves the one PR comment. API failures are reported and survived; they never change the verdict. */
export async function publishComment(client: GitHubClient, context: RepoContext, pr: PullRequestInfo, findings: readonly Finding[], verdict: Verdict, policy: VerdictPolicy, headSha: string, extras: CommentExtras): Promise<string | undefined> {
  const commentContext: CommentContext = { serverUrl: context.serverUrl, repository: `${context.owner}/${context.repo}`, headSha, runUrl: context.runUrl, author: pr.author, baselinePath: extras.baselinePath };
  const open = findings.filter((f) => !f.baseline);
  const sections = extras.sections;
  const worthSaying = open.length > 0 || verdict.unscanned.length > 0 || sections.some((s) => s.trim() !== '');
  const render = (previousBody: string | undefined) => renderPrComment({ findings, verdict, policy, context: commentContext, sections, notices: extras.notices, states: extras.states, previousBody });
  try {
    const outcome = await syncPrComment(client, { owner: context.owner, repo: context.repo, number: pr.number }, worthSaying ? { body: render } : { resolvedBody: renderResolvedComment(commentContext) }, log, { appSlug: extras.appSlug });
    if (outcome.action === 'none') info(`Nothing to report on pull request #${pr.number}; no comment needed.`);
    else info(`PR comment ${outcome.action}: ${outcome.url ?? `#${outcome.id}`}`);
    return undefined;
  } catch (error) {
    if (error instanceof GitHubApiError && error.permissionDenied) {
      core.warning(error.message);
      const advice = forkAdvice(pr);
      info(advice);
      return advice;
    }
    const message = `Could not update the PR comment: ${error instanceof Error ? error.message : String(error)}`;
    core.warning(message);
    return message;
  }
}

/** The check run's title: short, as GitHub shows it in the checks list. */
export function checkTitle(verdict: Verdict, findings: number): string {
  const noun = (n: number) => `${n} secret${n === 1 ? '' : 's'}`;
  if (verdict.pass) return findings ? `${noun(findings)}, none blocking` : 'No secrets';
  if (verdict.blocking.length) return `${noun(verdict.blocking.length)} block this change`;
  return verdict.unscanned.length ? 'Blocked: content not scanned' : 'Blocked by the workflow audit';
}

/** The `Keyward` check run with every annotation (the runner shows only a few workflow-command annotations). */
export async function publishCheck(client: GitHubClient, context: RepoContext, headSha: string, annotations: readonly Annotation[], verdict: Verdict, summary: string, findings: number): Promise<string | undefined> {
  try {
    const run = await publishCheckRun(client, {
      owner: context.owner,
      repo: context.repo,
      headSha,
      conclusion: verdict.pass ? 'success' : 'failure',
      title: checkTitle(verdict, findings),
      summary,
      annotations,
      detailsUrl: context.runUrl,
    });
    info(`All ${annotations.length} annotations are on the "${CHECK_NAME}" check run (${run.requests} request(s) of up to 50): ${run.url ?? `#${run.id}`}`);
    return undefined;
  } catch (error) {
    const message = `Could not create the ${CHECK_NAME} check run: ${error instanceof Error ? error.message : String(error)}. All findings are in the job summary and the SARIF report.`;
    core.warning(message);
    return message;
  }
}
