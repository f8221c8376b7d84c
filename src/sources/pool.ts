import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KeywardConfig } from '../engine/config/types.js';
import { createScanner } from '../engine/scanner.js';
import type { Scanner, ScanResult } from '../engine/types.js';

/** Scans on worker threads so that both cores work; with no usable worker entry, scans in this thread. */
export interface ScanPool {
  scan(content: Buffer, path: string): Promise<ScanResult>;
  isPathIgnored(path: string): boolean;
  readonly scanner: Scanner;
  readonly workers: number;
  close(): Promise<void>;
}

export interface ScanPoolOptions {
  config: KeywardConfig;
  baseline?: Iterable<string>;
  /** Worker threads to start; default one per core. 0 scans in the calling thread. */
  workers?: number;
  /**
   * `import.meta.url` of the bundled entry point, which must call `serveScanWorkerIfAsked()` first thing. Workers run
   * that same file. Source files (`.ts`, as under the test runner) cannot be worker entries, so they scan in-thread.
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
  path: string;
  content: Uint8Array;
}

/** Call at the top of an entry point: in a scan worker it serves jobs and returns true; elsewhere returns false. */
export function serveScanWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'scan-worker') return false;
  const scanner = createScanner({ config: init.config, baseline: init.baseline });
  const port = parentPort;
  port.on('message', (job: Job) => {
    try {
      const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);
      port.postMessage({ id: job.id, result: scanner.scanBuffer(content, job.path) });
    } catch (error) {
      port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  return true;
}

export function createScanPool(options: ScanPoolOptions): ScanPool {
  const baseline = [...(options.baseline ?? [])];
  const scanner = createScanner({ config: options.config, baseline });
  const entry = options.workerEntry;
  const wanted = options.workers ?? Math.max(1, Math.min(availableParallelism(), 4));
  const usable = entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry) && wanted > 0;
  if (!usable) {
    return {
      scanner,
      workers: 0,
      isPathIgnored: (path) => scanner.isPathIgnored(path),
      scan: async (content, path) => scanner.scanBuffer(content, path),
      close: async () => {},
    };
  }

  const init: WorkerInit = { keyward: 'scan-worker', config: options.config, baseline };
  const pending = new Map<number, { resolve: (r: ScanResult) => void; reject: (e: Error) => void; worker: number }>();
  const load: number[] = [];
  const workers: Worker[] = [];
  let nextId = 0;
  let failure: Error | undefined;
  for (let w = 0; w < wanted; w++) {
    const worker = new Worker(fileURLToPath(entry), { workerData: init });
    worker.unref();
    load.push(0);
    worker.on('message', (message: { id: number; result?: ScanResult; error?: string }) => {
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
    scanner,
    workers: workers.length,
    isPathIgnored: (path) => scanner.isPathIgnored(path),
    scan(content, path) {
      if (failure) return Promise.reject(failure);
      // Cheap work stays here: ignored paths and tiny files are not worth a message round trip.
      if (content.length < 2048 || scanner.isPathIgnored(path)) return Promise.resolve(scanner.scanBuffer(content, path));
      let target = 0;
      for (let w = 1; w < load.length; w++) if (load[w]! < load[target]!) target = w;
      load[target]! += 1;
      const id = nextId++;
      return new Promise<ScanResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, worker: target });
        const owned = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
        const payload = owned ? content : Uint8Array.prototype.slice.call(content);
        workers[target]!.postMessage({ id, path, content: payload } satisfies Job, [payload.buffer as ArrayBuffer]);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
