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

interface ListJob {
  id: number;
  root: string;
  paths: readonly string[];
  /** Int32Array over it: [0] is the next index to claim. */
  next: SharedArrayBuffer;
}

type WorkerReply =
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
  port.on('message', (job: ListJob) => {
    try {
      const progress = (files: number, bytes: number) => port.postMessage({ id: job.id, progress: [files, bytes] } satisfies WorkerReply);
      const { done: _done, ...list } = scanClaimed(scanner, init.config.maxFileSize, job.root, job.paths, new Int32Array(job.next), scratch, progress);
      port.postMessage({ id: job.id, list } satisfies WorkerReply);
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

/** The scanner of the calling thread and its read buffer, built on first use. */
class LocalScan {
  private own?: Scanner;
  private buffer?: ReadBuffer;
  constructor(private readonly options: ScanPoolOptions) {}
  get scanner(): Scanner {
    this.own ??= createScanner({ config: this.options.config, baseline: this.options.baseline });
    return this.own;
  }
  get scratch(): ReadBuffer {
    this.buffer ??= new ReadBuffer();
    return this.buffer;
  }
  /** Claims and scans files of a shared list until `until` or the end of the list. */
  slice(root: string, paths: readonly string[], next: Int32Array, onProgress?: (files: number, bytes: number) => void, until?: number) {
    return scanClaimed(this.scanner, this.options.config.maxFileSize, root, paths, next, this.scratch, onProgress, until);
  }
}

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const entry = options.workerEntry;
  // The calling thread scans lists too (see scanFiles), so one core is already taken: on two cores, one worker.
  const wanted = options.workers ?? Math.max(1, Math.min(availableParallelism() - 1, 3));
  const usable = entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry) && wanted > 0 && existsSync(fileURLToPath(entry));
  // With workers, this thread needs only path ignores at first: the scanner is built when this thread first scans.
  const local = new LocalScan({ ...options, baseline: [...(options.baseline ?? [])] });
  const ignored = globMatcher(options.config.ignorePaths);
  const workers = usable ? new ScanWorkers(entry, wanted, { keyward: 'scan-worker', config: options.config, baseline: [...(options.baseline ?? [])] }) : undefined;
  return {
    get scanner() {
      return local.scanner;
    },
    isPathIgnored: (path) => ignored(path),
    get workers() {
      return workers?.started ?? 0;
    },
    // One file is not worth a message round trip: it is scanned here.
    scanFile: async (root, path) => scanFileWith(local.scanner, options.config.maxFileSize, root, path),
    scanFiles: (root, paths, onProgress) => scanList(local, workers, root, paths, onProgress),
    close: async () => workers?.close(),
  };
}

/**
 * Scans a list on this thread and the workers together, all claiming files from one shared counter. This thread
 * starts at once (a worker needs a few hundred milliseconds to load the bundle and build its scanner) and gives its
 * event loop a turn every slice so that worker progress and errors get through.
 */
async function scanList(local: LocalScan, workers: ScanWorkers | undefined, root: string, paths: readonly string[], onProgress?: (files: number, bytes: number) => void): Promise<FilesScanResult> {
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  if (!workers) return mergeLists([local.slice(root, paths, counter, onProgress)]);
  workers.throwIfFailed();
  // Started on the first list that is worth it: a worker costs a few hundred milliseconds of start-up, more than a
  // pull request's handful of files takes to scan in this thread.
  if (paths.length >= MIN_FILES_FOR_WORKERS) workers.start();
  const theirs = workers.scanList(root, paths, next, onProgress);
  const slices: FilesScanResult[] = [];
  for (;;) {
    const slice = local.slice(root, paths, counter, onProgress, performance.now() + MAIN_SLICE_MS);
    slices.push(slice);
    if (slice.done || workers.failed) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return mergeLists([...slices, ...(await theirs)]);
}

/** The worker threads of a pool: started on demand, each answering list jobs by id. */
class ScanWorkers {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, { worker: number; settle: (reply: WorkerReply) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure?: Error;

  constructor(
    private readonly entry: string,
    private readonly wanted: number,
    private readonly init: WorkerInit,
  ) {}

  get started(): number {
    return this.threads.length;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  start(): void {
    if (this.threads.length > 0) return;
    for (let w = 0; w < this.wanted; w++) this.startOne(w);
  }

  private startOne(w: number): void {
    const worker = new Worker(fileURLToPath(this.entry), { workerData: this.init });
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.pending.get(reply.id)?.settle(reply));
    worker.on('error', (error) => {
      this.failure = error;
      for (const [id, job] of this.pending) {
        if (job.worker !== w) continue;
        this.pending.delete(id);
        job.reject(error);
      }
    });
    this.threads.push(worker);
  }

  /**
   * Every started worker's share of a list. The promise is already handled: a worker failing while the calling thread
   * scans must not count as an unhandled rejection; the caller awaits it afterwards.
   */
  scanList(root: string, paths: readonly string[], next: SharedArrayBuffer, onProgress?: (files: number, bytes: number) => void): Promise<FilesScanResult[]> {
    const shares = this.threads.map((worker, w) => this.listJob(worker, w, { id: this.nextId++, root, paths, next }, onProgress));
    const all = Promise.all(shares);
    all.catch(() => {});
    return all;
  }

  private listJob(worker: Worker, w: number, job: ListJob, onProgress?: (files: number, bytes: number) => void): Promise<FilesScanResult> {
    return new Promise<FilesScanResult>((resolve, reject) => {
      const settle = (reply: WorkerReply) => {
        if ('progress' in reply) {
          onProgress?.(reply.progress[0], reply.progress[1]);
          return;
        }
        this.pending.delete(job.id);
        if ('error' in reply) reject(new Error(reply.error));
        else resolve(reply.list);
      };
      this.pending.set(job.id, { worker: w, settle, reject });
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.terminate()));
  }
}
