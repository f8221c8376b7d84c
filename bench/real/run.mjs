// Real-world accuracy: scans the full history of real public repositories with the built CLI (dist/cli/index.js) and
// checks every finding against the hand-made verdicts in verdicts.json. Prints, per family (rule provider), findings
// that are leaks, false alarms, untriaged findings, and the leaks listed there that the scan no longer finds.
//
//   node bench/real/run.mjs jquery/jquery=/path/to/jquery.git redis/redis=/path/to/redis.git
//
// Each path is a git repository (bare or not) holding the project's history; it is cloned to a temporary directory,
// so the source is never touched. Exit status 1 when a finding is untriaged or a listed leak is missed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'cli', 'index.js');
const { verdicts } = JSON.parse(readFileSync(join(here, 'verdicts.json'), 'utf8'));
const key = (repo, f) => `${repo} ${f.commit.slice(0, 12)} ${f.path}:${f.line} ${f.rule}`;
const known = new Map(verdicts.map((v) => [key(v.repo, v), v]));

function scanHistory(source) {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-real-'));
  try {
    execFileSync('git', ['clone', '--quiet', '--mirror', source, join(dir, 'repo.git')]);
    execFileSync('git', ['clone', '--quiet', join(dir, 'repo.git'), join(dir, 'work')]);
    const started = performance.now();
    // Exit status 1 only says findings failed the policy; the JSON report is what counts.
    try {
      execFileSync(process.execPath, [cli, 'scan', join(dir, 'work'), '--history', '--format', 'json', '--output', join(dir, 'report.json'), '--quiet', '--fail-on', 'critical', '--no-block-long-lived']);
    } catch (error) {
      if (error.status !== 1) throw error;
    }
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    return { findings: report.findings, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

let failed = false;
const families = new Map();
const family = (name) => families.get(name) ?? families.set(name, { leaks: 0, falseAlarms: 0, untriaged: 0, missed: 0 }).get(name);
for (const arg of process.argv.slice(2)) {
  const [repo, source] = arg.split('=');
  const { findings, seconds } = scanHistory(source);
  console.log(`${repo}: ${findings.length} findings in ${seconds.toFixed(0)} s`);
  const seen = new Set();
  for (const finding of findings) {
    const id = key(repo, { commit: finding.commit?.sha ?? '', path: finding.path, line: finding.line, rule: finding.ruleId });
    seen.add(id);
    const verdict = known.get(id);
    const counts = family(finding.provider);
    if (!verdict) {
      counts.untriaged += 1;
      failed = true;
      console.log(`  untriaged ${id}`);
    } else if (verdict.verdict === 'leak') counts.leaks += 1;
    else counts.falseAlarms += 1;
  }
  for (const verdict of verdicts.filter((v) => v.repo === repo && v.verdict === 'leak')) {
    if (seen.has(key(repo, verdict))) continue;
    family(verdict.rule).missed += 1;
    failed = true;
    console.log(`  missed ${key(repo, verdict)}`);
  }
}
console.log('\nfamily                         leaks  false alarms  untriaged  missed');
for (const [name, c] of [...families].sort()) console.log(`${name.padEnd(30)} ${String(c.leaks).padStart(5)} ${String(c.falseAlarms).padStart(13)} ${String(c.untriaged).padStart(10)} ${String(c.missed).padStart(7)}`);
process.exitCode = failed ? 1 : 0;
