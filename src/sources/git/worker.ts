import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KeywardConfig } from '../../engine/config/types.js';
import { createScanner } from '../../engine/scanner.js';
import { BlobStream } from './blob-stream.js';
import { blobOutcome, outcomeMatters, type BlobJob, type BlobOutcome } from './blobs.js';
import type { BlobLane } from './lanes.js';
import type { GitWorkerOptions } from './types.js';
import { isBundledEntry } from '../worker-entry.js';

interface WorkerInit {
  keyward: 'git-blob-worker';
  repoDir: string;
  config: KeywardConfig;
  baseline: string[];
  maxBlobSize: number;
}

/** Main thread to worker: more jobs for its cat-file. */
interface JobsMessage {
  jobs: BlobJob[];
}

/** Worker to main thread: how many jobs finished since the last reply, their bytes, and the outcomes that matter. */
interface DoneMessage {
  done: number;
  bytes: number;
  outcomes: BlobOutcome[];
  error?: string;
}

/** Completions a worker collects before it replies (it also replies whenever its cat-file runs dry). */
const REPLY_EVERY = 32;

/** Call at the top of an entry point: inside a git blob worker it serves jobs and returns true. */
export function serveGitWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'git-blob-worker') return false;
  const port = parentPort;
  const scanner = createScanner({ config: init.config, baseline: init.baseline });
  let reply: DoneMessage = { done: 0, bytes: 0, outcomes: [] };
  const stream = new BlobStream<BlobJob>(init.repoDir, init.maxBlobSize, (job, read) => {
    try {
      const outcome = blobOutcome(scanner, job, read);
      reply.done += 1;
      reply.bytes += outcome.size;
      if (outcomeMatters(outcome)) reply.outcomes.push(outcome);
    } catch (error) {
      reply.error ??= error instanceof Error ? error.message : String(error);
    }
    if (reply.done >= REPLY_EVERY || stream.inFlight === 0 || reply.error !== undefined) {
      port.postMessage(reply);
      reply = { done: 0, bytes: 0, outcomes: [] };
    }
  });
  port.on('message', (message: JobsMessage) => stream.add(message.jobs));
  return true;
}

export function workersUsable(options: GitWorkerOptions | undefined): options is GitWorkerOptions {
  return options !== undefined && isBundledEntry(options.entry) && (options.count ?? 1) > 0;
}

export interface WorkerLaneEvents {
  /** Jobs finished on the worker: their count and bytes, and the outcomes that matter. */
  done(count: number, bytes: number, outcomes: readonly BlobOutcome[]): void;
  failed(error: Error): void;
}

/** One worker thread with its own scanner and cat-file, fed jobs by the main thread (see lanes.ts). */
export function startWorkerLane(options: GitWorkerOptions, repoDir: string, maxBlobSize: number, events: WorkerLaneEvents): BlobLane {
  const init: WorkerInit = { keyward: 'git-blob-worker', repoDir, config: options.config, baseline: options.baseline ?? [], maxBlobSize };
  const worker = new Worker(fileURLToPath(options.entry), { workerData: init });
  let inFlight = 0;
  worker.on('message', (message: DoneMessage) => {
    inFlight -= message.done;
    if (message.error !== undefined) events.failed(new Error(`git blob worker: ${message.error}`));
    else events.done(message.done, message.bytes, message.outcomes);
  });
  worker.on('error', (error) => events.failed(error));
  worker.on('exit', (code) => {
    if (inFlight > 0) events.failed(new Error(`git blob worker exited (${code}) with ${inFlight} job(s) pending`));
  });
  return {
    get inFlight() {
      return inFlight;
    },
    window: 256,
    send(jobs) {
      inFlight += jobs.length;
      worker.postMessage({ jobs } satisfies JobsMessage);
    },
    async close() {
      inFlight = 0;
      await worker.terminate();
    },
  };
}
