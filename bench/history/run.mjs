// History-scan benchmark: a 10,000-commit repository (generated with fast-import, see generate.mjs) scanned with
// scanHistory, next to `git cat-file --batch-all-objects --batch` on the same repository as the floor; then diff mode
// on a 50-file pull request. Prints figures; never fails on slowness. `node bench/history/run.mjs [commits]`
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { importHistoryBundle, work as benchWork } from './bundle.mjs';
import { ensureHistoryRepo } from './generate.mjs';

const commits = Number(process.argv[2] ?? 10_000);

// The engine and git sources bundled as shipped (ncc, native RE2 beside it), shared with real.mjs.
const { url: bundleUrl, createScanner, defaultConfig, scanHistory, scanDiff } = await importHistoryBundle();
const work = benchWork;

const generating = performance.now();
const { dir, planted } = await ensureHistoryRepo(work, commits);
const generated = (performance.now() - generating) / 1000;
const git = (...args) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
const commitCount = Number(git('rev-list', '--all', '--count'));
const packBytes = Number(/size-pack: (\d+)/.exec(git('count-objects', '-v'))[1]) * 1024;

function best(fn, repeat = 3) {
  let min = Infinity;
  let value;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    value = fn();
    min = Math.min(min, (performance.now() - start) / 1000);
  }
  return { seconds: min, value };
}
async function bestAsync(fn, repeat = 3) {
  let min = Infinity;
  let value;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    value = await fn();
    min = Math.min(min, (performance.now() - start) / 1000);
  }
  return { seconds: min, value };
}

const floor = best(() => execFileSync('sh', ['-c', `git -C "${dir}" cat-file --batch-all-objects --batch | wc -c`], { encoding: 'utf8' }).trim());
const scanner = createScanner();
const workers = { entry: bundleUrl, config: defaultConfig(), count: 2 };
const patches = await bestAsync(() => scanHistory({ repoDir: dir, scanner }));
const blobsOnWorkers = await bestAsync(() => scanHistory({ repoDir: dir, scanner, strategy: 'blobs', workers }), 1);
const blobsInThread = await bestAsync(() => scanHistory({ repoDir: dir, scanner, strategy: 'blobs' }), 1);
const blobStats = blobsInThread.value.stats;
const mb = blobStats.bytes / 1e6;
const row = (name, run) => console.log(`| ${name} (${run.value.findings.length} findings, ${run.value.notices.length} notices) | ${run.seconds.toFixed(2)} | ${(mb / run.seconds).toFixed(0)} | ${(run.seconds / floor.seconds).toFixed(2)} |`);

console.log(`\nHistory scan: ${commitCount} commits, ${blobStats.blobs} unique blobs, ${mb.toFixed(1)} MB of unique blob content, pack ${(packBytes / 1e6).toFixed(1)} MB${generated > 1 ? ` (generated in ${generated.toFixed(1)} s)` : ''}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
console.log('| what | seconds | MB/s of unique blobs | x floor |');
console.log('|---|---:|---:|---:|');
console.log(`| git cat-file --batch-all-objects --batch (floor, ${(Number(floor.value) / 1e6).toFixed(0)} MB out) | ${floor.seconds.toFixed(2)} | ${(mb / floor.seconds).toFixed(0)} | 1.00 |`);
row(`keyward scanHistory, default 'patches' strategy (${(patches.value.stats.bytes / 1e6).toFixed(1)} MB of added lines scanned)`, patches);
row("keyward scanHistory, 'blobs' strategy, 2 worker threads each with its own cat-file", blobsOnWorkers);
row("keyward scanHistory, 'blobs' strategy, in-thread, one cat-file", blobsInThread);
const aws = patches.value.findings.filter((f) => f.ruleId === 'aws-access-key-id').length;
console.log(`Planted fake AWS keys: ${planted}, found: ${aws}${patches.value.findings.length > aws ? ` (the other ${patches.value.findings.length - aws} findings are generic-assignment hits on generated code)` : ''}`);

// Diff mode: a 50-file pull request of 5 commits on a hardlinked local clone.
const prDir = join(work, 'history-pr');
rmSync(prDir, { recursive: true, force: true });
execFileSync('git', ['clone', '-q', '--local', '--no-checkout', dir, prDir]);
const pr = (...args) => execFileSync('git', ['-C', prDir, '-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
pr('checkout', '-q', '-b', 'pr', 'origin/main');
const files = pr('ls-files').split('\n').filter((p) => /\.(js|ts|py|go)$/.test(p)).slice(0, 50);
for (let round = 0; round < 5; round++) {
  for (const [i, path] of files.entries()) {
    if (i % 5 !== round) continue;
    execFileSync('sh', ['-c', `printf '%s\\n' ${Array.from({ length: 30 }, (_, n) => `'const added${round}_${n} = compute(${n}, "value-${i}");'`).join(' ')} >> "${join(prDir, path)}"`]);
  }
  pr('commit', '-q', '-am', `PR step ${round}`);
}
const base = pr('rev-parse', 'origin/main');
const diff = await bestAsync(() => scanDiff({ repoDir: prDir, scanner, base, head: 'HEAD' }), 5);
console.log(`\nDiff mode (PR of ${diff.value.stats.commits} commits touching ${files.length} files, ${(diff.value.stats.bytes / 1e3).toFixed(0)} kB added): ${(diff.seconds * 1000).toFixed(0)} ms (goal < 1000 ms, Node start-up excluded)`);
if (!existsSync(join(prDir, '.git'))) process.exitCode = 1;
