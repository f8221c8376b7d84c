import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import { scanBlobJobs, type BlobJob, type BlobOutcome } from './blobs.js';
import { CatFile } from './catfile.js';
import { COMMIT_FORMAT, LOG_PATCH_ARGS, parseCommitHeader, type PatchScanner } from './patch.js';
import { gitLines, gitText, unquotePath } from './run.js';
import { commitsOldestFirst, MAX_RESTARTS, walkResuming } from './resume.js';
import type { GitScanOptions } from './types.js';
import { scanBlobJobsOnWorkers, workersUsable } from './worker.js';
import { chooseHistoryStrategy, type HistoryStrategy, type StrategyChoice } from './strategy.js';

export interface Introductions {
  /** Unique blobs in the order they first appear, oldest commit first. */
  jobs: BlobJob[];
  /** For each job, the commit that introduced the blob (at `job.path`). */
  commits: CommitRef[];
  commitCount: number;
  /** A blob already introduced that shows up at another path (a rename or copy): its findings are reported there too. */
  copies: { index: number; path: string; commit: CommitRef }[];
}

const MAX_LISTED = 20;
/** Blobs over the cap reported one by one before the rest are summed up in one notice. */
const MAX_FILE_NOTICES = 200;

/**
 * Where each blob first appeared: `git log --raw` oldest first lists, per commit, the new blob of every changed path;
 * the first (commit, path) a blob shows up at introduced it. Merges are diffed against their first parent, so a blob
 * made by a conflict resolution is introduced by the merge. A commit git cannot read (a missing tree) is skipped with
 * a notice and the walk goes on after it (see walkResuming).
 */
export async function blobIntroductions(repoDir: string, revisions: string[], notices: ScanNotice[], ignored: (path: string) => boolean): Promise<Introductions> {
  const seen = new Map<string, number>();
  const intro: Introductions = { jobs: [], commits: [], commitCount: 0, copies: [] };
  let commit: CommitRef | undefined;
  let submodules = 0;
  const onLine = (line: Buffer) => {
    if (line[0] === 0x01) {
      commit = parseCommitHeader(line);
      intro.commitCount += 1;
      return;
    }
    if (line[0] !== 0x3a /* : */ || !commit) return;
    const change = parseRawLine(line);
    if (!change) return;
    if (change.mode === '160000') {
      submodules += 1;
      return;
    }
    // Marked seen only once at a scanned path: a blob first added under an ignored path and then renamed or copied
    // into a scanned one is scanned there.
    if (change.mode === '120000' || ignored(change.path)) return; // a symlink's blob is its target path
    const known = seen.get(change.sha);
    if (known !== undefined) {
      if (intro.jobs[known]!.path !== change.path) intro.copies.push({ index: known, path: change.path, commit });
      return;
    }
    seen.set(change.sha, intro.jobs.length);
    intro.jobs.push({ index: intro.jobs.length, sha: change.sha, path: change.path });
    intro.commits.push(commit);
  };
  let commits: string[];
  try {
    commits = await commitsOldestFirst(repoDir, revisions);
  } catch (error) {
    notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk could not list the commits (${firstLine(error)}); nothing was scanned` });
    return intro;
  }
  const lost: string[] = [];
  const unreached = await walkResuming({
    repoDir,
    commits,
    logArgs: ['--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--no-color', COMMIT_FORMAT],
    culprit: 'next',
    onRecord: onLine,
    onLost: (index, error) => {
      lost.push(commits[index]!);
      if (lost.length === 1) lost.push(error);
    },
  });
  if (lost.length > 0) {
    const [first, error, ...rest] = lost;
    const shas = [first!, ...rest];
    notices.push({ kind: 'missing-object', unscanned: true, commit: first, message: `${shas.length} commit(s) could not be read and were not scanned (first ${first!.slice(0, 12)}: ${error}); the walk went on past them and scanned the other ${commits.length - shas.length}` });
  }
  if (unreached > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk stopped after ${MAX_RESTARTS} missing objects; ${unreached} later commit(s) were not scanned` });
  if (submodules > 0) notices.push({ kind: 'submodule', message: `${submodules} submodule change(s) skipped: a submodule is a separate repository; scan it on its own` });
  return intro;
}

