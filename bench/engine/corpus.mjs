// Builds a realistic corpus of at least 200 MB under bench/.work/corpus (reused while its version matches): real
// source text from the installed dependencies, package-lock files full of integrity hashes, go.sum files, minified
// bundles (single long lines), JSON API fixtures, base64 blobs, and planted fake secrets of several families.
// Random parts come from a seeded generator, so two builds on the same dependencies are the same.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const corpusDir = join(root, 'bench', '.work', 'corpus');
const VERSION = '2';
const TARGET = 210 * 1024 * 1024;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = ALNUM + '+/';
const HEX = '0123456789abcdef';

/** mulberry32: a seeded generator, so the corpus is reproducible. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x100000000;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    int,
    pick: (items) => items[int(items.length)],
    string: (alphabet, length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
      return out;
    },
    /** Base64 text as bytes, filled directly (fast for megabytes). */
    base64Bytes: (length) => {
      const table = Buffer.from(BASE64);
      const out = Buffer.allocUnsafe(length);
      for (let i = 0; i < length; i++) out[i] = table[int(64)];
      return out;
    },
  };
}

function* sourceFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.isFile() && /\.(?:[cm]?js|ts|md|json|ya?ml)$/.test(entry.name) && !entry.name.endsWith('.min.js')) yield path;
  }
}

/** Fake secrets in their providers' formats, written the way they leak: config lines, env files, URLs, key files. */
const plants = [
  (r) => `AWS_ACCESS_KEY_ID=AKIA${r.string('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
  (r) => `aws_secret_access_key = ${r.string(BASE64, 40)}`,
  (r) => `SLACK_BOT_TOKEN=xoxb-${r.string('0123456789', 12)}-${r.string('0123456789', 13)}-${r.string(ALNUM, 24)}`,
  (r) => `STRIPE_SECRET_KEY=sk_live_${r.string(ALNUM, 32)}`,
  (r) => `DATABASE_URL=postgres://app:${r.string(ALNUM, 20)}@db.internal.acme.net:5432/app`,
  (r) => `SENDGRID_API_KEY=SG.${r.string(ALNUM, 22)}.${r.string(ALNUM, 43)}`,
  (r) => `DB_PASSWORD="${r.string(ALNUM + '!#%', 18)}"`,
  (r) => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => r.string(BASE64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----`,
];

export function ensureCorpus() {
  const marker = join(corpusDir, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8').startsWith(`v${VERSION} `)) return corpusDir;
  rmSync(corpusDir, { recursive: true, force: true });
  mkdirSync(corpusDir, { recursive: true });
  const r = createRandom(20260201);
  let total = 0;
  const write = (path, content) => {
    const full = join(corpusDir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    total += Buffer.byteLength(content);
  };
  // Real source code, docs and JSON from the dependencies: about 55% of the corpus.
  for (const path of sourceFiles(join(root, 'node_modules'))) {
    if (total >= TARGET * 0.55) break;
    const size = statSync(path).size;
    if (size > 4 * 1024 * 1024 || size === 0) continue;
    write(join('src', relative(join(root, 'node_modules'), path)), readFileSync(path));
  }
  // Lockfiles: package-lock.json with sha512 integrity hashes and resolved URLs, and go.sum lines.
  for (let f = 0; f < 6; f++) {
    const packages = {};
    for (let i = 0; i < 25000; i++) {
      const name = `pkg-${f}-${i}`;
      packages[`node_modules/${name}`] = { version: `1.${i % 50}.${i % 7}`, resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`, integrity: `sha512-${createHash('sha512').update(name).digest('base64')}`, license: 'MIT' };
    }
    write(`lockfiles/app-${f}/package-lock.json`, JSON.stringify({ name: `app-${f}`, lockfileVersion: 3, packages }, null, 2));
    const sum = [];
    for (let i = 0; i < 20000; i++) sum.push(`github.com/acme/mod-${f}-${i} v1.${i % 30}.0 h1:${r.string(BASE64, 43)}=`);
    write(`lockfiles/svc-${f}/go.sum`, sum.join('\n') + '\n');
  }
  // JSON API fixtures: many small objects with ids, hashes and timestamps.
  for (let f = 0; f < 40; f++) {
    const items = Array.from({ length: 2500 }, (_, i) => ({ id: `${r.string(HEX, 8)}-${r.string(HEX, 4)}-4${r.string(HEX, 3)}-a${r.string(HEX, 3)}-${r.string(HEX, 12)}`, sha: r.string(HEX, 40), name: `item ${i}`, tags: ['a', 'b'], createdAt: '2026-01-01T00:00:00Z' }));
    write(`fixtures/api-${f}.json`, JSON.stringify({ items }, null, 2));
  }
  // Minified bundles: real JS with newlines folded into one long line per file.
  let bundle = 0;
  for (const path of sourceFiles(join(root, 'node_modules', 'typescript'))) {
    if (total >= TARGET * 0.85) break;
    if (!path.endsWith('.js')) continue;
    write(`dist/bundle-${bundle++}.min.js`, readFileSync(path, 'utf8').replace(/\n\s*/g, ';'));
  }
  // Base64 blobs (embedded assets, fixtures), wrapped at 76 columns.
  let blob = 0;
  while (total < TARGET) {
    const raw = r.base64Bytes(3 * 1024 * 1024);
    const lines = [];
    for (let i = 0; i < raw.length; i += 76) lines.push(raw.subarray(i, i + 76));
    write(`assets/blob-${blob++}.b64`, Buffer.concat(lines.flatMap((line) => [line, Buffer.from('\n')])));
  }
  // Planted fake secrets, so the scan does real reporting work too.
  for (let i = 0; i < 400; i++) write(`config/service-${i}/${r.pick(['.env', 'settings.yml', 'config.py'])}`, `# service ${i}\nLOG_LEVEL=info\n${plants[i % plants.length](r)}\n`);
  writeFileSync(marker, `v${VERSION} ${total}`);
  return corpusDir;
}

/** Bytes in the corpus, as recorded when it was built. */
export function corpusBytes() {
  return Number(readFileSync(join(corpusDir, '.complete'), 'utf8').split(' ')[1]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = ensureCorpus();
  console.log(`corpus ready: ${dir} (${(corpusBytes() / 1e6).toFixed(0)} MB)`);
}
