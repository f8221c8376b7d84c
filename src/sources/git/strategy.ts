import { availableParallelism } from 'node:os';
import type { Scanner } from '../../engine/types.js';
import { scanBlobJobs, type BlobJob } from './blobs.js';
import { defaultWorkerCount } from '../worker-entry.js';
import { COMMIT_FORMAT, LOG_PATCH_ARGS, PatchScanner } from './patch.js';
import type { HistoryListing } from './resume.js';
import { readGit } from './run.js';
import type { GitScanOptions } from './types.js';
import { workersUsable } from './worker.js';

/**
 * `patches`: the lines each commit adds (with one line of context), from one `git log -p` stream; git diffs while
 * this thread scans. `blobs`: every unique blob read once through `git cat-file --batch` and scanned whole, on worker
 * threads when there are any. Both attribute each finding to the commit that added it (a blob's findings to the commit
 * that introduced the blob); both go on past a missing object.
 */
export type HistoryStrategy = 'blobs' | 'patches';

/** Histories this short are scanned as patches without a probe: either way takes well under a second. */
const PROBE_FROM_COMMITS = 400;
/** Commits the probe times each strategy on, spread evenly over the history. */
const PROBE_COMMITS = 120;

export interface StrategyChoice {
  strategy: HistoryStrategy;
  /** Why, with the probe's timings, for the log. */
  reason: string;
  /** The probe's figures when it ran; blobs already divided by the threads that would scan them. */
  probe?: { commits: number; patchesMs: number; blobsMs: number; threads: number };
}

/** The strategy asked for, else blobs for a partial clone (its missing blobs are known up front), else by probe. */
export async function pickHistoryStrategy(options: GitScanOptions & { strategy?: HistoryStrategy }, listing: HistoryListing): Promise<StrategyChoice> {
  if (options.strategy) return { strategy: options.strategy, reason: 'asked for' };
  if (await listing.isPartialClone()) return { strategy: 'blobs', reason: 'a partial clone' };
  const commits = await listing.commits().catch(() => undefined);
  if (!commits) return { strategy: 'blobs', reason: 'the commits could not be listed' };
  const workers = workersUsable(options.workers) ? (options.workers.count ?? defaultWorkerCount()) : 0;
  return chooseHistoryStrategy(options.repoDir, commits, options.scanner, Math.min(1 + workers, availableParallelism()));
}

/**
 * Picks the faster strategy for this repository by timing both on a sample of its commits (about 1% of a large
 * history). Which one wins depends on the repository: diffing costs git far more than reading blobs where big files
 * change often (jquery's built files: `git log -p` takes 9.4 s of CPU against 2.1 s for `cat-file` of every blob), while
 * whole blobs cost the scanner more where large files get small edits. Blobs are scanned on this thread and the
 * workers (up to one per core) and the patch stream is one pipeline, so the blob time is divided by those threads.
 */
export async function chooseHistoryStrategy(repoDir: string, commits: readonly string[], scanner: Scanner, threads: number): Promise<StrategyChoice> {
  if (commits.length < PROBE_FROM_COMMITS) return { strategy: 'patches', reason: `${commits.length} commits, too few to be worth a probe` };
  const step = commits.length / PROBE_COMMITS;
  const sample = Array.from({ length: PROBE_COMMITS }, (_, i) => commits[Math.floor(i * step)]!);
  try {
    const patchesMs = await timePatches(repoDir, sample, scanner);
    const blobsMs = (await timeBlobs(repoDir, sample, scanner)) / threads;
    const strategy: HistoryStrategy = blobsMs < patchesMs ? 'blobs' : 'patches';
    const probe = { commits: sample.length, patchesMs: Math.round(patchesMs), blobsMs: Math.round(blobsMs), threads };
    return { strategy, reason: `probe of ${sample.length} commits: patches ${probe.patchesMs} ms, blobs ${probe.blobsMs} ms${threads > 1 ? ` (on ${threads} threads)` : ''}`, probe };
  } catch (error) {
    // A probe that trips on a damaged object proves nothing about speed; blobs read around damage at least as well.
    return { strategy: 'blobs', reason: `the probe could not finish (${(error as Error).message.split('\n')[0]})` };
  }
}

async function timePatches(repoDir: string, sample: readonly string[], scanner: Scanner): Promise<number> {
  const started = performance.now();
  const patches = new PatchScanner(scanner);
  await readGit(repoDir, ['log', '--no-walk=unsorted', '--stdin', COMMIT_FORMAT, ...LOG_PATCH_ARGS, '--'], { input: `${sample.join('\n')}\n`, maxRecord: 1 << 20 }, (data, length) => patches.line(data, length));
  patches.finish();
  return performance.now() - started;
}

async function timeBlobs(repoDir: string, sample: readonly string[], scanner: Scanner): Promise<number> {
  const started = performance.now();
  const jobs: BlobJob[] = [];
  await readGit(repoDir, ['log', '--no-walk=unsorted', '--stdin', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--format=', '--'], { input: `${sample.join('\n')}\n` }, (line) => {
    // :100644 100644 <old> <new> M\t<path>
    if (line[0] !== 0x3a) return;
    const tab = line.indexOf(9);
    const fields = line.subarray(1, tab).toString('latin1').split(' ');
    if (fields[1] === '100644' || fields[1] === '100755') jobs.push({ index: jobs.length, sha: fields[3]!, path: line.subarray(tab + 1).toString('utf8') });
  });
  await scanBlobJobs(repoDir, scanner, jobs, 1 << 20, () => {});
  return performance.now() - started;
}

/** One line for logs and reports: `blobs (probe of 120 commits: ...), scanned on this thread and 1 worker`. */
export function describeHistoryStrategy(choice: StrategyChoice, threads?: number): string {
  const on = threads === undefined || choice.strategy === 'patches' ? '' : threads > 1 ? `, scanned on this thread and ${threads - 1} worker(s)` : ', scanned on one thread';
  return `${choice.strategy} (${choice.reason})${on}`;
}
