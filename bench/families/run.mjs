// Recall and false alarms per provider family on examples Keyward's authors did not write: Kingfisher's rule examples
// (639 families) and trufflehog's detector pattern tests (870+ families), read from local mirrors at pinned commits
// (extract.mjs). Each example is written to its own file and the tree is scanned by the built CLI
// (dist/cli/index.js, `npm run package` first) and by the gitleaks approximation of bench/leaks (gitleaks' default
// config imported and run on Keyward's engine with Keyward's rules off). An example counts as found when its file gets
// a finding; a negative example (Kingfisher's negative_examples, trufflehog's cases that expect nothing) that gets one
// is a false alarm. *Realistic* leaves out examples whose text is placeholder-shaped (xxxx, EXAMPLE, fake, your_key, <...>,
// abcdefg, 9876543, a1b2c3, abcd1234efgh5678).
//
//   node bench/families/run.mjs [--source kingfisher|trufflehog] [--misses] [--alarms] [--both-filters] [--json FILE] [--without RULE,...]
//
// --misses lists the missed realistic examples per family (their text stays on this machine's terminal; nothing of it
// is written into the repository), --alarms the negatives that raised a finding, --json writes per-family figures, --without leaves those rules' findings out (what a rule buys and costs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gitleaksConfig, scanTree, workDir } from '../leaks/corpora.mjs';
import { kingfisherCases, sources, trufflehogCases } from './extract.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const only = option('--source');
const gitleaksSource = { repo: 'gitleaks/gitleaks', commit: 'b58d3f102cf3a2c84cb7f923d05c25c9b1aed84b', path: 'config/gitleaks.toml', keepBuiltin: [] };

const PLACEHOLDER = /x{5,}|example|placeholder|fake|your[-_ ]?(?:api|access|secret|token|key|password)|<[A-Za-z][\w .-]*>|\*{4,}|0{12,}|(.)\1{11,}|a1b2c3|abc123|123abc|([a-z0-9])\2{3,}(?!\2)([a-z0-9])\3{3,}(?!\3)([a-z0-9])\4{3,}/i;

/** The lengths of the stretches where each character counts on from the one `gap` before it (digits, letters in any case). */
function countedRuns(text, gap, step) {
  const code = (char) => (/[a-z0-9]/i.test(char) ? char.toLowerCase().charCodeAt(0) : undefined);
  const runs = [];
  let run = gap;
  for (let i = gap; i <= text.length; i++) {
    const from = code(text[i - gap] ?? '');
    const to = code(text[i] ?? '');
    if (from !== undefined && to !== undefined && to - from === step && (from <= 57) === (to <= 57)) run++;
    else {
      if (run > gap) runs.push(run);
      run = gap;
    }
  }
  return runs;
}

/**
 * Placeholder-shaped: the words above, or characters counted out rather than drawn, as Keyward's placeholder check
 * (src/rules/values/placeholders.ts, isCountedOut) judges them: 7 or more counting up or down (abcdefg, 9876543), two
 * interleaved counts (a1b2c3d4, 1a2b3c4d), three counted runs of four (abcd1234efgh5678).
 */
function placeholderShaped(text) {
  if (PLACEHOLDER.test(text)) return true;
  const longest = (gap, step) => Math.max(0, ...countedRuns(text, gap, step));
  if (longest(1, 1) >= 7 || longest(1, -1) >= 7 || longest(2, 1) >= 8 || longest(2, -1) >= 8) return true;
  return [...countedRuns(text, 1, 1), ...countedRuns(text, 1, -1)].filter((run) => run >= 4).length >= 3;
}

/**
 * The earlier filter (until 69d1ca4): the words without `fake` and the triple runs, and only a run of 7 counting up.
 * `--both-filters` prints recall under it too, since an outside measurer may count counted-out values as real.
 */
const EARLIER_PLACEHOLDER = /x{5,}|example|placeholder|your[-_ ]?(?:api|access|secret|token|key|password)|<[A-Za-z][\w .-]*>|\*{4,}|0{12,}|(.)\1{11,}|a1b2c3|abc123|123abc/i;
function earlierPlaceholderShaped(text) {
  if (EARLIER_PLACEHOLDER.test(text)) return true;
  const lower = text.toLowerCase();
  let run = 1;
  for (let i = 1; i < lower.length; i++) {
    run = lower.charCodeAt(i) - lower.charCodeAt(i - 1) === 1 && /[a-z0-9]/.test(lower[i]) ? run + 1 : 1;
    if (run >= 7) return true;
  }
  return false;
}

