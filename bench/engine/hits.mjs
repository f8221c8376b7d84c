// Where the engine's per-hit work goes on a real tree: keyword hits, windows and regex bytes per MB, and the keywords
// and rules that cost most. Runs the shipped engine pieces in one thread (bundled with ncc, like internals.mjs) and
// counts through wrappers: the prefilter's hit callback, the keyword forms, the windows collectWindows returns, the
// bytes each rule's compiled pattern is run over. Timings are in-process and only rank rules against each other.
//
//   node bench/engine/hits.mjs [TREE] [--top N] [--check]
//
// --check also scans every file the long way, each hit opening windows (no keyword forms) and each window run
// through its rule's pattern (no window checks), and compares the candidates: any that only the long way finds is
// printed (rule, path, offset), and would be a finding the shortcuts lost.
// TREE defaults to the real-content benchmark's jquery tree ($TMPDIR/keyward-real-content/jquery+jquery; build it with
// `node bench/real-content/run.mjs`). Prints figures; never fails on slowness.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const check = argv.includes('--check');
const top = argv.includes('--top') ? Number(argv[argv.indexOf('--top') + 1]) : 15;
const tree = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--top') ?? join(tmpdir(), 'keyward-real-content', 'jquery+jquery');

async function loadPieces() {
  const work = join(root, 'bench', '.work');
  mkdirSync(work, { recursive: true });
  const entry = join(work, 'engine-hits.ts');
  writeFileSync(
    entry,
    "export { planScanner } from '../../src/engine/plan.js';\n" +
      "export { collectWindows } from '../../src/engine/windows.js';\n" +
      "export { matchWindows } from '../../src/engine/match.js';\n" +
      "export { classifyContent, fileSyntax } from '../../src/engine/content.js';\n" +
      "export { regexBackends, ScanInput } from '../../src/engine/regex.js';\n" +
      "export { relaxedPattern } from '../../src/engine/relaxed.js';\n",
  );
  const out = join(work, 'engine-hits');
  execFileSync(process.execPath, [join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'), 'build', entry, '-o', out, '--quiet'], { cwd: root, stdio: 'inherit' });
  copyFileSync(join(out, 'index.js'), join(work, 'engine-hits.mjs'));
  return import(pathToFileURL(join(work, 'engine-hits.mjs')).href);
}

function listTree(dir, prefix = '', found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) listTree(join(dir, entry.name), prefix + entry.name + '/', found);
    else if (entry.isFile() && entry.name !== '.done') found.push(prefix + entry.name);
  }
  return found;
}

const tally = () => new Map();
const bump = (map, key, by = 1) => map.set(key, (map.get(key) ?? 0) + by);

const engine = await loadPieces();
const real = engine.regexBackends.default;
/** Regex bytes, runs and time per pattern, counted by a backend whose compiled patterns wrap the real ones. */
const regexBytes = tally();
const regexRuns = tally();
const regexTime = tally();
const compiles = tally();
const counting = {
  name: real.name,
  compile(pattern) {
    const started = performance.now();
    const compiled = real.compile(pattern);
    bump(compiles, pattern, performance.now() - started);
    return {
      scan(input, from, to, onMatch) {
        bump(regexBytes, pattern, to - from);
        bump(regexRuns, pattern);
        const started = performance.now();
        compiled.scan(input, from, to, onMatch);
        bump(regexTime, pattern, performance.now() - started);
      },
    };
  },
  // The relaxed tests run before a rule's own pattern (see src/engine/relaxed.ts), counted under the rule's pattern.
  compileTest(relaxed) {
    const pattern = ruleOfRelaxed.get(relaxed) ?? relaxed;
    const started = performance.now();
    const compiled = real.compileTest(relaxed);
    bump(compiles, pattern, performance.now() - started);
    return {
      test(input, from, to) {
        bump(regexBytes, pattern, to - from);
        bump(regexRuns, pattern);
        const started = performance.now();
        const matched = compiled.test(input, from, to);
        bump(regexTime, pattern, performance.now() - started);
        return matched;
      },
    };
  },
};
const plan = engine.planScanner({ backend: counting });
const ruleOfRelaxed = new Map(plan.rules.map((rule) => [engine.relaxedPattern(rule.pattern), rule.pattern]));
const index = plan.keywords;
const keywords = [];
index.rulesByKeyword.forEach((rules, i) => keywords.push(rules[0].rule.keywords.map((k) => k.toLowerCase()).find((k) => Buffer.byteLength(k) === index.prefilter.keywordLengths[i]) ?? `#${i}`));

// Counting wrappers around the index collectWindows reads.
const rawHits = tally();
const formChecks = tally();
const countingIndex = {
  scratch: index.scratch,
  ruleCount: index.ruleCount,
  rulesByKeyword: index.rulesByKeyword,
  formsOf(keyword) {
    bump(formChecks, keyword);
    return index.formsOf(keyword);
  },
  prefilter: {
    keywordLengths: index.prefilter.keywordLengths,
    scan(content, onHit) {
      index.prefilter.scan(content, (keyword, end) => {
        bump(rawHits, keyword);
        onHit(keyword, end);
      });
    },
  },
};

