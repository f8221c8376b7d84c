// Builds a benchmark repository with `git fast-import`: a source tree of a few hundred realistic text files edited
// over 10,000+ commits (small edits, new files, deletions, renames, side branches merged back), then repacked with
// deltas the way a real clone is. A handful of commits plant fake AWS keys (generated here, never written down).
import { execFileSync, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = ('request response handler config value result error status message user account token session cache ' +
  'buffer stream client server router module export import default return const let function async await class ' +
  'interface type string number boolean object array promise callback event listener options settings timeout retry ' +
  'limit offset page total items index count length update create delete fetch parse format validate render').split(' ');

function rng(seed) {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    state = (state ^ (state >>> 13)) >>> 0;
    return state % n;
  };
}

const pick = (random, list) => list[random(list.length)];

function codeLine(random, ext) {
  const a = pick(random, WORDS);
  const b = pick(random, WORDS);
  const c = pick(random, WORDS);
  const n = random(10000);
  switch (ext === 'md' ? 9 : random(10)) {
    case 0: return `  const ${a}${b[0].toUpperCase()}${b.slice(1)} = await ${c}(${a}, { ${b}: ${n} });`;
    case 1: return `  if (${a}.${b} > ${n}) throw new Error('${a} ${b} ${c} too large');`;
    case 2: return `  // ${a} the ${b} before the ${c} so that the ${pick(random, WORDS)} stays consistent`;
    case 3: return `  return ${a}.map((${b}) => ${b}.${c}).filter(Boolean);`;
    case 4: return `export function ${a}${n}(${b}, ${c}) {`;
    case 5: return `  ${a}: '${b}-${c}-${n.toString(16)}',`;
    case 6: return `}`;
    case 7: return `  logger.debug(\`${a} \${${b}} took \${Date.now() - started} ms\`);`;
    case 8: return `  "${a}_${b}": ${n},`;
    default: return `The ${a} ${b} is ${c} when the ${pick(random, WORDS)} has ${n} ${pick(random, WORDS)}s.`;
  }
}

function newFile(random, ext) {
  const lines = [];
  const count = 40 + random(260);
  for (let i = 0; i < count; i++) lines.push(codeLine(random, ext));
  return lines;
}

const awsKey = () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let key = 'AKIA';
  for (let i = 0; i < 16; i++) key += alphabet[randomInt(alphabet.length)];
  return key;
};

