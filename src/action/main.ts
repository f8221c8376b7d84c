import { likelyTreeScan } from './events.js';
import { defaultWorkerCount, workerBundleUrl } from '../sources/worker-entry.js';
import { prestartScanWorkers } from '../sources/worker-prestart.js';

// The rest of the Action is imported only after the scan workers are on their way: loading this bundle takes a few
// hundred milliseconds, which the workers spend loading theirs on the other cores.
if (likelyTreeScan(process.env)) prestartScanWorkers(workerBundleUrl(import.meta.url, 'worker/index.js'), defaultWorkerCount());
void import('./run.js').then(({ runAction }) => runAction(process.env));
