// Prefilter micro-benchmark: MB/s of the keyword prefilter's walks (JS, and WebAssembly with 1, 2, 4 or 8 lanes) with
// every built-in rule's keywords, over real files (a public repository's unique blobs, as bench/real-content writes
// them) one scan per file, and over one big buffer, next to floors measured in the same run: reading the same files
// (readFileSync, page cache warm) and a JS loop summing the same bytes. Each figure is the best of three, in CPU time of this thread (the machine is shared) and wall time.
//
//   node bench/engine/prefilter.mjs [DIR] [--megabytes N]
//
// DIR defaults to /tmp/keyward-real-content/jquery+jquery (`node bench/real-content/run.mjs` writes it); the first N
// (default 200) MB of its files, in path order, are read into memory.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadEngineInternals } from './internals.mjs';

const args = process.argv.slice(2);
const megabytesAt = args.indexOf('--megabytes');
const megabytes = megabytesAt >= 0 ? Number(args[megabytesAt + 1]) : 200;
const dir = args.find((arg, i) => !arg.startsWith('--') && i !== megabytesAt + 1) ?? '/tmp/keyward-real-content/jquery+jquery';

function readFiles(root, budget) {
  const files = [];
  const paths = [];
  let bytes = 0;
  const walk = (at) => {
    for (const name of readdirSync(at).sort()) {
      if (bytes >= budget) return;
      const path = join(at, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else if (info.isFile()) {
        files.push(readFileSync(path));
        paths.push(path);
        bytes += info.size;
      }
    }
  };
  walk(root);
  return { files, paths, bytes };
}

const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
/** Best of three runs of `fn` over `bytes` bytes, as [CPU MB/s, wall MB/s]. */
function rate(bytes, fn) {
  let cpu = Infinity;
  let wall = Infinity;
  for (let i = 0; i < 3; i++) {
    const [c, w] = [cpuMs(), performance.now()];
    fn();
    cpu = Math.min(cpu, cpuMs() - c);
    wall = Math.min(wall, performance.now() - w);
  }
  return [bytes / 1e3 / cpu, bytes / 1e3 / wall].map((mbs) => mbs.toFixed(0));
}

const { builtinRules, KeywordPrefilter } = await loadEngineInternals();
const keywords = [...new Set(builtinRules.flatMap((rule) => rule.keywords.map((k) => k.toLowerCase())))];
const { files, paths, bytes } = readFiles(dir, megabytes * 1e6);
const big = Buffer.concat(files.slice(0, Math.min(files.length, 4000)));
console.log(`prefilter: ${keywords.length} keywords; ${files.length} files of ${dir}, ${(bytes / 1e6).toFixed(0)} MB; one buffer of ${(big.length / 1e6).toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

let sink = 0;
const sum = (buffer) => {
  let s = 0;
  for (let i = 0; i < buffer.length; i++) s = (s + buffer[i]) | 0;
  sink ^= s;
};
const readFloor = rate(bytes, () => {
  for (const path of paths) sink ^= readFileSync(path).length;
});
const walks = [
  ['floor: JS byte sum', { scan: (buffer) => sum(buffer) }],
  ['JS walk (4 lanes)', new KeywordPrefilter(keywords, { walk: 'js' })],
  ...[1, 2, 4, 8].map((lanes) => [`wasm walk, ${lanes} lane${lanes > 1 ? 's' : ''}${lanes === 4 ? ' (default)' : ''}`, new KeywordPrefilter(keywords, { walk: 'wasm', wasmSizes: { lanes } })]),
];
let hits = 0;
const count = () => hits++;
console.log('| walk | files, CPU MB/s | files, wall MB/s | big buffer, CPU MB/s | big buffer, wall MB/s |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| floor: reading the files (readFileSync) | ${readFloor.join(' | ')} | | |`);
for (const [name, filter] of walks) {
  const perFile = rate(bytes, () => {
    for (const file of files) filter.scan(file, count);
  });
  const whole = rate(big.length, () => filter.scan(big, count));
  console.log(`| ${name} | ${perFile.join(' | ')} | ${whole.join(' | ')} |`);
}
if (sink === 0.5) console.log(hits);