/** Writes each case to its own file; returns the tree and the file names in case order. */
function writeCases(cases, dir) {
  mkdirSync(dir, { recursive: true });
  return cases.map((entry, index) => {
    const name = `case-${String(index).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, name), entry.text.endsWith('\n') ? entry.text : `${entry.text}\n`);
    return name;
  });
}

/** `--without a,b`: findings of these rule ids are left out, to see what each rule buys in recall and costs in alarms. */
const without = new Set((option('--without') ?? '').split(',').filter(Boolean));

function flaggedFiles(report) {
  const flagged = new Map();
  for (const finding of report.findings ?? []) {
    if (without.has(finding.ruleId ?? finding.rule)) continue;
    const file = (finding.path ?? finding.location?.path ?? '').split('/').pop();
    if (!flagged.has(file)) flagged.set(file, []);
    flagged.get(file).push(finding.ruleId ?? finding.rule);
  }
  return flagged;
}

function percent(part, whole) {
  return whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a';
}

function scoreSource(name, cases, work, gitleaks) {
  const dir = join(work, name);
  const files = writeCases(cases, dir);
  const keyward = flaggedFiles(scanTree(cli, dir, join(work, `${name}-keyward.json`)));
  const approx = gitleaks.config ? flaggedFiles(scanTree(cli, dir, join(work, `${name}-gitleaks.json`), gitleaks.config)) : undefined;
  const families = new Map();
  const rows = cases.map((entry, index) => ({ ...entry, realistic: entry.positive && !placeholderShaped(entry.text), earlier: entry.positive && !earlierPlaceholderShaped(entry.text), keyward: keyward.get(files[index]), gitleaks: approx?.get(files[index]) }));
  for (const row of rows) {
    if (!families.has(row.family)) families.set(row.family, { positives: 0, realistic: 0, found: 0, foundRealistic: 0, gitleaksRealistic: 0, negatives: 0, alarms: 0, gitleaksAlarms: 0 });
    const family = families.get(row.family);
    if (row.positive) {
      family.positives++;
      family.found += row.keyward ? 1 : 0;
      if (row.realistic) {
        family.realistic++;
        family.foundRealistic += row.keyward ? 1 : 0;
        family.gitleaksRealistic += row.gitleaks ? 1 : 0;
      }
    } else {
      family.negatives++;
      family.alarms += row.keyward ? 1 : 0;
      family.gitleaksAlarms += row.gitleaks ? 1 : 0;
    }
  }
  return { name, rows, families };
}

function summarise({ name, rows, families }) {
  const sum = (key) => [...families.values()].reduce((total, family) => total + family[key], 0);
  const covered = [...families.values()].filter((family) => family.realistic > 0);
  const fully = (key) => covered.filter((family) => family[key] === family.realistic).length;
  const source = sources[name];
  console.log(`\n${name} (${source.repo}@${source.commit.slice(0, 7)}): ${families.size} families, ${sum('positives')} examples (${sum('realistic')} realistic), ${sum('negatives')} negatives`);
  console.log('| scanner | recall (realistic) | families fully found | false alarms on negatives |');
  console.log('|---|---|---:|---|');
  console.log(`| Keyward | ${percent(sum('found'), sum('positives'))} (${percent(sum('foundRealistic'), sum('realistic'))}) | ${fully('foundRealistic')} of ${covered.length} | ${percent(sum('alarms'), sum('negatives'))} (${sum('alarms')}) |`);
  console.log(`| gitleaks≈ | (${percent(sum('gitleaksRealistic'), sum('realistic'))} realistic) | ${fully('gitleaksRealistic')} of ${covered.length} | ${percent(sum('gitleaksAlarms'), sum('negatives'))} (${sum('gitleaksAlarms')}) |`);
  if (argv.includes('--both-filters')) {
    const earlier = rows.filter((row) => row.earlier);
    const found = (key) => earlier.filter((row) => row[key]).length;
    console.log(`under the earlier filter (counted-out values kept): Keyward ${percent(found('keyward'), earlier.length)} (${found('keyward')} of ${earlier.length}), gitleaks≈ ${percent(found('gitleaks'), earlier.length)}`);
  }
  const gitleaksOnly = covered.filter((family) => family.gitleaksRealistic === family.realistic && family.foundRealistic < family.realistic).length;
  console.log(`families gitleaks≈ fully finds and Keyward does not: ${gitleaksOnly}`);
  if (argv.includes('--misses')) {
    console.log(`\nmissed realistic examples (${name}):`);
    for (const row of rows.filter((r) => r.realistic && !r.keyward)) console.log(`  ${row.family}${row.gitleaks ? ' [gitleaks≈ finds]' : ''}: ${JSON.stringify(row.text.slice(0, 160))}`);
  }
  if (argv.includes('--alarms')) {
    console.log(`\nnegatives that raised a finding (${name}):`);
    for (const row of rows.filter((r) => !r.positive && r.keyward)) console.log(`  ${row.family} ${row.keyward.join(',')}: ${JSON.stringify(row.text.slice(0, 160))}`);
  }
}

const work = workDir();
try {
  const gitleaks = gitleaksConfig(gitleaksSource, cli, join(work, 'gitleaks'));
  if (gitleaks.skipped) console.log(`gitleaks approximation: skipped, ${gitleaks.skipped}`);
  const results = [];
  for (const [name, read] of [['kingfisher', kingfisherCases], ['trufflehog', trufflehogCases]]) {
    if (only && only !== name) continue;
    const { cases, skipped } = read();
    if (skipped) {
      console.log(`${name}: skipped, ${skipped}`);
      continue;
    }
    const result = scoreSource(name, cases, work, gitleaks);
    summarise(result);
    results.push({ name, families: Object.fromEntries(result.families) });
  }
  const json = option('--json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
