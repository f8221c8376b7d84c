// `npm run bench`: builds the small internals bundle the micro-benchmarks import, then runs each benchmark.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = join(root, 'bench', '.work');
mkdirSync(work, { recursive: true });
const entry = join(work, 'engine-internals.ts');
writeFileSync(entry, "export { builtinRules } from '../../src/rules/index.js';\nexport { KeywordPrefilter } from '../../src/engine/prefilter.js';\n");
execFileSync(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', join(work, 'engine-internals'), '--quiet'], { cwd: root, stdio: 'inherit' });
execFileSync('sh', ['-c', `cp "${join(work, 'engine-internals', 'index.js')}" "${join(work, 'engine-internals.mjs')}"`]);

for (const script of ['engine/run.mjs', 'history/run.mjs']) {
  const path = join(root, 'bench', script);
  if (existsSync(path)) execFileSync(process.execPath, [path], { stdio: 'inherit' });
}
