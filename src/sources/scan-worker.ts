// The scan worker's own entry point: a bundle of the engine alone, so each worker thread loads a fraction of the
// Action or CLI bundle before it starts scanning.
import { serveScanWorkerIfAsked } from './pool.js';

serveScanWorkerIfAsked();
