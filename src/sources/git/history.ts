import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import { scanBlobJobs, type BlobJob, type BlobOutcome } from './blobs.js';
import { CatFile } from './catfile.js';
import { COMMIT_FORMAT, parseCommitHeader } from './patch.js';
import { gitLines, gitText, unquotePath } from './run.js';
import type { GitScanOptions } from './types.js';
import { scanBlobJobsOnWorkers, workersUsable } from './worker.js';

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
 * made by a conflict resolution is introduced by the merge. A walk that git cannot finish (a missing tree or commit)
 * keeps what it read, with a notice.
 */
export async function blobIntroductions(repoDir: string, revisions: string[], notices: ScanNotice[], ignored: (path: string) => boolean): Promise<Introductions> {
  const seen = new Map<string, number>();
  const copies: Introductions['copies'] = [];
  const jobs: BlobJob[] = [];
  const commits: CommitRef[] = [];
  let commit: CommitRef | undefined;
  let commitCount = 0;
  let submodules = 0;
  const args = ['log', '--topo-order', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--no-color', COMMIT_FORMAT, ...revisions, '--'];
  try {
    for await (const line of gitLines(repoDir, args)) {
      if (line[0] === 0x01) {
        commit = parseCommitHeader(line);
        commitCount += 1;
        continue;
      }
      if (line[0] !== 0x3a /* : */ || !commit) continue;
      // :100644 100644 <old> <new> M\t<path>
      const tab = line.indexOf(9);
      if (tab === -1) continue;
      const fields = line.subarray(1, tab).toString('latin1').split(' ');
      const mode = fields[1];
      const sha = fields[3];
      const status = fields[4];
      if (!sha || status === 'D' || /^0+$/.test(sha)) continue;
      if (mode === '160000') {
        submodules += 1;
        continue;
      }
      if (mode === '120000') continue; // a symlink's blob is its target path
      const path = unquotePath(line.subarray(tab + 1));
      // Marked seen only once at a scanned path: a blob first added under an ignored path and then renamed or copied
      // into a scanned one is scanned there.
      if (ignored(path)) continue;
      const known = seen.get(sha);
      if (known !== undefined) {
        if (jobs[known]!.path !== path) copies.push({ index: known, path, commit });
        continue;
      }
      seen.set(sha, jobs.length);
      jobs.push({ index: jobs.length, sha, path });
      commits.push(commit);
    }
  } catch (error) {
    notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk stopped early (${(error as Error).message.split('\n')[0]}); ${commitCount} commit(s) read and their blobs scanned` });
  }
  if (submodules > 0) notices.push({ kind: 'submodule', message: `${submodules} submodule change(s) skipped: a submodule is a separate repository; scan it on its own` });
  return { jobs, commits, commitCount, copies };
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
