import { statSync } from 'node:fs';
import { parseCli } from './args.js';
import { defaultWorkerCount, workerBundleUrl, workersFromEnv } from '../sources/worker-entry.js';
import { prestartScanWorkers } from '../sources/worker-prestart.js';

/** Whether these arguments ask for a scan of at least one directory (not a git mode, which uses other workers). */
function scansATree(argv: string[]): boolean {
  try {
    const args = parseCli(argv);
    if (args.command !== 'scan' || args.diff || args.push || args.staged || args.history) return false;
    return args.paths.some((path) => path !== '-' && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
  } catch {
    return false; // main reports the mistake
  }
}

// The rest of the CLI is imported only after the scan workers are on their way: loading this bundle takes a few
// hundred milliseconds, which the workers spend loading theirs on the other cores.
const workers = workersFromEnv(process.env) ?? defaultWorkerCount();
if (workers > 0 && scansATree(process.argv.slice(2))) prestartScanWorkers(workerBundleUrl(import.meta.url, '../worker/index.js'), workers);
import('./main.js').catch((error: unknown) => {
  process.stderr.write(`keyward: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
