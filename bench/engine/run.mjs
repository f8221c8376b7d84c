// Tree-scan benchmark: MB/s of the bundled CLI on the corpus, next to `cat` of the same files as the floor, for each
// regex backend and with/without worker threads; then the keyword prefilter alone against an RE2.Set of the same
// keywords. Prints figures; never fails on slowness.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCorpus } from './corpus.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');
if (!existsSync(cli)) {
  console.error('bench: dist/cli/index.js is missing; run `npm run package` first');
  process.exit(0);
}
const corpus = ensureCorpus();
const bytes = Number(readFileSync(join(corpus, '.complete'), 'utf8'));
const mb = bytes / 1e6;
const best = (runs) => Math.min(...runs);

function time(fn, repeat = 2) {
  const runs = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    fn();
    runs.push((performance.now() - start) / 1000);
  }
  return best(runs);
}

const catSeconds = time(() => execFileSync('sh', ['-c', `find "${corpus}" -type f -print0 | xargs -0 cat > /dev/null`]));
const rows = [['cat (floor)', catSeconds]];
const backendOf = (env) => (/regex (\S+?)[:)]/.exec(spawnSync(process.execPath, [cli, '--version'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout) ?? [])[1] ?? '?';
const variants = [
  [`keyward, ${backendOf({})}, 2 workers`, {}],
  [`keyward, ${backendOf({})}, in-thread`, { KEYWARD_WORKERS: '0' }],
  ['keyward, re2js (as the Action bundle runs), 2 workers', { KEYWARD_REGEX: 're2js' }],
  ['keyward, re2js (as the Action bundle runs), in-thread', { KEYWARD_REGEX: 're2js', KEYWARD_WORKERS: '0' }],
];
let version = '';
for (const [name, env] of variants) {
  let findings = 0;
  const seconds = time(() => {
    const run = spawnSync(process.execPath, [cli, 'scan', corpus, '--format', 'json', '--quiet', '--no-block-long-lived', '--fail-on', 'info'], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    if (run.status !== 0 && run.status !== 1) throw new Error(`scan failed: ${run.stderr}`);
    findings = JSON.parse(run.stdout).summary.total;
  });
  version ||= spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' }).stdout.trim();
  rows.push([`${name} (${findings} findings)`, seconds]);
}

console.log(`\nTree scan: ${mb.toFixed(0)} MB in ${readdirSync(corpus, { recursive: true }).length} entries; ${version}`);
console.log('| what | seconds | MB/s | x floor |');
console.log('|---|---:|---:|---:|');
for (const [name, seconds] of rows) console.log(`| ${name} | ${seconds.toFixed(2)} | ${(mb / seconds).toFixed(0)} | ${(seconds / catSeconds).toFixed(2)} |`);

// The prefilter alone vs RE2.Set over the same in-memory buffers.
const { builtinRules } = await import(pathToFileURL(join(root, 'bench', '.work', 'engine-internals.mjs')).href).catch(() => ({}));
if (builtinRules) {
  const { KeywordPrefilter } = await import(pathToFileURL(join(root, 'bench', '.work', 'engine-internals.mjs')).href);
  const keywords = [...new Set(builtinRules.flatMap((r) => r.keywords))];
  const files = [];
  let total = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (total < 100e6) {
        const content = readFileSync(path);
        files.push(content);
        total += content.length;
      }
    }
  };
  walk(corpus);
  const prefilter = new KeywordPrefilter(keywords);
  let hits = 0;
  const acSeconds = time(() => {
    for (const file of files) prefilter.scan(file, () => hits++);
  }, 3);
  const out = [['Aho-Corasick prefilter (this engine)', acSeconds]];
  try {
    const RE2 = createRequire(join(root, 'package.json'))('re2');
    const escaped = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const set = new RE2.Set(escaped, 'i');
    const setSeconds = time(() => {
      for (const file of files) set.match(file);
    }, 3);
    out.push(['RE2.Set of the same keywords (which match, no positions)', setSeconds]);
  } catch (error) {
    out.push([`RE2.Set unavailable: ${String(error.message).split('\n')[0].slice(0, 60)}`, NaN]);
  }
  console.log(`\nPrefilter: ${keywords.length} keywords over ${(total / 1e6).toFixed(0)} MB in memory, one core`);
  console.log('| what | seconds | MB/s |');
  console.log('|---|---:|---:|');
  for (const [name, seconds] of out) console.log(`| ${name} | ${seconds.toFixed(2)} | ${(total / 1e6 / seconds).toFixed(0)} |`);
}
