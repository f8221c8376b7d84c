import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanNotice } from '../../engine/finding.js';
import { scanIntroducedBlobs } from './history-blobs.js';
import { streamHistoryPatches } from './history-patches.js';
import { COMMIT_FORMAT, LOG_PATCH_ARGS, PATCH_ARGS, PatchScanner } from './patch.js';
import { scanCommitMessages, type MessageScan } from './messages.js';
import { HistoryListing } from './resume.js';
import { git, gitText, objectExists, readGit } from './run.js';
import { pickHistoryStrategy, type HistoryStrategy } from './strategy.js';
import type { GitScanOptions, GitSourceResult } from './types.js';

export type { GitProgress, GitScanOptions, GitSourceResult, GitWorkerOptions } from './types.js';
export { serveGitWorkerIfAsked } from './worker.js';
export { createGitProgressReporter, type GitProgressReporter } from './progress.js';
export { COMMIT_MESSAGE_PATH } from './messages.js';
const ZERO = /^0+$/;

/** A whole-history patch scan: the commits listed once, and the commit messages already being scanned alongside. */
interface HistoryRun {
  listing: HistoryListing;
  messages: Promise<MessageScan>;
  commitsTotal?: number;
}
const DEFAULT_MAX_BLOB = 25 * 1024 * 1024;

/**
 * For a shallow clone, how deep the scan went. A range scan (diff, push) warns only when it ran into the boundary:
 * then the range's start was not in the clone and commits below the boundary were left out.
 */
async function shallowNotice(repoDir: string, commits: number, scanned?: ReadonlySet<string>): Promise<{ notice?: ScanNotice; boundary?: string[] }> {
  if ((await gitText(repoDir, ['rev-parse', '--is-shallow-repository'])) !== 'true') return {};
  const gitDir = await gitText(repoDir, ['rev-parse', '--absolute-git-dir']);
  let boundary: string[] = [];
  try {
    boundary = readFileSync(join(gitDir, 'shallow'), 'utf8').split('\n').filter(Boolean);
  } catch {
    boundary = [];
  }
  const reached = scanned ? boundary.filter((sha) => scanned.has(sha)) : boundary;
  if (reached.length === 0) return { boundary };
  const listed = reached.slice(0, 5).map((sha) => sha.slice(0, 12)).join(', ') + (reached.length > 5 ? `, and ${reached.length - 5} more` : '');
  return {
    boundary,
    notice: { kind: 'shallow', message: `shallow clone: scanned ${commits} commit(s) down to ${reached.length} boundary commit(s) (${listed}); older history is not in this clone and was not scanned (fetch with --unshallow, or fetch-depth: 0 in actions/checkout)` },
  };
}

/**
 * Scans the patches of `revisions` (a `git log` range) or of `git diff` args, streaming: each line is handed to the
 * PatchScanner as git prints it, and no line is kept past the size cap. With `revisions`, the commit messages of the
 * range are scanned too.
 */
async function scanPatchStream(options: GitScanOptions, source: { revisions: string[] } | { diffArgs: string[] }, extraNotices: ScanNotice[] = [], history?: HistoryRun): Promise<GitSourceResult> {
  const started = performance.now();
  const maxBlobSize = options.maxBlobSize ?? DEFAULT_MAX_BLOB;
  const patches = new PatchScanner(options.scanner, maxBlobSize);
  const args = 'revisions' in source ? ['log', '--topo-order', '--reverse', COMMIT_FORMAT, ...LOG_PATCH_ARGS, ...source.revisions, '--'] : source.diffArgs;
  const commitsTotal = history?.commitsTotal;
  let reported = -1;
  const progress = () => {
    if (options.onProgress && patches.files !== reported) {
      reported = patches.files;
      options.onProgress({ commitsDone: patches.commits, commitsTotal, blobsDone: patches.files, bytesDone: patches.bytes });
    }
  };
  const streamNotices: ScanNotice[] = [];
  // A whole history goes on past a missing object; a range scan (PR, push) fails closed instead.
  if (history) await streamHistoryPatches(options, history.listing, patches, streamNotices, progress);
  else {
    // A hunk line is its text plus a few prefix columns; anything longer is over the cap and is only counted.
    await readGit(options.repoDir, args, { maxRecord: maxBlobSize + 64 }, (data, length) => {
      patches.line(data, length);
      progress();
    });
  }
  patches.finish();
  const messages = history ? await history.messages : 'revisions' in source ? await scanCommitMessages(options.repoDir, options.scanner, source.revisions, maxBlobSize) : undefined;
  const shallow = await shallowNotice(options.repoDir, patches.commits, history ? undefined : patches.commitShas);
  const notices = [...extraNotices, ...patches.notices, ...streamNotices, ...(messages?.notices ?? [])];
  if (shallow.notice) notices.push(shallow.notice);
  return {
    findings: [...patches.findings, ...(messages?.findings ?? [])],
    notices,
    stats: { commits: patches.commits, blobs: patches.files, bytes: patches.bytes + (messages?.bytes ?? 0), durationMs: performance.now() - started, ...(shallow.boundary ? { shallow: { boundaryCommits: shallow.boundary } } : {}) },
  };
}

