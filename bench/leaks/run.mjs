// Recall and false alarms on labelled corpora Keyward's authors did not write: a leaked-dotfiles benchmark, a
// hardcoded-secrets benchmark and real projects' source trees, each a public repository at a pinned commit (see
// verdicts.json). Every risky line and every finding was triaged by hand once; this re-scans with the built CLI
// (dist/cli/index.js, `npm run package`) and reports, per family, what Keyward finds next to an approximation of
// gitleaks (its default config/gitleaks.toml imported by `keyward config import-gitleaks`, run on Keyward's engine with
// Keyward's own rules off; not gitleaks itself, which this machine cannot run).
//
//   node bench/leaks/run.mjs [corpus...] [--check-readme | --write-readme]
//
// Nothing is fetched: the repositories are read from bare mirrors under KEYWARD_MIRRORS (default /work/.mirror,
// owner+name/repo); a corpus whose mirror is absent is skipped with a message. Exit status 1 when a finding is
// untriaged, a risky line found at triage is missed now, or the README check fails.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTree, gitleaksConfig, scanTree, workDir } from './corpora.mjs';
import { score } from './score.mjs';
import { familyTable, readmeBlock, syncReadme } from './table.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const cli = join(root, 'dist', 'cli', 'index.js');
const labels = JSON.parse(readFileSync(join(here, 'verdicts.json'), 'utf8'));
const args = process.argv.slice(2);
const readmeMode = args.includes('--write-readme') ? 'write' : args.includes('--check-readme') ? 'check' : undefined;
const wanted = args.filter((arg) => !arg.startsWith('--'));
const names = wanted.length ? wanted : Object.keys(labels.corpora);

// Each label names its repository and commit as well as its corpus: they must agree, or the labels are for another tree.
for (const entry of [...labels.lines, ...labels.findings]) {
  const corpus = labels.corpora[entry.corpus];
  if (!corpus || corpus.repo !== entry.repo || !corpus.commit.startsWith(entry.commit)) throw new Error(`verdicts.json: ${entry.corpus} ${entry.path}:${entry.line} names ${entry.repo}@${entry.commit}, not its corpus`);
}

if (!existsSync(cli)) {
  console.log(`bench/leaks: ${cli} is missing; run \`npm run package\` first. Skipped.`);
  process.exit(0);
}

function report(name, scanner, result) {
  const label = scanner === 'keyward' ? 'Keyward' : 'gitleaks≈';
  for (const line of result.untriaged) console.log(`  ${label} untriaged: ${line}`);
  for (const line of result.regressions) console.log(`  ${label} ${line}`);
  for (const line of result.improvements) console.log(`  ${label} ${line} (update verdicts.json)`);
  for (const line of result.gone) console.log(`  ${label} ${line}`);
  return result.untriaged.length + result.regressions.length;
}

function runCorpus(name, work, gitleaks) {
  const corpus = labels.corpora[name];
  if (!corpus) throw new Error(`no corpus named ${name} in verdicts.json`);
  const tree = extractTree(corpus, join(work, name));
  if (tree.skipped) {
    console.log(`${name}: skipped, ${tree.skipped}`);
    return undefined;
  }
  const results = {};
  let bytes = 0;
  let problems = 0;
  const timings = [];
  for (const scanner of gitleaks.config ? ['keyward', 'gitleaks'] : ['keyward']) {
    const started = performance.now();
    const scan = scanTree(cli, tree.dir, join(work, `${name}.${scanner}.json`), scanner === 'gitleaks' ? gitleaks.config : undefined);
    timings.push(`${scanner === 'keyward' ? 'Keyward' : 'gitleaks≈'} ${scan.findings.length} findings in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (scanner === 'keyward') bytes = scan.stats.bytes;
    results[scanner] = score(labels, name, scanner, scan.findings);
    problems += report(name, scanner, results[scanner]);
  }
  console.log(`\n${name} (${corpus.repo} @ ${corpus.commit.slice(0, 12)}, ${(bytes / 1e6).toFixed(1)} MB): ${timings.join('; ')}`);
  console.log(familyTable(results));
  return { name, results, bytes, problems };
}

function summarize(outcomes) {
  console.log('\ngitleaks≈ is an approximation, not gitleaks: gitleaks\' default rules imported by `keyward config import-gitleaks` and run by Keyward\'s engine with Keyward\'s own rules off.');
  if (!outcomes.length) {
    console.log('bench/leaks: no corpus could be scanned; nothing to report.');
    return true;
  }
  const block = readmeBlock(labels, outcomes);
  console.log(`\n${block}`);
  if (!readmeMode) return true;
  if (outcomes.length !== Object.keys(labels.corpora).length) {
    console.log('README not checked: some corpora were skipped');
    return true;
  }
  const synced = syncReadme(join(root, 'README.md'), block, readmeMode);
  console.log(synced.message);
  return synced.ok;
}

const work = workDir();
let failed = false;
try {
  const gitleaks = gitleaksConfig(labels.gitleaks, cli, join(work, 'gitleaks'));
  if (gitleaks.skipped) console.log(`gitleaks approximation: skipped, ${gitleaks.skipped}`);
  const outcomes = [];
  for (const name of names) {
    const outcome = runCorpus(name, work, gitleaks);
    if (!outcome) continue;
    outcomes.push(outcome);
    failed ||= outcome.problems > 0;
  }
  failed = !summarize(outcomes) || failed;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
