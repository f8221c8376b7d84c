#!/usr/bin/env node
// Builds the Action and CLI bundles into dist/ with @vercel/ncc; `--check` builds into a temporary folder and fails
// when dist/ differs, so CI catches a stale bundle.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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
if (!check) rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
const ncc = join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
for (const entry of entries) {
  if (!existsSync(join(root, entry.source))) {
    console.error(`package: ${entry.source} is missing`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), 'keyward-ncc-'));
  // re2 stays external: the native addon is tied to one Node ABI, so the bundle loads it when it is installed next to
  // it (the CLI from npm) and falls back to re2js otherwise (the Action on any runner).
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

if (check) {
  const list = (dir) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((p) => statSync(join(dir, p)).isFile()).map(String).sort() : []);
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
  console.log('dist/ matches a fresh build');
} else {
  console.log(`built ${entries.map((e) => relative(root, join(target, e.out, 'index.js'))).join(', ')}`);
}
