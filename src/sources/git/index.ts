import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanNotice } from '../../engine/finding.js';
import { scanIntroducedBlobs } from './history.js';
import { COMMIT_FORMAT, LOG_PATCH_ARGS, PATCH_ARGS, PatchScanner } from './patch.js';
import { git, gitLines, gitText, objectExists } from './run.js';
import type { GitScanOptions, GitSourceResult } from './types.js';

export type { GitProgress, GitScanOptions, GitSourceResult, GitWorkerOptions } from './types.js';
export { serveGitWorkerIfAsked } from './worker.js';
export { createGitProgressReporter, type GitProgressReporter } from './progress.js';
const ZERO = /^0+$/;

async function shallowNotice(repoDir: string): Promise<{ notice?: ScanNotice; boundary?: string[] }> {
  if ((await gitText(repoDir, ['rev-parse', '--is-shallow-repository'])) !== 'true') return {};
  const gitDir = await gitText(repoDir, ['rev-parse', '--absolute-git-dir']);
  let boundary: string[] = [];
  try {
    boundary = readFileSync(join(gitDir, 'shallow'), 'utf8').split('\n').filter(Boolean);
  } catch {
    boundary = [];
  }
  return {
    boundary,
    notice: { kind: 'shallow', message: `shallow clone: history stops at ${boundary.length} boundary commit(s) (${boundary.map((s) => s.slice(0, 12)).join(', ')}); commits beyond them were not scanned (fetch with --unshallow or fetch-depth: 0 for all)` },
  };
}

async function scanPatchStream(options: GitScanOptions, args: string[], extraNotices: ScanNotice[] = []): Promise<GitSourceResult> {
  const started = performance.now();
  const patches = new PatchScanner(options.scanner, options.maxBlobSize);
  let reported = -1;
  for await (const line of gitLines(options.repoDir, args)) {
    patches.line(line);
    if (options.onProgress && patches.files !== reported) {
      reported = patches.files;
      options.onProgress({ commitsDone: patches.commits, blobsDone: patches.files, bytesDone: patches.bytes });
    }
  }
  patches.finish();
  const shallow = await shallowNotice(options.repoDir);
  const notices = [...extraNotices, ...patches.notices];
  if (shallow.notice) notices.push(shallow.notice);
  return {
    findings: patches.findings,
    notices,
    stats: { commits: patches.commits, blobs: patches.files, bytes: patches.bytes, durationMs: performance.now() - started, ...(shallow.boundary ? { shallow: { boundaryCommits: shallow.boundary } } : {}) },
  };
}

/** PR mode: the lines added by the commits on `head` that are not on `base`, each attributed to its commit. */
export async function scanDiff(options: GitScanOptions & { base: string; head: string }): Promise<GitSourceResult> {
  for (const rev of [options.base, options.head]) {
    if (!(await objectExists(options.repoDir, rev))) throw new Error(`git: ${rev} is not a commit in ${options.repoDir} (for a shallow checkout, fetch the PR base first)`);
  }
  return scanPatchStream(options, ['log', '--topo-order', '--reverse', COMMIT_FORMAT, ...LOG_PATCH_ARGS, options.head, '--not', options.base, '--']);
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
  return scanPatchStream(options, ['log', '--topo-order', '--reverse', COMMIT_FORMAT, ...LOG_PATCH_ARGS, options.after, ...(exclude.length ? ['--not', ...exclude] : []), '--'], notices);
}

/** Staged changes, for a pre-commit hook: added lines of `git diff --cached`, no commit yet. */
export async function scanStaged(options: GitScanOptions): Promise<GitSourceResult> {
  return scanPatchStream(options, ['diff', '--cached', ...PATCH_ARGS]);
}

/**
 * Whole history: every commit reachable from all refs (or from `branch`, or since `since`). Each unique blob is read
 * once through long-lived `git cat-file --batch` processes and scanned once; findings name the commit and path that
 * introduced them.
 */
export async function scanHistory(options: GitScanOptions & { since?: string; branch?: string; allRefs?: boolean }): Promise<GitSourceResult> {
  const started = performance.now();
  const notices: ScanNotice[] = [];
  const revisions = options.branch && !options.allRefs ? [options.branch] : ['--all'];
  if (options.since) revisions.push('--not', options.since);
  const scanned = await scanIntroducedBlobs(options, revisions, notices, (commitsTotal, blobsDone, bytesDone) =>
    options.onProgress?.({ commitsDone: commitsTotal, commitsTotal, blobsDone, bytesDone }),
  );
  const shallow = await shallowNotice(options.repoDir);
  if (shallow.notice) notices.push(shallow.notice);
  return {
    findings: scanned.findings,
    notices,
    stats: { commits: scanned.commitCount, blobs: scanned.blobs, bytes: scanned.bytes, durationMs: performance.now() - started, ...(shallow.boundary ? { shallow: { boundaryCommits: shallow.boundary } } : {}) },
  };
}

export { git };
export { deepenToMergeBase } from './deepen.js';