/** PR mode: the lines added by the commits on `head` that are not on `base`, each attributed to its commit. */
export async function scanDiff(options: GitScanOptions & { base: string; head: string }): Promise<GitSourceResult> {
  for (const rev of [options.base, options.head]) {
    if (!(await objectExists(options.repoDir, rev))) throw new Error(`git: ${rev} is not a commit in ${options.repoDir} (for a shallow checkout, fetch the PR base first)`);
  }
  return scanPatchStream(options, { revisions: [options.head, '--not', options.base] });
}

/**
 * `git diff BASE..HEAD`'s meaning: the lines HEAD's tree has that BASE's does not, whatever commits lie between (no
 * commit attribution). Unlike `scanDiff` (BASE...HEAD), lines that BASE gained meanwhile are not counted as HEAD's.
 */
export async function scanTreeDiff(options: GitScanOptions & { base: string; head: string }): Promise<GitSourceResult> {
  for (const rev of [options.base, options.head]) {
    if (!(await objectExists(options.repoDir, rev))) throw new Error(`git: ${rev} is not a commit in ${options.repoDir}`);
  }
  return scanPatchStream(options, { diffArgs: ['diff', ...PATCH_ARGS, options.base, options.head, '--'] });
}

/** The commits of a push; `before` missing or all zeros means a new branch: its commits not on any remote branch. */
export async function scanPush(options: GitScanOptions & { before?: string; after: string }): Promise<GitSourceResult> {
  const notices: ScanNotice[] = [];
  let exclude: string[];
  if (options.before && !ZERO.test(options.before) && (await objectExists(options.repoDir, options.before))) {
    exclude = [options.before];
  } else {
    if (options.before && !ZERO.test(options.before)) notices.push({ kind: 'other', message: `push: the previous head ${options.before.slice(0, 12)} is not in this clone (force push or shallow checkout); scanned the commits not on any remote branch instead` });
    const remotes = (await gitText(options.repoDir, ['for-each-ref', '--format=%(refname)', 'refs/remotes'])).split('\n').filter(Boolean);
    exclude = remotes.length > 0 ? ['--remotes'] : [];
  }
  return scanPatchStream(options, { revisions: [options.after, ...(exclude.length ? ['--not', ...exclude] : [])] }, notices);
}

/** Staged changes, for a pre-commit hook: added lines of `git diff --cached`, no commit yet. */
export async function scanStaged(options: GitScanOptions): Promise<GitSourceResult> {
  return scanPatchStream(options, { diffArgs: ['diff', '--cached', ...PATCH_ARGS] });
}

export type { HistoryStrategy, StrategyChoice } from './strategy.js';
export { describeHistoryStrategy } from './strategy.js';

/**
 * Whole history: every commit reachable from all refs (or from `branch`, or since `since`); see `HistoryStrategy`.
 * A secret is reported once per path, at the oldest commit that added it.
 */
export async function scanHistory(options: GitScanOptions & { since?: string; branch?: string; allRefs?: boolean; strategy?: HistoryStrategy }): Promise<GitSourceResult> {
  const started = performance.now();
  const notices: ScanNotice[] = [];
  const revisions = options.branch && !options.allRefs ? [options.branch] : ['--all'];
  if (options.since) revisions.push('--not', options.since);
  const listing = new HistoryListing(options.repoDir, revisions);
  const choice = await pickHistoryStrategy(options, listing);
  const maxBlobSize = options.maxBlobSize ?? DEFAULT_MAX_BLOB;
  // Commit messages are listed and scanned while the strategy runs: git prints them as this thread scans, rather than
  // after. Handled here so that a failure waits for its await below instead of counting as unhandled.
  const messages = scanCommitMessages(options.repoDir, options.scanner, revisions, maxBlobSize);
  messages.catch(() => {});
  if (choice.strategy === 'patches') {
    const commitsTotal = options.onProgress ? (await listing.commits().catch(() => [])).length || undefined : undefined;
    try {
      const result = await scanPatchStream(options, { revisions }, [], { listing, messages, commitsTotal });
      return { ...result, stats: { ...result.stats, strategy: choice } };
    } catch (error) {
      if (options.strategy === 'patches') throw error;
      // A missing object stops `git log -p`; the blob strategy reads around it.
      notices.push({ kind: 'missing-object', message: `git log -p could not finish (${(error as Error).message.split('\n')[0]}); scanned blob by blob instead` });
    }
  }
  const scanned = await scanIntroducedBlobs(options, listing, notices, (commitsTotal, blobsDone, bytesDone) =>
    options.onProgress?.({ commitsDone: commitsTotal, commitsTotal, blobsDone, bytesDone }),
  );
  const message = await messages;
  notices.push(...message.notices);
  const shallow = await shallowNotice(options.repoDir, scanned.commitCount);
  if (shallow.notice) notices.push(shallow.notice);
  return {
    findings: [...scanned.findings, ...message.findings],
    notices,
    stats: { commits: scanned.commitCount, blobs: scanned.blobs, bytes: scanned.bytes + message.bytes, durationMs: performance.now() - started, strategy: choice, threads: scanned.threads, ...(shallow.boundary ? { shallow: { boundaryCommits: shallow.boundary } } : {}) },
  };
}

export { git };
export { deepenToMergeBase } from './deepen.js';
