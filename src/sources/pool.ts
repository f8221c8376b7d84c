import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KeywardConfig } from '../engine/config/types.js';
import { globMatcher } from '../engine/allowlist.js';
import { createScanner } from '../engine/scanner.js';
import type { Scanner, ScanResult } from '../engine/types.js';
import { readScannable } from './read.js';

/** A file read and scanned: the result, the bytes read, and why it was not scanned if it was not. */
export interface FileScanResult extends ScanResult {
  bytes: number;
}

/**
 * Scans files on worker threads so that both cores work. Workers read the files themselves: with two cores, a main
 * thread that reads and ships buffers leaves the workers idle for a third of the run. With no usable worker entry
 * (TypeScript sources under the test runner), everything runs in the calling thread.
 */
export interface ScanPool {
  scanFile(root: string, path: string): Promise<FileScanResult>;
  isPathIgnored(path: string): boolean;
  readonly scanner: Scanner;
  readonly workers: number;
  close(): Promise<void>;
}

export interface ScanPoolOptions {
  config: KeywardConfig;
  baseline?: Iterable<string>;
  /** Worker threads to start; default one per core, at most 4. 0 scans in the calling thread. */
  workers?: number;
  /**
   * `import.meta.url` of the bundled entry point, which must call `serveScanWorkerIfAsked()` first thing. Workers run
   * that same file.
   */
  workerEntry?: string;
}

interface WorkerInit {
  keyward: 'scan-worker';
  config: KeywardConfig;
  baseline: string[];
}

interface Job {
  id: number;
  root: string;
  path: string;
}

function scanFileWith(scanner: Scanner, maxFileSize: number, root: string, path: string): FileScanResult {
  const read = readScannable(join(root, path), path, maxFileSize);
  if (!read.content) return { findings: [], notices: read.notice ? [read.notice] : [], skipped: read.tooLarge ? 'too-large' : undefined, bytes: 0 };
  return { ...scanner.scanBuffer(read.content, path), bytes: read.content.length };
}

/** Call at the top of an entry point: in a scan worker it serves jobs and returns true; elsewhere returns false. */
export function serveScanWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'scan-worker') return false;
  const scanner = createScanner({ config: init.config, baseline: init.baseline });
  const port = parentPort;
  port.on('message', (job: Job) => {
    try {
      port.postMessage({ id: job.id, result: scanFileWith(scanner, init.config.maxFileSize, job.root, job.path) });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return true;
}

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const baseline = [...(options.baseline ?? [])];
  const maxFileSize = options.config.maxFileSize;
  const entry = options.workerEntry;
  const wanted = options.workers ?? Math.max(1, Math.min(availableParallelism(), 4));
  const usable = entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry) && wanted > 0;
  // Built on first use: with workers, this thread needs only path ignores, and building it first would delay them.
  let own: Scanner | undefined;
  const scanner = () => (own ??= createScanner({ config: options.config, baseline }));
  const ignored = globMatcher(options.config.ignorePaths);
  const base = {
    get scanner() {
      return scanner();
    },
    isPathIgnored: (path: string) => ignored(path),
  };
  if (!usable) {
    return { ...base, workers: 0, scanFile: async (root: string, path: string) => scanFileWith(scanner(), maxFileSize, root, path), close: async () => {} };
  }

  const init: WorkerInit = { keyward: 'scan-worker', config: options.config, baseline };
  const pending = new Map<number, { resolve: (r: FileScanResult) => void; reject: (e: Error) => void; worker: number }>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  for (let w = 0; w < wanted; w++) {
    const worker = new Worker(fileURLToPath(entry), { workerData: init });
    worker.unref();
    load.push(0);
    worker.on('message', (message: { id: number; result?: FileScanResult; error?: string }) => {
      const job = pending.get(message.id);
      if (!job) return;
      pending.delete(message.id);
      load[job.worker]! -= 1;
      if (message.error !== undefined) job.reject(new Error(message.error));
      else job.resolve(message.result!);
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
  }
  return {
    get scanner() {
      return scanner();
    },
    isPathIgnored: base.isPathIgnored,
    workers: workers.length,
    scanFile(root, path) {
      if (failure) return Promise.reject(failure);
      let target = 0;
      for (let w = 1; w < load.length; w++) if (load[w]! < load[target]!) target = w;
      load[target]! += 1;
      const id = nextId++;
      return new Promise<FileScanResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: target });
        workers[target]!.postMessage({ id, root, path } satisfies Job);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
