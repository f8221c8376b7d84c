import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KeywardConfig } from '../engine/config/types.js';
import { globMatcher } from '../engine/allowlist.js';
import type { Finding, ScanNotice } from '../engine/finding.js';
import { createScanner } from '../engine/scanner.js';
import type { Scanner, ScanResult } from '../engine/types.js';
import { ReadBuffer, readScannable } from './read.js';

/** A file read and scanned: the result, the bytes read, and why it was not scanned if it was not. */
export interface FileScanResult extends ScanResult {
  bytes: number;
}

/** Many files scanned: totals, and the results of only those files that had findings or notices. */
export interface FilesScanResult {
  files: number;
  bytes: number;
  skipped: { binary: number; tooLarge: number };
  /** `index` is the file's position in the list given; in ascending order. */
  results: { index: number; findings: Finding[]; notices: ScanNotice[] }[];
}

/**
 * Scans files on worker threads so that both cores work. Workers read the files themselves: with two cores, a main
 * thread that reads and ships buffers leaves the workers idle for a third of the run. With no usable worker entry
 * (TypeScript sources under the test runner), everything runs in the calling thread.
 */
export interface ScanPool {
  scanFile(root: string, path: string): Promise<FileScanResult>;
  /**
   * Scans a whole list: every worker gets the list once and claims files from a shared counter, so there is no message
   * per file and no worker waits while another still has a queue; only files with findings or notices come back.
   * `onProgress` gets the files and bytes done since its previous call, a few times a second.
   */
  scanFiles(root: string, paths: readonly string[], onProgress?: (files: number, bytes: number) => void): Promise<FilesScanResult>;
  isPathIgnored(path: string): boolean;
  readonly scanner: Scanner;
  /** Worker threads started so far (they start on the first job big enough to need them). */
  readonly workers: number;
  close(): Promise<void>;
}

export interface ScanPoolOptions {
  config: KeywardConfig;
  baseline?: Iterable<string>;
  /**
   * Worker threads to start; default one per core but one (at least 1, at most 3), as the calling thread scans lists
   * alongside them. 0 scans in the calling thread only.
   */
  workers?: number;
  /**
   * URL of a bundled entry point whose first act is `serveScanWorkerIfAsked()`: dist/worker/index.js, the engine
   * alone. Without one that exists (TypeScript sources under the test runner), everything runs in this thread.
   */
  workerEntry?: string;
}

interface WorkerInit {
  keyward: 'scan-worker';
  config: KeywardConfig;
  baseline: string[];
}

interface FileJob {
  kind: 'file';
  id: number;
  root: string;
  path: string;
}

interface ListJob {
  kind: 'list';
  id: number;
  root: string;
  paths: readonly string[];
  /** Int32Array over it: [0] is the next index to claim. */
  next: SharedArrayBuffer;
}

type WorkerReply =
  | { id: number; result: FileScanResult }
  | { id: number; list: FilesScanResult }
  | { id: number; progress: [files: number, bytes: number] }
  | { id: number; error: string };

/** How often a worker busy with a list reports progress. */
const PROGRESS_MS = 100;
/** How long the calling thread scans a list before giving its event loop a turn. */
const MAIN_SLICE_MS = 50;
/** Below this many files the calling thread scans alone. */
const MIN_FILES_FOR_WORKERS = 64;

function scanFileWith(scanner: Scanner, maxFileSize: number, root: string, path: string, scratch?: ReadBuffer): FileScanResult {
  const read = readScannable(join(root, path), path, maxFileSize, scratch);
  if (!read.content) return { findings: [], notices: read.notice ? [read.notice] : [], skipped: read.tooLarge ? 'too-large' : undefined, bytes: 0 };
  return { ...scanner.scanBuffer(read.content, path), bytes: read.content.length };
}

const emptyOutcome = (): FilesScanResult => ({ files: 0, bytes: 0, skipped: { binary: 0, tooLarge: 0 }, results: [] });

/**
 * Claims and scans files of `paths` until the shared counter runs past the end, or until `until` (a
 * `performance.now()` time) when given; `done` says which.
 */
