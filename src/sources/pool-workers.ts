import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { KeywardConfig } from '../engine/config/types.js';
import { createScanner } from '../engine/scanner.js';
import { scanClaimed, type FileScanContext, type FilesScanResult, type OnListProgress } from './pool-scan.js';
import { ReadBuffer } from './read.js';
import { adoptPrestarted, prestartedCount } from './worker-prestart.js';

export interface WorkerInit {
  keyward: 'scan-worker';
  config: KeywardConfig;
  baseline: string[];
}

/** A prestarted worker's first message (see worker-prestart.ts): the configuration it was started without. */
interface InitMessage {
  init: { config: KeywardConfig; baseline: string[] };
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

function answerListJob(port: MessagePort, context: FileScanContext, job: ListJob): void {
  try {
    const progress = (files: number, bytes: number) => port.postMessage({ id: job.id, progress: [files, bytes] } satisfies WorkerReply);
    const { done: _done, ...list } = scanClaimed(context, { root: job.root, paths: job.paths, next: new Int32Array(job.next) }, progress);
    port.postMessage({ id: job.id, list } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
}

function scanContext(init: { config: KeywardConfig; baseline: string[] }): FileScanContext {
  return { scanner: createScanner({ config: init.config, baseline: init.baseline }), maxFileSize: init.config.maxFileSize, scratch: new ReadBuffer() };
}

/**
 * Call at the top of an entry point: in a scan worker it serves jobs and returns true; elsewhere returns false. A
 * worker started with its configuration builds its scanner at once; a prestarted one when its first message brings it.
 */
export function serveScanWorkerIfAsked(): boolean {
  const init = workerData as Partial<WorkerInit> | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'scan-worker') return false;
  let context = init.config ? scanContext({ config: init.config, baseline: init.baseline ?? [] }) : undefined;
  const port = parentPort;
  port.on('message', (message: ListJob | InitMessage) => {
    if ('init' in message) context = scanContext(message.init);
    else if (context) answerListJob(port, context, message);
    else port.postMessage({ id: message.id, error: 'a scan worker got a list before its configuration' } satisfies WorkerReply);
  });
  return true;
}

interface PendingJob {
  worker: number;
  settle: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
}

/** The worker threads of a pool: started on demand, each answering list jobs by id. */
export class ScanWorkers {
  private readonly threads: Worker[] = [];
  private readonly pending = new Map<number, PendingJob>();
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

  /** Whether workers were prestarted for this entry: then they are already paid for, and worth adopting at once. */
  get prestarted(): boolean {
    return prestartedCount(this.entry) > 0;
  }

  start(): void {
    if (this.threads.length > 0) return;
    for (let w = 0; w < this.wanted; w++) this.startOne(w);
  }

  private startOne(w: number): void {
    const adopted = adoptPrestarted(this.entry);
    const worker = adopted ?? new Worker(fileURLToPath(this.entry), { workerData: this.init });
    if (adopted) worker.postMessage({ init: { config: this.init.config, baseline: this.init.baseline } } satisfies InitMessage);
    worker.unref();
    worker.on('message', (reply: WorkerReply) => this.pending.get(reply.id)?.settle(reply));
    worker.on('error', (error) => this.failWorker(w, error));
    this.threads.push(worker);
  }

  private failWorker(w: number, error: Error): void {
    this.failure = error;
    for (const [id, job] of this.pending) {
      if (job.worker !== w) continue;
      this.pending.delete(id);
      job.reject(error);
    }
  }

  /**
   * Every started worker's share of a list. The promise is already handled: a worker failing while the calling thread
   * scans must not count as an unhandled rejection; the caller awaits it afterwards.
   */
  scanList(root: string, paths: readonly string[], next: SharedArrayBuffer, onProgress?: OnListProgress): Promise<FilesScanResult[]> {
    const shares = this.threads.map((worker, w) => this.listJob(worker, w, { id: this.nextId++, root, paths, next }, onProgress));
    const all = Promise.all(shares);
    all.catch(() => {});
    return all;
  }

  private listJob(worker: Worker, w: number, job: ListJob, onProgress?: OnListProgress): Promise<FilesScanResult> {
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
