import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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
/** The worker count `KEYWARD_WORKERS` asks for, or undefined when it is not set (then the default applies). */
export function workersFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  return env.KEYWARD_WORKERS === undefined ? undefined : Number(env.KEYWARD_WORKERS);
}

export function defaultWorkerCount(): number {
  return Math.min(3, Math.max(1, availableParallelism() - 1));
}

/**
 * The worker bundle (dist/worker/index.js) as a URL, from the `import.meta.url` of a bundle in dist/ or one folder
 * below it. Built from a variable path on purpose: the bundler would turn `new URL('literal', import.meta.url)` into
 * an asset of its own.
 */
export function workerBundleUrl(entryUrl: string, relative: string): string {
  return pathToFileURL(join(dirname(fileURLToPath(entryUrl)), relative)).href;
}
