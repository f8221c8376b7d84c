// Bundles the engine and git sources with ncc (as shipped: no TypeScript loader), with the git blob worker served
// from the same file, and imports it. Used by the history benchmarks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const work = join(root, 'bench', '.work');

export async function importHistoryBundle() {
  mkdirSync(work, { recursive: true });
  const entry = join(work, 'history-entry.ts');
  writeFileSync(
    entry,
    "import { serveGitWorkerIfAsked } from '../../src/sources/git/index.js';\nserveGitWorkerIfAsked();\n" +
      "export { createScanner, defaultConfig } from '../../src/engine/index.js';\nexport { scanHistory, scanDiff } from '../../src/sources/git/index.js';\n" +
      "export { regexEngineDescription } from '../../src/engine/index.js';\n",
  );
  execFileSync(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', join(work, 'history-bundle'), '--quiet'], { cwd: root, stdio: 'inherit' });
  cpSync(join(work, 'history-bundle', 'index.js'), join(work, 'history-bundle', 'index.mjs'));
  // The prebuilt RE2 addons, where the bundle looks for them (as dist/index.js does): without them it runs re2js.
  cpSync(join(root, 'dist', 'native'), join(work, 'history-bundle', 'native'), { recursive: true });
  const url = pathToFileURL(join(work, 'history-bundle', 'index.mjs')).href;
  return { url, ...(await import(url)) };
}
