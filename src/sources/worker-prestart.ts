import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { bundledEntryExists } from './worker-entry.js';

/** What a prestarted scan worker gets as workerData: no configuration yet, its first message brings it. */
export const PRESTARTED = { keyward: 'scan-worker' } as const;

/** Scan workers started ahead of any pool, by entry URL, waiting for a pool to adopt them. */
const waiting = new Map<string, Worker[]>();

/**
 * Starts `count` scan workers from the bundle at `entry` before the caller loads its own bundle and configuration.
 * A worker spends a few hundred milliseconds loading its bundle and building its rules; started here, that overlaps
 * the caller's own start-up instead of following it. Kept in no import graph but node's: an entry point calls this
 * first, then imports the rest. A pool for the same entry adopts them and sends each its configuration; workers never
 * adopted are unref'd and end with the process. Does nothing without a bundled entry (TypeScript under the tests).
 */
export function prestartScanWorkers(entry: string, count: number): void {
  if (count <= 0 || !bundledEntryExists(entry)) return;
  const workers = waiting.get(entry) ?? [];
  waiting.set(entry, workers);
  for (let i = 0; i < count; i++) {
    const worker = new Worker(fileURLToPath(entry), { workerData: PRESTARTED });
    worker.unref();
    // One that failed before a pool took it is dropped: the pool starts its own, which reports the failure.
    worker.once('error', () => {
      const at = workers.indexOf(worker);
      if (at !== -1) workers.splice(at, 1);
    });
    workers.push(worker);
  }
}

/** A prestarted worker for `entry`, now the caller's, or undefined when none is waiting. */
export function adoptPrestarted(entry: string): Worker | undefined {
  return waiting.get(entry)?.shift();
}

export function prestartedCount(entry: string): number {
  return waiting.get(entry)?.length ?? 0;
}
