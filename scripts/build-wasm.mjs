#!/usr/bin/env node
// Builds RE2 as one WebAssembly file, dist/native/wasm/re2.wasm, for the runners where no native addon loads (macOS,
// Windows): RE2 and abseil from the re2 package's vendor/ (the sources its binding.gyp lists), plus Keyward's small
// C API (scripts/re2-wasm/api.cc), with Debian's emscripten (3.1.6). Standalone wasm, no filesystem, growable memory,
// so src/engine/re2-wasm.ts instantiates it with a handful of imports and no emscripten JavaScript. Reproducible:
// fixed flags, source paths mapped to fixed prefixes; prints the sha256 and, with --write, stores it in
// scripts/native.json (as "wasm"), which `npm run check-dist` verifies. CI has no emscripten and never runs this.
//
//   node scripts/build-wasm.mjs [--out DIR] [--write]
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const manifestPath = join(root, 'scripts', 'native.json');
/** dist/native/wasm/re2.wasm, as src/engine/re2-wasm.ts looks for it. */
export const wasmPath = join('wasm', 're2.wasm');

/** What the JavaScript side calls (src/engine/re2-wasm.ts). */
const exported = ['keyward_compile', 'keyward_error', 'keyward_free_pattern', 'keyward_scan', 'keyward_alloc', 'keyward_free'];

/**
 * RE2's and abseil's sources as the re2 package's binding.gyp lists them for every platform (its own lib/ is the Node
 * binding; the Windows-only files come later, under "conditions").
 */
function vendorSources(re2Dir) {
  const gyp = readFileSync(join(re2Dir, 'binding.gyp'), 'utf8').split('"conditions"')[0];
  return [...gyp.matchAll(/"(vendor\/[^"]+\.cc)"/g)].map((m) => m[1]);
}

async function compileAll(work, sources, jobs) {
  const flags = ['-O3', '-std=c++2a', '-DNDEBUG', '-fno-exceptions', '-Ivendor/re2', '-Ivendor/abseil-cpp', `-ffile-prefix-map=${work}=/re2`, '-Wno-everything'];
  const objects = sources.map((source, i) => join('obj', `${i}.o`));
  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const i = next++;
      await run('em++', [...flags, '-c', sources[i], '-o', objects[i]], { cwd: work, maxBuffer: 1 << 24 });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return objects;
}

/** Builds into `out/wasm/re2.wasm`; returns its sha256. */
export async function buildWasm(out) {
  const re2Dir = dirname(require.resolve('re2/package.json'));
  const work = join(tmpdir(), 'keyward-wasm');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'obj'), { recursive: true });
  cpSync(join(re2Dir, 'vendor'), join(work, 'vendor'), { recursive: true });
  cpSync(join(root, 'scripts', 're2-wasm', 'api.cc'), join(work, 'api.cc'));
  // abseil's Mutex waits with pthreads under emscripten (futex on Linux, which binding.gyp lists).
  const sources = ['api.cc', ...vendorSources(re2Dir), 'vendor/abseil-cpp/absl/synchronization/internal/pthread_waiter.cc'];
  console.log(`build-wasm: ${sources.length} sources from re2 ${require('re2/package.json').version}`);
  const objects = await compileAll(work, sources, Number(process.env.KEYWARD_NATIVE_JOBS ?? '2'));
  const file = join(out, wasmPath);
  mkdirSync(dirname(file), { recursive: true });
  const link = [
    '-O3', '--no-entry', '-sSTANDALONE_WASM=1', '-sFILESYSTEM=0', '-sALLOW_MEMORY_GROWTH=1', '-sMAXIMUM_MEMORY=4GB',
    '-sINITIAL_MEMORY=4MB', '-sTOTAL_STACK=1MB', '-sERROR_ON_UNDEFINED_SYMBOLS=1',
    `-sEXPORTED_FUNCTIONS=${exported.map((name) => `_${name}`).join(',')}`,
  ];
  await run('em++', [...link, ...objects, '-o', file], { cwd: work, env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  rmSync(work, { recursive: true, force: true });
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  console.log(`build-wasm: ${file} sha256 ${sha256}`);
  return sha256;
}

async function main() {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--out');
  const out = at === -1 ? join(root, 'dist', 'native') : argv[at + 1];
  const sha256 = await buildWasm(out);
  if (argv.includes('--write')) {
    const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : { targets: {} };
    manifest.wasm = sha256;
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`build-wasm: wrote ${manifestPath}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
