import type { KeywardConfig } from '../engine/config/types.js';
import { globMatcher } from '../engine/allowlist.js';
import { createScanner } from '../engine/scanner.js';
import type { Scanner } from '../engine/types.js';
import { mergeLists, scanClaimed, scanFileWith, type FileScanContext, type FileScanResult, type FilesScanResult, type OnListProgress } from './pool-scan.js';
import { ScanWorkers } from './pool-workers.js';
import { ReadBuffer } from './read.js';
import { bundledEntryExists, defaultWorkerCount } from './worker-entry.js';

export { workerBundleUrl } from './worker-entry.js';

export type { FileScanResult, FilesScanResult } from './pool-scan.js';
export { serveScanWorkerIfAsked } from './pool-workers.js';

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
  scanFiles(root: string, paths: readonly string[], onProgress?: OnListProgress): Promise<FilesScanResult>;
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

/** How long the calling thread scans a list before giving its event loop a turn. */
const MAIN_SLICE_MS = 50;
/** Below this many files the calling thread scans alone. */
const MIN_FILES_FOR_WORKERS = 64;

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const baseline = [...(options.baseline ?? [])];
  // The calling thread scans lists too (see ThreadedPool), so one core is already taken: on two cores, one worker.
  const wanted = options.workers ?? defaultWorkerCount();
  if (wanted > 0 && bundledEntryExists(options.workerEntry)) {
    return new ThreadedPool(options.config, baseline, new ScanWorkers(options.workerEntry, wanted, { keyward: 'scan-worker', config: options.config, baseline }));
  }
  return new LocalPool(options.config, baseline);
}

/** Everything in the calling thread. The scanner and read buffer are built on first use: path ignores come first. */
class LocalPool implements ScanPool {
  private context?: FileScanContext;
  private readonly ignored: (path: string) => boolean;

  constructor(private readonly config: KeywardConfig, private readonly baseline: string[]) {
    this.ignored = globMatcher(config.ignorePaths);
  }

  get scanner(): Scanner {
    return this.local.scanner;
  }

  get workers(): number {
    return 0;
  }

  protected get local(): FileScanContext {
    this.context ??= { scanner: createScanner({ config: this.config, baseline: this.baseline }), maxFileSize: this.config.maxFileSize, scratch: new ReadBuffer() };
    return this.context;
  }

  isPathIgnored(path: string): boolean {
    return this.ignored(path);
  }

  // One file is not worth a message round trip: it is always scanned here (without the list's read buffer, as a list
  // scan may be using it between its slices).
  async scanFile(root: string, path: string): Promise<FileScanResult> {
    return scanFileWith({ ...this.local, scratch: undefined }, root, path);
  }

  async scanFiles(root: string, paths: readonly string[], onProgress?: OnListProgress): Promise<FilesScanResult> {
    return mergeLists([scanClaimed(this.local, { root, paths, next: new Int32Array(new SharedArrayBuffer(4)) }, onProgress)]);
  }

  async close(): Promise<void> {}
}

/**
 * This thread and the workers scan each list together, all claiming files from one shared counter. This thread
 * starts at once (a worker needs a few hundred milliseconds to load the bundle and build its scanner) and gives its
 * event loop a turn every slice so that worker progress and errors get through.
 */
class ThreadedPool extends LocalPool {
  constructor(config: KeywardConfig, baseline: string[], private readonly threads: ScanWorkers) {
    super(config, baseline);
    // Prestarted workers are loaded already: given their configuration now, they build their scanners while this
    // thread lists the files.
    if (threads.prestarted) threads.start();
  }

  override get workers(): number {
    return this.threads.started;
  }

  override async scanFiles(root: string, paths: readonly string[], onProgress?: OnListProgress): Promise<FilesScanResult> {
    this.threads.throwIfFailed();
    // Started on the first list that is worth it: a worker costs a few hundred milliseconds of start-up, more than a
    // pull request's handful of files takes to scan in this thread.
    if (paths.length >= MIN_FILES_FOR_WORKERS) this.threads.start();
    const next = new SharedArrayBuffer(4);
    const theirs = this.threads.scanList(root, paths, next, onProgress);
    const mine = await this.scanSlices({ root, paths, next: new Int32Array(next) }, onProgress);
    return mergeLists([...mine, ...(await theirs)]);
  }

  private async scanSlices(list: { root: string; paths: readonly string[]; next: Int32Array }, onProgress?: OnListProgress): Promise<FilesScanResult[]> {
    const slices: FilesScanResult[] = [];
    for (;;) {
      const slice = scanClaimed(this.local, list, onProgress, performance.now() + MAIN_SLICE_MS);
      slices.push(slice);
      if (slice.done || this.threads.failed) return slices;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  override async close(): Promise<void> {
    await this.threads.close();
  }
}
