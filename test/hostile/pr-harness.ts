import { readFileSync } from 'node:fs';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { ACTION_TOKEN, pullRequestEvent, runAction, type ActionRun, type RunUser } from '../action/harness.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { PullRequestRepo } from './git-fixtures.js';

/**
 * The set-up every hostile pull-request test shares: a real repository with a base commit and the PR's commits
 * (PullRequestRepo), a `pull_request` event for them, and the Action bundle run against the loopback GitHub server.
 */

export interface SarifResult {
  ruleId: string;
  locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
  partialFingerprints: Record<string, string>;
}

export interface PullRequestRun extends ActionRun {
  number: number;
  /** The SARIF file's results (empty when none was written). */
  sarifResults: SarifResult[];
  /** Decoded artifact paths of the SARIF results. */
  sarifPaths: string[];
  /** The body of Keyward's PR comment, if it wrote one. */
  comment?: string;
  /** Everything the job let out: log, outputs, summary, SARIF and every request body the fake API received. */
  published: string[];
}

export interface PullRequestRunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  user?: RunUser;
  /** Another event to deliver than the PR's own `pull_request` one. */
  event?: object;
}

/** One loopback GitHub API for a test file, and PR numbers that never repeat within it. */
export class HostilePullRequests {
  fake!: GitHubFake;
  private next: number;

  constructor(firstNumber: number) {
    this.next = firstNumber;
  }

  async start(): Promise<void> {
    this.fake = await startGitHubServer({ token: ACTION_TOKEN });
  }

  async close(): Promise<void> {
    await this.fake.close();
  }

  /** Runs the bundle on `pr` (base...head) as a pull_request job. */
  async run(pr: PullRequestRepo, options: PullRequestRunOptions = {}): Promise<PullRequestRun> {
    const number = this.next++;
    const event = options.event ?? pullRequestEvent({ number, baseSha: pr.base, headSha: pr.head });
    const run = await runAction({ workspace: pr.repo.dir, event, apiUrl: this.fake.url, inputs: options.inputs, env: options.env, user: options.user });
    const sarifPath = run.outputs['sarif-file'];
    const sarif = sarifPath ? readFileSync(sarifPath, 'utf8') : '';
    const sarifResults: SarifResult[] = sarif ? (JSON.parse(sarif).runs[0].results as SarifResult[]) : [];
    const comment = (this.fake.comments.get(number) ?? []).find((c) => c.body.includes(PR_COMMENT_MARKER))?.body;
    return {
      ...run,
      number,
      sarifResults,
      sarifPaths: sarifResults.filter((r) => r.ruleId !== 'keyward-not-scanned').map((r) => decodeURIComponent(r.locations?.[0]?.physicalLocation.artifactLocation.uri ?? '')),
      comment,
      published: [run.log, run.outputFile, run.summary, sarif, ...this.fake.server.requests.map((r) => r.body)],
    };
  }
}

/** Throws naming where a raw secret appeared in what the job let out. */
export function expectNotPublished(run: PullRequestRun, secrets: readonly string[]): void {
  for (const secret of secrets) {
    const leak = run.published.find((text) => text.includes(secret));
    if (leak !== undefined) throw new Error(`raw secret published in: ${leak.slice(0, 160)}`);
  }
}
