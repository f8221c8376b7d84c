// `npm run bench`: the engine benchmark (tree scan, prefilter) and, when present, the history benchmark.
// Each prints its own tables; a failing benchmark is reported and the next one still runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bench = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const script of ['engine/run.mjs', 'history/run.mjs']) {
  const path = join(bench, script);
  if (!existsSync(path)) continue;
  console.log(`\n== bench/${script}`);
  const run = spawnSync(process.execPath, [path], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`bench/${script} exited ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
