// Bundles the engine pieces the benchmarks call in-process (scanner, rules, prefilter) with ncc into bench/.work, so
// the figures are for the code as shipped (no TypeScript loader in the measured path). Rebuilt on every run: ncc takes
// a few seconds and a stale bundle would measure old code.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(root, 'bench', '.work');

export async function loadEngineInternals() {
  mkdirSync(work, { recursive: true });
  const entry = join(work, 'engine-internals.ts');
  writeFileSync(
    entry,
    "export { builtinRules } from '../../src/rules/index.js';\n" +
      "export { KeywordPrefilter } from '../../src/engine/prefilter.js';\n" +
      "export { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';\n",
  );
  const out = join(work, 'engine-internals');
  execFileSync(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', out, '--quiet'], { cwd: root, stdio: 'inherit' });
  copyFileSync(join(out, 'index.js'), join(work, 'engine-internals.mjs'));
  return import(pathToFileURL(join(work, 'engine-internals.mjs')).href);
}