/** One `git log --raw` change line, `:100644 100644 <old> <new> M\t<path>`; undefined for a deletion or an odd line. */
function parseRawLine(line: Buffer): { mode: string; sha: string; path: string } | undefined {
  const tab = line.indexOf(9);
  if (tab === -1) return undefined;
  const [, mode, , sha, status] = line.subarray(1, tab).toString('latin1').split(' ');
  if (!mode || !sha || status === 'D' || /^0+$/.test(sha)) return undefined;
  return { mode, sha, path: unquotePath(line.subarray(tab + 1)) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

export async function isPartialClone(repoDir: string): Promise<boolean> {
  const promisor = await gitText(repoDir, ['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$']).catch(() => '');
  return promisor !== '';
}

/** In a partial clone, the blobs it never fetched; listed up front so that no read triggers a fetch per blob. */
async function missingInPartialClone(repoDir: string, revisions: string[]): Promise<Set<string>> {
  const missing = new Set<string>();
  if (!(await isPartialClone(repoDir))) return missing;
  for await (const line of gitLines(repoDir, ['rev-list', '--objects', '--missing=print', '--no-object-names', ...revisions, '--'])) {
    if (line[0] === 0x3f /* ? */) missing.add(line.subarray(1).toString('latin1'));
  }
  return missing;
}

export interface BlobScanTotals {
  findings: Finding[];
  blobs: number;
  bytes: number;
}

/**
 * Reads every introduced blob once and scans it, on worker threads when the caller gave a usable worker entry and in
 * this thread otherwise; findings go to the commit and path that introduced their blob, and the same secret at the
 * same path is reported once, at its oldest commit (a later edit of the file does not re-introduce it).
 */
export async function scanIntroducedBlobs(options: GitScanOptions, revisions: string[], notices: ScanNotice[], progress: (commitsTotal: number, blobsDone: number, bytesDone: number) => void): Promise<BlobScanTotals & { commitCount: number }> {
  const { repoDir, scanner } = options;
  const maxBlobSize = options.maxBlobSize ?? 25 * 1024 * 1024;
  const intro = await blobIntroductions(repoDir, revisions, notices, (path) => scanner.isPathIgnored(path));
  const absent = await missingInPartialClone(repoDir, revisions).catch(() => new Set<string>());
  const jobs = absent.size ? intro.jobs.filter((job) => !absent.has(job.sha)) : intro.jobs;

  const outcomes: (BlobOutcome | undefined)[] = new Array(intro.jobs.length);
  let blobsDone = 0;
  let bytesDone = 0;
  const done = (outcome: BlobOutcome) => {
    outcomes[outcome.index] = outcome;
    blobsDone += 1;
    bytesDone += outcome.size;
    progress(intro.commitCount, blobsDone, bytesDone);
  };
  if (workersUsable(options.workers) && jobs.length > 64) {
    await scanBlobJobsOnWorkers(options.workers, repoDir, maxBlobSize, jobs, done);
  } else {
    const catFile = new CatFile(repoDir);
    try {
      await scanBlobJobs(catFile, scanner, jobs, maxBlobSize, done);
    } finally {
      catFile.close();
    }
  }

  const findings: Finding[] = [];
  const reported = new Set<string>();
  let missing = absent.size ? intro.jobs.length - jobs.length : 0;
  let lfs = 0;
  let binary = 0;
  const tooLarge: string[] = [];
  let bytes = 0;
  for (let i = 0; i < intro.jobs.length; i++) {
    const outcome = outcomes[i];
    if (!outcome) continue;
    const job = intro.jobs[i]!;
    const commit = intro.commits[i]!;
    bytes += outcome.size;
    if (outcome.status === 'missing') missing += 1;
    else if (outcome.status === 'lfs-pointer') lfs += 1;
    else if (outcome.status === 'binary') binary += 1;
    else if (outcome.status === 'too-large') {
      const where = `${job.path} at ${commit.sha.slice(0, 12)} (${outcome.size} bytes)`;
      // Each with its path and commit, as reports list what was not scanned; past MAX_FILE_NOTICES, summed up below.
      if (tooLarge.length < MAX_FILE_NOTICES) notices.push({ kind: 'too-large', path: job.path, commit: commit.sha, unscanned: true, message: `${where}: over the ${maxBlobSize}-byte limit; not scanned` });
      tooLarge.push(where);
    }
    if (outcome.status !== 'too-large') for (const notice of outcome.notices) notices.push({ ...notice, commit: commit.sha });
    for (const finding of outcome.findings) {
      const key = `${finding.fingerprint}\0${job.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({ ...finding, commit });
    }
  }
  for (const copy of intro.copies) {
    for (const finding of outcomes[copy.index]?.findings ?? []) {
      const key = `${finding.fingerprint}\0${copy.path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({ ...finding, path: copy.path, commit: copy.commit });
    }
  }
  if (missing > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `${missing} blob(s) missing from the object store (partial clone or damaged repository) were not scanned; the other ${intro.jobs.length - missing} were` });
  if (lfs > 0) notices.push({ kind: 'lfs-pointer', message: `${lfs} Git LFS pointer(s) not scanned: their content lives in LFS storage, not in git` });
  if (binary > 0) notices.push({ kind: 'binary', message: `${binary} binary blob(s) scanned for provider key formats only` });
  if (tooLarge.length > MAX_FILE_NOTICES) {
    const listed = tooLarge.slice(0, MAX_LISTED).join(', ') + (tooLarge.length > MAX_LISTED ? `, and ${tooLarge.length - MAX_LISTED} more` : '');
    notices.push({ kind: 'too-large', unscanned: true, message: `${tooLarge.length} blob(s) over the ${maxBlobSize}-byte limit not scanned: ${listed}` });
  }
  return { findings, blobs: intro.jobs.length, bytes, commitCount: intro.commitCount };
}

/**
 * The patch strategy over a whole history: `git log -p` of every commit, oldest first, each line handed to `patches`.
 * A commit git cannot diff (a blob missing from a damaged mirror) is read file by file instead: the blobs that are
 * there are scanned whole, the missing ones are reported as not scanned, and the stream goes on with the next commit,
 * keeping everything it already scanned.
 */
export async function streamHistoryPatches(options: GitScanOptions, revisions: string[], patches: PatchScanner, notices: ScanNotice[], onRecord?: () => void): Promise<void> {
  const maxBlobSize = options.maxBlobSize ?? 25 * 1024 * 1024;
  const commits = await commitsOldestFirst(options.repoDir, revisions);
  const stops: { sha: string; error: string }[] = [];
  const missing: string[] = [];
  const unreached = await walkResuming({
    repoDir: options.repoDir,
    commits,
    logArgs: [COMMIT_FORMAT, ...LOG_PATCH_ARGS],
    culprit: 'last-shown',
    // A hunk line is its text plus a few prefix columns; anything longer is over the cap and is only counted.
    maxRecord: maxBlobSize + 64,
    onRecord: (data, length) => {
      patches.line(data, length);
      onRecord?.();
    },
    onLost: async (index, error) => {
      patches.cut();
      stops.push({ sha: commits[index]!, error });
      missing.push(...(await scanCommitWhole(options, commits[index]!, patches, notices)));
    },
  });
  if (stops.length > 0) {
    const listed = missing.slice(0, MAX_LISTED).join(', ') + (missing.length > MAX_LISTED ? `, and ${missing.length - MAX_LISTED} more` : '');
    notices.push({
      kind: 'missing-object',
      ...(missing.length > 0 ? { unscanned: true } : {}),
      message: `git log -p stopped ${stops.length} time(s) at a missing object (first in ${stops[0]!.sha.slice(0, 12)}: ${stops[0]!.error}); each such commit's files were read one by one and the walk went on${missing.length > 0 ? `: ${missing.length} missing blob(s) not scanned: ${listed}` : ''}`,
    });
  }
  if (unreached > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk stopped after ${MAX_RESTARTS} missing objects; ${unreached} later commit(s) were not scanned` });
}

/** Scans the blobs one commit changed, whole, into `patches`; returns where each missing one was (path at commit). */
async function scanCommitWhole(options: GitScanOptions, sha: string, patches: PatchScanner, notices: ScanNotice[]): Promise<string[]> {
  const { repoDir, scanner } = options;
  const maxBlobSize = options.maxBlobSize ?? 25 * 1024 * 1024;
  const intro = await blobIntroductions(repoDir, ['--no-walk', sha], notices, (path) => scanner.isPathIgnored(path));
  // In a partial clone a read of a blob it never had would try to fetch it (git before 2.44 has no GIT_NO_LAZY_FETCH).
  const absent = await missingInPartialClone(repoDir, ['--no-walk', sha]).catch(() => new Set<string>());
  const outcomes: BlobOutcome[] = intro.jobs.filter((job) => absent.has(job.sha)).map((job) => ({ index: job.index, status: 'missing', size: 0, findings: [], notices: [] }));
  const catFile = new CatFile(repoDir);
  try {
    await scanBlobJobs(catFile, scanner, intro.jobs.filter((job) => !absent.has(job.sha)), maxBlobSize, (outcome) => outcomes.push(outcome));
  } finally {
    catFile.close();
  }
  const missing: string[] = [];
  for (const outcome of outcomes) {
    const job = intro.jobs[outcome.index]!;
    const commit = intro.commits[outcome.index]!;
    const where = `${job.path} at ${commit.sha.slice(0, 12)}`;
    if (outcome.status === 'missing') missing.push(where);
    else if (outcome.status === 'too-large') notices.push({ kind: 'too-large', path: job.path, commit: commit.sha, unscanned: true, message: `${where} (${outcome.size} bytes): over the ${maxBlobSize}-byte limit; not scanned` });
    else for (const notice of outcome.notices) notices.push({ ...notice, commit: commit.sha });
    patches.addScanned(commit, outcome.findings, outcome.size);
  }
  for (const copy of intro.copies) patches.addScanned(copy.commit, (outcomes.find((o) => o.index === copy.index)?.findings ?? []).map((finding) => ({ ...finding, path: copy.path })), 0);
  return missing;
}

/** The strategy asked for, else blobs for a partial clone (its missing blobs are known up front), else by probe. */
export async function pickHistoryStrategy(options: GitScanOptions & { strategy?: HistoryStrategy }, revisions: string[]): Promise<StrategyChoice> {
  if (options.strategy) return { strategy: options.strategy, reason: 'asked for' };
  if (await isPartialClone(options.repoDir)) return { strategy: 'blobs', reason: 'a partial clone' };
  const commits = await commitsOldestFirst(options.repoDir, revisions).catch(() => undefined);
  if (!commits) return { strategy: 'blobs', reason: 'the commits could not be listed' };
  return chooseHistoryStrategy(options.repoDir, commits, options.scanner, workersUsable(options.workers));
}
