#!/usr/bin/env node
// Builds the Action and CLI bundles into dist/ with @vercel/ncc; `--check` builds into a temporary folder and fails
// when dist/ differs, so CI catches a stale bundle. dist/native (the prebuilt re2 addons, see build-native.mjs) is kept
// across builds and checked against the sha256 sums in scripts/native.json; a missing one is built. `--check-native`
// also rebuilds every addon in a temporary folder and fails unless each is byte-identical to its recorded sum.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTarget, cacheDir, readManifest } from './build-native.mjs';
import { wasmPath } from './build-wasm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');
const entries = [
  { source: 'src/action/main.ts', out: '.' },
  { source: 'src/action/post.ts', out: 'post' },
  { source: 'src/action/credentials-main.ts', out: 'credentials' },
  // The CLI is npm's `bin`: without a shebang the shell runs it as a script (`import: not found`).
  { source: 'src/cli/index.ts', out: 'cli', banner: '#!/usr/bin/env node\n' },
  { source: 'src/sources/scan-worker.ts', out: 'worker' },
];

const target = check ? mkdtempSync(join(tmpdir(), 'keyward-dist-')) : join(root, 'dist');
if (!check) {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(target)) if (name !== 'native') rmSync(join(target, name), { recursive: true, force: true });
}
mkdirSync(target, { recursive: true });
const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
for (const entry of entries) {
  if (!existsSync(join(root, entry.source))) {
    console.error(`package: ${entry.source} is missing`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'keyward-ncc-'));
  // re2 stays external: the bundle loads a prebuilt addon from dist/native for its Node ABI, else the re2 package when
  // one is installed for the running Node, else re2js (see src/engine/regex.ts).
  execFileSync(process.execPath, [ncc, 'build', join(root, entry.source), '-o', work, '-e', 're2', '--license', 'licenses.txt', '--quiet', '--no-source-map-register'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const dest = join(target, entry.out);
  mkdirSync(dest, { recursive: true });
  cpSync(work, dest, { recursive: true });
  if (entry.banner) {
    const bundle = join(dest, 'index.js');
    writeFileSync(bundle, entry.banner + readFileSync(bundle, 'utf8').replace(/^#![^\n]*\n/, ''));
    chmodSync(bundle, 0o755);
  }
  rmSync(work, { recursive: true, force: true });
}
writeFileSync(join(target, 'package.json'), '{\n  "type": "module"\n}\n');

/** Each prebuilt addon the manifest lists, as [target, file, recorded sha256]. */
const manifest = readManifest();
const natives = Object.entries(manifest.targets).map(([name, sha256]) => [name, join(root, 'dist', 'native', name, 're2.node'), sha256]);
const sha256Of = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const nativeProblems = [];
for (const [name, file, sha256] of natives) {
  const cached = join(cacheDir, name, 're2.node');
  if (!check && (!existsSync(file) || sha256Of(file) !== sha256)) {
    if (existsSync(cached) && sha256Of(cached) === sha256) {
      mkdirSync(dirname(file), { recursive: true });
      cpSync(cached, file);
    } else buildTarget(name, join(root, 'dist', 'native'));
  }
  if (!existsSync(file)) nativeProblems.push(`dist/native/${name}/re2.node is missing`);
  else if (sha256Of(file) !== sha256) nativeProblems.push(`dist/native/${name}/re2.node has sha256 ${sha256Of(file)}, scripts/native.json records ${sha256}`);
}
// RE2 as WebAssembly is built only where emscripten is (scripts/build-wasm.mjs), never here: CI has none.
if (manifest.wasm) {
  const wasm = join(root, 'dist', 'native', wasmPath);
  if (!existsSync(wasm)) nativeProblems.push(`dist/native/${wasmPath} is missing (node scripts/build-wasm.mjs builds it)`);
  else if (sha256Of(wasm) !== manifest.wasm) nativeProblems.push(`dist/native/${wasmPath} has sha256 ${sha256Of(wasm)}, scripts/native.json records ${manifest.wasm}`);
}
if (process.argv.includes('--check-native')) {
  const scratch = mkdtempSync(join(tmpdir(), 'keyward-native-'));
  for (const [name, , sha256] of natives) {
    const rebuilt = buildTarget(name, scratch);
    if (rebuilt !== sha256) nativeProblems.push(`a fresh build of ${name} has sha256 ${rebuilt}, scripts/native.json records ${sha256}`);
  }
  rmSync(scratch, { recursive: true, force: true });
}
if (nativeProblems.length > 0) {
  console.error(`dist/native: ${nativeProblems.join('; ')}`);
  process.exitCode = 1;
}

if (check) {
  const list = (dir) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true })
          .map(String)
          .filter((p) => !p.startsWith('native') && statSync(join(dir, p)).isFile())
          .sort()
      : [];
  const built = list(target);
  const committed = list(join(root, 'dist'));
  const differing = [...new Set([...built, ...committed])].filter((path) => {
    const a = join(target, path);
    const b = join(root, 'dist', path);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  rmSync(target, { recursive: true, force: true });
  if (differing.length > 0) {
    console.error(`dist/ is stale: ${differing.length} file(s) differ from a fresh build: ${differing.slice(0, 10).join(', ')}\nRun \`npm run package\` and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build${nativeProblems.length === 0 ? ` and dist/native matches scripts/native.json (${natives.length} addon(s))` : ''}`);
} else {
  console.log(`built ${entries.map((e) => relative(root, join(target, e.out, 'index.js'))).join(', ')}`);
}