function scanClaimed(
  scanner: Scanner,
  maxFileSize: number,
  root: string,
  paths: readonly string[],
  next: Int32Array,
  scratch: ReadBuffer,
  onProgress?: (files: number, bytes: number) => void,
  until = Infinity,
): FilesScanResult & { done: boolean } {
  const outcome = emptyOutcome();
  let reported = performance.now();
  let reportedFiles = 0;
  let reportedBytes = 0;
  let done = true;
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    const path = paths[index]!;
    const result = scanFileWith(scanner, maxFileSize, root, path, scratch);
    outcome.files += 1;
    outcome.bytes += result.bytes;
    if (result.skipped === 'binary') outcome.skipped.binary += 1;
    else if (result.skipped === 'too-large') outcome.skipped.tooLarge += 1;
    if (result.findings.length > 0 || result.notices.length > 0) outcome.results.push({ index, findings: result.findings, notices: result.notices });
    if (onProgress || until !== Infinity) {
      const now = performance.now();
      if (onProgress && now - reported >= PROGRESS_MS) {
        onProgress(outcome.files - reportedFiles, outcome.bytes - reportedBytes);
        reported = now;
        reportedFiles = outcome.files;
        reportedBytes = outcome.bytes;
      }
      if (now >= until) {
        done = false;
        break;
      }
    }
  }
  if (onProgress && outcome.files > reportedFiles) onProgress(outcome.files - reportedFiles, outcome.bytes - reportedBytes);
  return { ...outcome, done };
}

/** Call at the top of an entry point: in a scan worker it serves jobs and returns true; elsewhere returns false. */
export function serveScanWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'scan-worker') return false;
  const scanner = createScanner({ config: init.config, baseline: init.baseline });
  const scratch = new ReadBuffer();
  const port = parentPort;
  port.on('message', (job: FileJob | ListJob) => {
    try {
      if (job.kind === 'list') {
        const { done: _done, ...list } = scanClaimed(scanner, init.config.maxFileSize, job.root, job.paths, new Int32Array(job.next), scratch, (files, bytes) =>
          port.postMessage({ id: job.id, progress: [files, bytes] } satisfies WorkerReply),
        );
        port.postMessage({ id: job.id, list } satisfies WorkerReply);
      } else {
        port.postMessage({ id: job.id, result: scanFileWith(scanner, init.config.maxFileSize, job.root, job.path) } satisfies WorkerReply);
      }
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
    }
  });
  return true;
}

function mergeLists(parts: FilesScanResult[]): FilesScanResult {
  const merged = emptyOutcome();
  for (const part of parts) {
    merged.files += part.files;
    merged.bytes += part.bytes;
    merged.skipped.binary += part.skipped.binary;
    merged.skipped.tooLarge += part.skipped.tooLarge;
    merged.results.push(...part.results);
  }
  merged.results.sort((a, b) => a.index - b.index);
  return merged;
}

/**
 * The worker bundle (dist/worker/index.js) as a URL, from the `import.meta.url` of a bundle in dist/ or one folder
 * below it. Built from a variable path on purpose: the bundler would turn `new URL('literal', import.meta.url)` into
 * an asset of its own.
 */
