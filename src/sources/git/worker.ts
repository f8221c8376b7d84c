import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { KeywardConfig } from '../../engine/config/types.js';
import { createScanner } from '../../engine/scanner.js';
import { scanBlobJobs, type BlobJob, type BlobOutcome } from './blobs.js';
import { CatFile } from './catfile.js';
import type { GitWorkerOptions } from './types.js';

interface WorkerInit {
  keyward: 'git-blob-worker';
  repoDir: string;
  config: KeywardConfig;
  baseline: string[];
  maxBlobSize: number;
}

interface Batch {
  id: number;
  jobs: BlobJob[];
}

interface BatchDone {
  id: number;
  outcomes?: BlobOutcome[];
  error?: string;
}

/** Call at the top of an entry point: inside a git blob worker it serves batches and returns true. */
export function serveGitWorkerIfAsked(): boolean {
  const init = workerData as WorkerInit | undefined;
  if (isMainThread || !parentPort || init?.keyward !== 'git-blob-worker') return false;
  const port = parentPort;
  const scanner = createScanner({ config: init.config, baseline: init.baseline });
  const catFile = new CatFile(init.repoDir);
  // Batches run one after another on this worker's cat-file; the next batch is already queued by the main thread.
  let chain = Promise.resolve();
  port.on('message', (batch: Batch) => {
    chain = chain.then(async () => {
      try {
        const outcomes: BlobOutcome[] = [];
        await scanBlobJobs(catFile, scanner, batch.jobs, init.maxBlobSize, (outcome) => outcomes.push(outcome));
        port.postMessage({ id: batch.id, outcomes } satisfies BatchDone);
      } catch (error) {
        port.postMessage({ id: batch.id, error: error instanceof Error ? error.message : String(error) } satisfies BatchDone);
      }
    });
  });
  return true;
}

export function workersUsable(options: GitWorkerOptions | undefined): options is GitWorkerOptions {
  return options !== undefined && options.entry.startsWith('file:') && !/\.[cm]?ts$/.test(options.entry) && (options.count ?? 2) > 0;
}

/** Spreads the jobs over worker threads in batches, two batches queued per worker so none waits for the main thread. */
export async function scanBlobJobsOnWorkers(options: GitWorkerOptions, repoDir: string, maxBlobSize: number, jobs: readonly BlobJob[], done: (outcome: BlobOutcome) => void): Promise<void> {
  const count = options.count ?? 2;
  const batchSize = Math.max(16, Math.min(512, Math.ceil(jobs.length / (count * 8))));
  const init: WorkerInit = { keyward: 'git-blob-worker', repoDir, config: options.config, baseline: options.baseline ?? [], maxBlobSize };
  const workers = Array.from({ length: Math.min(count, Math.ceil(jobs.length / batchSize)) }, () => new Worker(fileURLToPath(options.entry), { workerData: init }));
  let next = 0;
  let batchId = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight = 0;
            const send = () => {
              if (next >= jobs.length) return false;
              const batch: Batch = { id: batchId++, jobs: jobs.slice(next, next + batchSize) };
              next += batchSize;
              inFlight += 1;
              worker.postMessage(batch);
              return true;
            };
            worker.on('message', (message: BatchDone) => {
              inFlight -= 1;
              if (message.error !== undefined) return reject(new Error(`git blob worker: ${message.error}`));
              for (const outcome of message.outcomes ?? []) done(outcome);
              send();
              if (inFlight === 0) resolve();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (inFlight > 0 ? reject(new Error(`git blob worker exited (${code}) with work pending`)) : resolve()));
            if (!send()) resolve();
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