const windowsOf = tally();
const windowBytes = tally();
const ruleTime = tally();
const candidatesOf = tally();
let bytes = 0;
let files = 0;
let formless = 0;
let lost = 0;
/** The patterns of the long way (see --check), compiled apart from the counted ones. */
const longWay = new Map();
let prefilterTime = 0;
let collectTime = 0;
const paths = listTree(tree);
for (const path of paths) {
  const content = readFileSync(join(tree, path));
  const kind = engine.classifyContent(content, path, plan.config.maxFileSize);
  if (kind.kind !== 'text' && kind.kind !== 'binary') continue;
  const text = kind.kind === 'text' ? kind.text : content;
  files++;
  bytes += text.length;
  let started = performance.now();
  index.prefilter.scan(text, () => {});
  prefilterTime += performance.now() - started;
  let syntax;
  started = performance.now();
  const all = engine.collectWindows(countingIndex, text, path, () => (syntax ??= engine.fileSyntax(path, text)));
  collectTime += performance.now() - started;
  const windows = kind.kind === 'binary' ? all.filter((rule) => !rule.prepared.generic) : all;
  for (const ruleWindows of windows) {
    const id = ruleWindows.prepared.rule.id;
    bump(windowsOf, id, ruleWindows.windows.length);
    for (const window of ruleWindows.windows) bump(windowBytes, id, window.end - window.start);
    started = performance.now();
    bump(candidatesOf, id, engine.matchWindows(counting, text, [ruleWindows], []).length);
    bump(ruleTime, id, performance.now() - started);
  }
  if (check) compareWithLongWay(text, path, kind.kind === 'binary', windows);
}

/** The candidates of a scan whose every hit opens windows and every window is run, against those of the real one. */
function compareWithLongWay(text, path, binary, windows) {
  const key = (id, start, end) => `${id} ${start} ${end}`;
  const found = new Set(engine.matchWindows(real, text, windows, []).map((c) => key(c.prepared.rule.id, c.secretStart, c.secretEnd)));
  const everyHit = { ...index, formsOf: () => undefined };
  const all = engine.collectWindows(everyHit, text, path, () => engine.fileSyntax(path, text));
  const input = new engine.ScanInput(text);
  for (const { prepared, windows: list } of binary ? all.filter((rule) => !rule.prepared.generic) : all) {
    let compiled = longWay.get(prepared.rule.pattern);
    if (!compiled) longWay.set(prepared.rule.pattern, (compiled = real.compile(prepared.rule.pattern)));
    for (const window of list) {
      let matches = 0;
      compiled.scan(input, window.start, window.end, (match) => {
        if (match.secretEnd > match.secretStart) {
          formless++;
          if (!found.has(key(prepared.rule.id, match.secretStart, match.secretEnd))) {
            lost++;
            console.log(`LOST: ${prepared.rule.id} in ${path} at byte ${match.secretStart}`);
          }
        }
        return ++matches < 256;
      });
    }
  }
}

const sum = (map) => [...map.values()].reduce((a, b) => a + b, 0);
const mb = bytes / 1e6;
const perMb = (n) => (n / mb).toFixed(0);
const idOfPattern = new Map(plan.rules.map((rule) => [rule.pattern, rule.id]));
console.log(`${tree}: ${files} files scanned as text or binary, ${mb.toFixed(0)} MB, ${plan.rules.length} rules, ${keywords.length} keywords, regex ${real.name}`);
console.log(`per MB: ${perMb(sum(rawHits))} keyword hits, ${perMb(sum(formChecks))} past the settled check, ${perMb(sum(windowsOf))} windows (${perMb(sum(windowBytes) / 1000)} KB of windows), ${perMb(sum(regexRuns))} regex runs over ${perMb(sum(regexBytes) / 1000)} KB`);
console.log(`patterns compiled: ${compiles.size} in ${sum(compiles).toFixed(0)} ms; in-process ms: prefilter walk ${prefilterTime.toFixed(0)}, collectWindows ${collectTime.toFixed(0)} (walk included), matchWindows ${sum(ruleTime).toFixed(0)} (regex ${sum(regexTime).toFixed(0)})`);

if (check) console.log(`check: ${formless} candidates the long way, ${lost} of them not found the short way`);
const table = (title, head, rows) => {
  console.log(`\n${title}\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
};
const ranked = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
table('keywords by hits', ['keyword', 'hits/MB', 'past settled/MB', 'rules'], ranked(rawHits).map(([k, n]) => [JSON.stringify(keywords[k]), perMb(n), perMb(formChecks.get(k) ?? 0), index.rulesByKeyword[k].length]));
const ruleRow = ([id]) => [id, perMb(windowsOf.get(id) ?? 0), perMb((windowBytes.get(id) ?? 0) / 1000), perMb(regexRunsOf(id)), perMb(regexBytesOf(id) / 1000), candidatesOf.get(id) ?? 0, (ruleTime.get(id) ?? 0).toFixed(0)];
const patternOf = new Map(plan.rules.map((rule) => [rule.id, rule.pattern]));
const regexRunsOf = (id) => regexRuns.get(patternOf.get(id)) ?? 0;
const regexBytesOf = (id) => regexBytes.get(patternOf.get(id)) ?? 0;
const head = ['rule', 'windows/MB', 'window KB/MB', 'regex runs/MB', 'regex KB/MB', 'candidates', 'ms'];
table('rules by matchWindows time', head, ranked(ruleTime).map(ruleRow));
table('rules by windows', head, ranked(windowsOf).map(ruleRow));
table('patterns by compile time', ['rule', 'compile ms', 'regex runs/MB', 'candidates'], ranked(compiles).map(([pattern, ms]) => [idOfPattern.get(pattern), ms.toFixed(1), perMb(regexRuns.get(pattern) ?? 0), candidatesOf.get(idOfPattern.get(pattern)) ?? 0]));