/** Returns the repository directory, generating it once (a marker file records the commit count). */
export async function ensureHistoryRepo(workDir, commits = 10_000) {
  const dir = join(workDir, `history-${commits}`);
  const marker = join(dir, '.git', 'keyward-bench-complete');
  if (existsSync(marker)) return { dir, planted: Number(readFileSync(marker, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const child = spawn('git', ['-C', dir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise((resolve, reject) => child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`fast-import exit ${code}`)))));
  const chunks = [];
  let pendingBytes = 0;
  const write = async (text) => {
    chunks.push(text);
    pendingBytes += text.length;
    if (pendingBytes > 1 << 20) {
      const ok = child.stdin.write(chunks.join(''));
      chunks.length = 0;
      pendingBytes = 0;
      if (!ok) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
  };
  const random = rng(20260101);
  const exts = ['js', 'ts', 'py', 'md', 'json', 'yml', 'go'];
  const files = new Map();
  let nextId = 0;
  const addFile = () => {
    const ext = pick(random, exts);
    const path = `${pick(random, ['src', 'lib', 'pkg', 'docs', 'test', 'tools'])}/${pick(random, WORDS)}/${pick(random, WORDS)}-${nextId++}.${ext}`;
    files.set(path, newFile(random, ext));
    return path;
  };
  for (let i = 0; i < 300; i++) addFile();
  let mark = 0;
  let time = Date.parse('2018-01-01T00:00:00Z') / 1000;
  let planted = 0;
  const blob = (lines) => {
    const data = Buffer.from(lines.join('\n') + '\n');
    return `data ${data.length}\n${data.toString('latin1')}\n`;
  };
  const commit = async (branch, message, changes, parents) => {
    mark += 1;
    time += 600 + random(7200);
    const author = pick(random, ['Ada Lovelace <ada@example.com>', 'Alan Turing <alan@example.com>', 'Grace Hopper <grace@example.com>', 'Linus Example <linus@example.com>']);
    let text = `commit refs/heads/${branch}\nmark :${mark}\nauthor ${author} ${time} +0000\ncommitter ${author} ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`;
    if (parents[0]) text += `from :${parents[0]}\n`;
    for (const parent of parents.slice(1)) text += `merge :${parent}\n`;
    await write(text + changes.join('') + '\n');
    return mark;
  };
  const edit = (path) => {
    const lines = files.get(path);
    const at = random(lines.length);
    const ext = path.slice(path.lastIndexOf('.') + 1);
    const removed = random(3);
    const added = [];
    for (let i = random(6) + 1; i > 0; i--) added.push(codeLine(random, ext));
    lines.splice(at, removed, ...added);
    return `M 100644 inline ${path}\n${blob(lines)}`;
  };
  // Initial import.
  let head = await commit('main', 'Initial import', [...files.keys()].map((p) => `M 100644 inline ${p}\n${blob(files.get(p))}`), []);
  let made = 1;
  while (made < commits) {
    const paths = [...files.keys()];
    const changes = [];
    const roll = random(100);
    if (roll < 3) changes.push(`M 100644 inline ${addFile()}\n${blob(files.get([...files.keys()].at(-1)))}`);
    else if (roll < 4 && files.size > 100) {
      const gone = pick(random, paths);
      files.delete(gone);
      changes.push(`D ${gone}\n`);
    } else if (roll < 5) {
      const from = pick(random, paths);
      const to = from.replace(/-(\d+)\./, (_, id) => `-${id}r.`);
      if (!files.has(to)) {
        files.set(to, files.get(from));
        files.delete(from);
        changes.push(`R ${from} ${to}\n`);
      }
    }
    for (let i = random(3) + 1; i > 0; i--) changes.push(edit(pick(random, [...files.keys()])));
    if (made % 2000 === 1000) {
      // A fake key committed and removed again a few commits later: history must still find it.
      const key = awsKey();
      const path = 'config/deploy.env';
      files.set(path, [`AWS_ACCESS_KEY_ID=${key}`, 'REGION=eu-west-1']);
      changes.push(`M 100644 inline ${path}\n${blob(files.get(path))}`);
      planted += 1;
    } else if (made % 2000 === 1005) {
      files.delete('config/deploy.env');
      changes.push('D config/deploy.env\n');
    }
    if (made % 100 === 50 && made + 4 < commits) {
      // A short side branch merged back (merge commits are part of real histories).
      let side = await commit('side', `Start ${pick(random, WORDS)} work`, changes, [head]);
      side = await commit('side', `Continue ${pick(random, WORDS)} work`, [edit(pick(random, [...files.keys()]))], [side]);
      head = await commit('main', `Tweak ${pick(random, WORDS)}`, [edit(pick(random, [...files.keys()]))], [head]);
      head = await commit('main', 'Merge branch side', [edit(pick(random, [...files.keys()]))], [head, side]);
      made += 4;
      continue;
    }
    head = await commit('main', `${pick(random, ['Fix', 'Add', 'Update', 'Refactor', 'Tidy'])} ${pick(random, WORDS)} ${pick(random, WORDS)}`, changes, [head]);
    made += 1;
  }
  await write('done\n');
  child.stdin.end(chunks.join(''));
  await exited;
  execFileSync('git', ['-C', dir, 'repack', '-a', '-d', '-f', '--window=10', '--depth=50', '--quiet']);
  execFileSync('git', ['-C', dir, 'prune-packed']);
  writeFileSync(marker, String(planted));
  return { dir, planted };
}
