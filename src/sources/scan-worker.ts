// The scan worker's own entry point: a bundle of the engine alone, so each worker thread loads a fraction of the
// Action or CLI bundle before it starts scanning.
import { serveGitWorkerIfAsked } from './git/worker.js';
import { serveScanWorkerIfAsked } from './pool-workers.js';

// History scans' blob workers run from this bundle too (each with its own git cat-file).
if (!serveGitWorkerIfAsked()) serveScanWorkerIfAsked();
