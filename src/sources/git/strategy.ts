import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Scanner } from '../../engine/types.js';
import { BlobStream } from './blob-stream.js';
import { blobOutcome, type BlobJob } from './blobs.js';
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
  /** The probe's figures when it ran: each strategy's estimated wall time for the sample (see decideHistoryStrategy). */
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
 * Picks the faster strategy for this repository by running both on a sample of its commits (about 1% of a large
 * history). Which one wins depends on the repository: diffing costs git far more than reading blobs where big files
 * change often (jquery's built files: `git log -p` takes 9.4 s of CPU against 2.1 s for `cat-file` of every blob), while
 * whole blobs cost the scanner more where large files get small edits. Each run is measured in CPU time, this
 * process's and git's apart, where the platform tells it (see cpuNow): wall time on a busy machine says more about the
 * neighbours than about the repository, and the same scan was seen to pick either way from one run to the next.
 */
export async function chooseHistoryStrategy(repoDir: string, commits: readonly string[], scanner: Scanner, threads: number): Promise<StrategyChoice> {
  if (commits.length < PROBE_FROM_COMMITS) return { strategy: 'patches', reason: `${commits.length} commits, too few to be worth a probe` };
  const step = commits.length / PROBE_COMMITS;
  const sample = Array.from({ length: PROBE_COMMITS }, (_, i) => commits[Math.floor(i * step)]!);
  try {
    const patches = await measured(() => timePatches(repoDir, sample, scanner));
    const blobs = await measured(() => timeBlobs(repoDir, sample, scanner));
    return decideHistoryStrategy(sample.length, patches, blobs, threads, availableParallelism());
  } catch (error) {
    // A probe that trips on a damaged object proves nothing about speed; blobs read around damage at least as well.
    return { strategy: 'blobs', reason: `the probe could not finish (${(error as Error).message.split('\n')[0]})` };
  }
}

/**
 * Patches win only when clearly faster: the probe sees 1% of the history, and blobs also read around a missing object
 * without restarting git, and spread over whatever cores there are.
 */
const PATCHES_MARGIN = 0.8;

/**
 * Estimated wall times. Patches are one pipeline (git diffs while this thread scans), so at best the slower of the
 * two; blobs are spread over `threads` lanes, each a scanning thread and its own cat-file. Neither beats the total
 * CPU over the cores.
 */
export function decideHistoryStrategy(commits: number, patches: ProbeRun, blobs: ProbeRun, threads: number, cores: number): StrategyChoice {
  const estimate = (run: ProbeRun, lanes: number) =>
    run.cpu ? Math.max((run.cpu.selfMs + run.cpu.childrenMs) / cores, run.cpu.selfMs / lanes, run.cpu.childrenMs / lanes) : run.wallMs / lanes;
  const probe = { commits, patchesMs: Math.round(estimate(patches, 1)), blobsMs: Math.round(estimate(blobs, threads)), threads };
  const strategy: HistoryStrategy = probe.patchesMs < probe.blobsMs * PATCHES_MARGIN ? 'patches' : 'blobs';
  const basis = patches.cpu && blobs.cpu ? `estimated from CPU time${threads > 1 ? `, blobs on ${threads} threads` : ''}` : threads > 1 ? `on ${threads} threads` : '';
  return { strategy, reason: `probe of ${commits} commits: patches ${probe.patchesMs} ms, blobs ${probe.blobsMs} ms${basis ? ` (${basis})` : ''}`, probe };
}

/** One strategy's run over the probe's sample; `cpu` where the platform tells it. */
export interface ProbeRun {
  wallMs: number;
  cpu?: { selfMs: number; childrenMs: number };
}

/** CPU milliseconds of this process (all threads) and of the children it has reaped, from /proc (Linux only). */
function cpuNow(): { selfMs: number; childrenMs: number } | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'latin1').split(') ')[1]!.split(' ');
    // Fields 16 and 17 of proc(5), cutime and cstime, in clock ticks: 100 a second on Linux.
    const childrenMs = (Number(fields[13]) + Number(fields[14])) * 10;
    const self = process.cpuUsage();
    return Number.isFinite(childrenMs) ? { selfMs: (self.user + self.system) / 1000, childrenMs } : undefined;
  } catch {
    return undefined;
  }
}

async function measured(run: () => Promise<void>): Promise<ProbeRun> {
  const cpuStart = cpuNow();
  const started = performance.now();
  await run();
  const wallMs = performance.now() - started;
  const cpuEnd = cpuStart && cpuNow();
  return { wallMs, ...(cpuStart && cpuEnd ? { cpu: { selfMs: cpuEnd.selfMs - cpuStart.selfMs, childrenMs: cpuEnd.childrenMs - cpuStart.childrenMs } } : {}) };
}

async function timePatches(repoDir: string, sample: readonly string[], scanner: Scanner): Promise<void> {
  const patches = new PatchScanner(scanner);
  await readGit(repoDir, ['log', '--no-walk=unsorted', '--stdin', COMMIT_FORMAT, ...LOG_PATCH_ARGS, '--'], { input: `${sample.join('\n')}\n`, maxRecord: 1 << 20 }, (data, length) => patches.line(data, length));
  patches.finish();
}

async function timeBlobs(repoDir: string, sample: readonly string[], scanner: Scanner): Promise<void> {
  const jobs: BlobJob[] = [];
  // No merges: diffed against their first parent they list the blobs a whole branch brought, which the full scan has
  // already read on that branch's own commits (each blob is read once); the probe would count them again.
  await readGit(repoDir, ['log', '--no-walk=unsorted', '--stdin', '--no-merges', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--format=', '--'], { input: `${sample.join('\n')}\n` }, (line) => {
    // :100644 100644 <old> <new> M\t<path>
    if (line[0] !== 0x3a) return;
    const tab = line.indexOf(9);
    const fields = line.subarray(1, tab).toString('latin1').split(' ');
    if (fields[1] === '100644' || fields[1] === '100755') jobs.push({ index: jobs.length, sha: fields[3]!, path: line.subarray(tab + 1).toString('utf8') });
  });
  const stream = new BlobStream<BlobJob>(repoDir, 1 << 20, (job, read) => blobOutcome(scanner, job, read));
  try {
    stream.add(jobs);
    await stream.idle();
  } finally {
    stream.close();
  }
  // Its CPU time is counted only once git has exited.
  await stream.exited();
}

/** One line for logs and reports: `blobs (probe of 120 commits: ...), scanned on this thread and 1 worker`. */
export function describeHistoryStrategy(choice: StrategyChoice, threads?: number): string {
  const on = threads === undefined || choice.strategy === 'patches' ? '' : threads > 1 ? `, scanned on this thread and ${threads - 1} worker(s)` : ', scanned on one thread';
  return `${choice.strategy} (${choice.reason})${on}`;
}
