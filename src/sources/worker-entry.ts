import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Whether `entry` can start a worker thread: a `file:` URL of a bundled JavaScript entry point. TypeScript sources
 * (under the test runner) cannot be loaded by a worker, so with them everything runs in the calling thread.
 */
export function isBundledEntry(entry: string | undefined): entry is string {
  return entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry);
}

/** As isBundledEntry, and the file is there. */
export function bundledEntryExists(entry: string | undefined): entry is string {
  return isBundledEntry(entry) && existsSync(fileURLToPath(entry));
}

/** Worker threads besides the calling one, which scans too: one per core but one, between 1 and 3. */
export function defaultWorkerCount(): number {
  return Math.min(3, Math.max(1, availableParallelism() - 1));
}
