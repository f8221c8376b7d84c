// Builds a realistic corpus of at least 200 MB under bench/.work/corpus (reused when present): real source text
// from the installed dependencies, a synthetic lockfile full of integrity hashes, minified bundles (single long
// lines), base64 blobs, and a few planted fake secrets.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = join(root, 'bench', '.work', 'corpus');
const TARGET = 210 * 1024 * 1024;

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(?:[cm]?js|ts|md|json|ya?ml|d\.ts)$/.test(entry.name) && !entry.name.endsWith('.min.js')) yield path;
  }
}

export function ensureCorpus() {
  const marker = join(corpusDir, '.complete');
  if (existsSync(marker)) return corpusDir;
  mkdirSync(corpusDir, { recursive: true });
  let total = 0;
  const write = (path, content) => {
    const full = join(corpusDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    total += Buffer.byteLength(content);
  };
  // Real source code, docs and JSON: about 55% of the corpus.
  const sourceBudget = TARGET * 0.55;
  for (const path of sourceFiles(join(root, 'node_modules'))) {
    if (total >= sourceBudget) break;
    const size = statSync(path).size;
    if (size > 4 * 1024 * 1024 || size === 0) continue;
    write(join('src', relative(join(root, 'node_modules'), path)), readFileSync(path));
  }
  // Lockfiles: package-lock.json shaped, with sha512 integrity hashes and resolved URLs.
  for (let f = 0; f < 6; f++) {
    const packages = {};
    for (let i = 0; i < 25000; i++) {
      const name = `pkg-${f}-${i}`;
      packages[`node_modules/${name}`] = { version: `1.${i % 50}.${i % 7}`, resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`, integrity: `sha512-${createHash('sha512').update(name).digest('base64')}`, license: 'MIT' };
    }
    write(`lockfiles/app-${f}/package-lock.json`, JSON.stringify({ name: `app-${f}`, lockfileVersion: 3, packages }, null, 2));
  }
  // Minified bundles: real JS with newlines folded into one long line per file.
  let bundle = 0;
  for (const path of sourceFiles(join(root, 'node_modules', 'typescript'))) {
    if (total >= TARGET * 0.85) break;
    if (!path.endsWith('.js')) continue;
    const text = readFileSync(path, 'utf8').replace(/\n\s*/g, ';');
    write(`dist/bundle-${bundle++}.min.js`, text);
  }
  // Base64 blobs (embedded assets, certificates bundles, fixtures).
  let blob = 0;
  while (total < TARGET) write(`assets/blob-${blob++}.b64`, randomBytes(3 * 1024 * 1024).toString('base64').replace(/(.{76})/g, '$1\n'));
  // Planted fake secrets, so the scan does real reporting work too.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  for (let i = 0; i < 200; i++) {
    let key = 'AKIA';
    for (const byte of randomBytes(16)) key += alphabet[byte % 32];
    write(`config/service-${i}.env`, `# service ${i}\nAWS_ACCESS_KEY_ID=${key}\nDB_PASSWORD=${randomBytes(12).toString('base64url')}\n`);
  }
  writeFileSync(marker, String(total));
  return corpusDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = ensureCorpus();
  console.log(`corpus ready: ${dir} (${(Number(readFileSync(join(dir, '.complete'), 'utf8')) / 1e6).toFixed(0)} MB)`);
}