export function workerBundleUrl(entryUrl: string, relative: string): string {
  return pathToFileURL(join(dirname(fileURLToPath(entryUrl)), relative)).href;
}

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const baseline = [...(options.baseline ?? [])];
  const maxFileSize = options.config.maxFileSize;
  const entry = options.workerEntry;
  // The calling thread scans lists too (see scanFiles), so one core is already taken: on two cores, one worker.
  const wanted = options.workers ?? Math.max(1, Math.min(availableParallelism() - 1, 3));
  const usable = entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry) && wanted > 0 && existsSync(fileURLToPath(entry));
  // Built on first use: with workers, this thread needs only path ignores, and building it first would delay them.
  let own: Scanner | undefined;
  const scanner = () => (own ??= createScanner({ config: options.config, baseline }));
  let ownScratch: ReadBuffer | undefined;
  const scratch = () => (ownScratch ??= new ReadBuffer());
  const ignored = globMatcher(options.config.ignorePaths);
  const isPathIgnored = (path: string) => ignored(path);
  if (!usable) {
    return {
      get scanner() {
        return scanner();
      },
      isPathIgnored,
      workers: 0,
      scanFile: async (root: string, path: string) => scanFileWith(scanner(), maxFileSize, root, path),
      scanFiles: async (root, paths, onProgress) => mergeLists([scanClaimed(scanner(), maxFileSize, root, paths, new Int32Array(1), scratch(), onProgress)]),
      close: async () => {},
    };
  }

  interface Pending {
    worker: number;
    reject: (e: Error) => void;
    /** A file job's result, or a list job's share from this worker. */
    settle: (reply: WorkerReply) => void;
  }
  const init: WorkerInit = { keyward: 'scan-worker', config: options.config, baseline };
  const pending = new Map<number, Pending>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  // Started on the first job that is worth it: a worker costs a few hundred milliseconds of start-up, more than a
  // pull request's handful of files takes to scan in this thread.
  const startWorkers = () => {
    if (workers.length > 0) return;
    for (let w = 0; w < wanted; w++) startWorker(w);
  };
  const startWorker = (w: number) => {
    const worker = new Worker(fileURLToPath(entry), { workerData: init });
    worker.unref();
    load.push(0);
    worker.on('message', (message: WorkerReply) => {
      pending.get(message.id)?.settle(message);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const [id, job] of pending) {
        if (job.worker === w) {
          pending.delete(id);
          job.reject(error);
        }
      }
    });
    workers.push(worker);
  };
  const settleOnce = (id: number, worker: number, reject: (e: Error) => void, onReply: (reply: WorkerReply) => boolean) => {
    pending.set(id, {
      worker,
      reject,
      settle: (reply) => {
        if ('error' in reply) {
          pending.delete(id);
          load[worker]! -= 1;
          reject(new Error(reply.error));
        } else if (onReply(reply)) {
          pending.delete(id);
          load[worker]! -= 1;
        }
      },
    });
  };
  return {
    get scanner() {
      return scanner();
    },
    isPathIgnored,
    get workers() {
      return workers.length;
    },
    scanFile(root, path) {
      if (failure) return Promise.reject(failure);
      startWorkers();
      let target = 0;
      for (let w = 1; w < load.length; w++) if (load[w]! < load[target]!) target = w;
      load[target]! += 1;
      const id = nextId++;
      return new Promise<FileScanResult>((resolve, reject) => {
        settleOnce(id, target, reject, (reply) => {
          if (!('result' in reply)) return false;
          resolve(reply.result);
          return true;
        });
        workers[target]!.postMessage({ kind: 'file', id, root, path } satisfies FileJob);
      });
    },
    async scanFiles(root, paths, onProgress) {
      if (failure) throw failure;
      if (paths.length >= MIN_FILES_FOR_WORKERS) startWorkers();
      const next = new SharedArrayBuffer(4);
      const shares: Promise<FilesScanResult>[] = workers.map(
        (worker, w) =>
          new Promise<FilesScanResult>((resolve, reject) => {
            const id = nextId++;
            load[w]! += 1;
            settleOnce(id, w, reject, (reply) => {
              if ('progress' in reply) {
                onProgress?.(reply.progress[0], reply.progress[1]);
                return false;
              }
              if (!('list' in reply)) return false;
              resolve(reply.list);
              return true;
            });
            worker.postMessage({ kind: 'list', id, root, paths, next } satisfies ListJob);
          }),
      );
      // Handled now, awaited below: a worker failing while this thread scans must not count as an unhandled rejection.
      const theirs = Promise.all(shares);
      theirs.catch(() => {});
      // This thread claims files from the same counter while the workers start up (a worker needs a few hundred
      // milliseconds to load the bundle and build its scanner) and after, giving the event loop a turn every slice so
      // worker progress and errors get through.
      const counter = new Int32Array(next);
      const slices: FilesScanResult[] = [];
      for (;;) {
        const slice = scanClaimed(scanner(), maxFileSize, root, paths, counter, scratch(), onProgress, performance.now() + MAIN_SLICE_MS);
        slices.push(slice);
        if (slice.done || failure) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return mergeLists([...slices, ...(await theirs)]);
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
