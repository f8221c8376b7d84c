// History scans of real repositories next to their `git cat-file --batch-all-objects --batch` floor, taken in the
// same run: `node bench/history/real.mjs <git-dir>... [--strategies auto,patches,blobs] [--repeat N] [--partial 100k]`.
// Each git dir (bare mirrors are fine) is scanned in place, read-only, with all refs. With --partial, each is also
// cloned as a partial clone (`--filter=blob:limit=<size>`, under /tmp/history/) whose promisor remote is then made
// unreachable, so the blobs it lacks stay missing: the scan must keep everything else and list what it could not read.
// Prints figures; never fails on slowness.
// Example: node bench/history/real.mjs /work/.mirror/jquery+jquery/repo /work/.mirror/redis+redis/repo
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { importHistoryBundle } from './bundle.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const at = argv.indexOf(name);
  if (at === -1) return fallback;
  const [value] = argv.splice(at, 2).slice(1);
  return value;
};
const strategies = option('--strategies', 'auto').split(',');
const repeat = Number(option('--repeat', '1'));
const partial = option('--partial', undefined);
const { url, createScanner, defaultConfig, scanHistory, regexEngineDescription } = await importHistoryBundle();

/**
 * A bare partial clone of `dir` made once under /tmp/history/: the objects `--filter=blob:limit=<size>` keeps, packed
 * from the mirror directly (`git clone --filter` refuses, as upload-pack stops at the mirror's own missing blobs),
 * marked as a partial clone of a promisor remote that does not exist, so the blobs it lacks stay missing.
 */
function partialClone(dir, name) {
  const target = `/tmp/history/${name}-partial-${partial}`;
  if (!existsSync(join(target, 'packed-refs'))) {
    mkdirSync('/tmp/history', { recursive: true });
    execFileSync('git', ['init', '-q', '--bare', target]);
    execFileSync('sh', ['-c', `git -C "${dir}" rev-list --objects --all --filter=blob:limit=${partial} --missing=allow-any | git -C "${dir}" pack-objects -q --missing=allow-any "${target}/objects/pack/pack" >/dev/null`]);
    for (const [key, value] of [['core.repositoryformatversion', '1'], ['extensions.partialclone', 'origin'], ['remote.origin.url', `${target}-gone`], ['remote.origin.promisor', 'true']]) execFileSync('git', ['-C', target, 'config', key, value]);
    writeFileSync(join(target, 'packed-refs'), execFileSync('git', ['-C', dir, 'for-each-ref', '--format=%(objectname) %(refname)']));
  }
  return target;
}

/** CPU seconds of this process (all threads) and of its children that have exited (git), from /proc. */
function cpuSeconds() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[13]) + Number(fields[14]); // cutime, cstime
  const self = process.cpuUsage();
  return (self.user + self.system) / 1e6 + ticks / 100;
}

async function best(fn) {
  let min = Infinity;
  let cpu = Infinity;
  let value;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    const cpuStart = cpuSeconds();
    value = await fn();
    min = Math.min(min, (performance.now() - start) / 1000);
    cpu = Math.min(cpu, cpuSeconds() - cpuStart);
  }
  return { seconds: min, cpu, value };
}

const scanner = createScanner();
const workers = { entry: url, config: defaultConfig() };
console.log(`Regex engine: ${regexEngineDescription()}; load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores`);
const targets = argv.flatMap((dir) => {
  const name = basename(dir) === 'repo' ? basename(dirname(dir)) : basename(dir);
  return partial ? [{ dir, name }, { dir: partialClone(dir, name), name: `${name}, partial clone (blob:limit=${partial}, remote gone)` }] : [{ dir, name }];
});
for (const { dir, name } of targets) {
  const floor = await best(() => Number(execFileSync('sh', ['-c', `git -C "${dir}" cat-file --batch-all-objects --batch | wc -c`], { encoding: 'utf8' }).trim()));
  const blobBytes = Number(execFileSync('sh', ['-c', `git -C "${dir}" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectsize)' | awk '$1=="blob"{s+=$2} END{print s}'`], { encoding: 'utf8' }).trim());
  console.log(`\n${name}: ${(blobBytes / 1e6).toFixed(0)} MB of blobs in the object store; load average ${loadavg()[0].toFixed(1)}`);
  console.log('| what | seconds | x floor | CPU seconds | x floor CPU | commits | findings | not-scanned notices |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  console.log(`| git cat-file --batch-all-objects --batch (floor, ${(floor.value / 1e6).toFixed(0)} MB out) | ${floor.seconds.toFixed(2)} | 1.00 | ${floor.cpu.toFixed(1)} | 1.00 | | | |`);
  for (const strategy of strategies) {
    const run = await best(() => scanHistory({ repoDir: dir, scanner, workers, ...(strategy === 'auto' ? {} : { strategy }) }));
    const { stats, findings, notices } = run.value;
    console.log(`| keyward scanHistory, ${strategy}${strategy === "auto" ? ` (chose ${stats.strategy?.strategy}: ${stats.strategy?.reason})` : ""} | ${run.seconds.toFixed(2)} | ${(run.seconds / floor.seconds).toFixed(2)} | ${run.cpu.toFixed(1)} | ${(run.cpu / floor.cpu).toFixed(2)} | ${stats.commits} | ${findings.length} | ${notices.filter((n) => n.unscanned).length} |`);
    for (const notice of notices.filter((n) => n.kind === 'missing-object')) console.log(`  - ${notice.message.slice(0, 200)}`);
    console.log(`  - blobs ${stats.blobs}, ${(stats.bytes / 1e6).toFixed(0)} MB scanned, ${stats.threads ?? 1} thread(s)`);
  }
}
