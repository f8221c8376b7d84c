// Where the labelled corpora come from: public repositories at pinned commits, read from local bare mirrors (never
// fetched at run time, never vendored), written out to a temporary tree for the scan.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The mirrors' root: KEYWARD_MIRRORS, else /work/.mirror. A repository owner/name lives at <root>/owner+name/repo. */
export const mirrorRoot = process.env.KEYWARD_MIRRORS ?? '/work/.mirror';

/** The bare git directory holding `repo`, or undefined when there is no mirror of it. */
export function mirrorOf(repo) {
  const base = join(mirrorRoot, repo.replace('/', '+'));
  for (const dir of [join(base, 'repo'), base]) if (existsSync(join(dir, 'HEAD'))) return dir;
  return undefined;
}

function hasCommit(gitDir, commit) {
  try {
    execFileSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A temporary directory for one run. */
export function workDir() {
  return mkdtempSync(join(tmpdir(), 'keyward-leaks-'));
}

/** Writes the corpus's tree at its pinned commit under `into`; returns why it cannot when it cannot. */
export function extractTree(corpus, into) {
  const gitDir = mirrorOf(corpus.repo);
  if (!gitDir) return { skipped: `no mirror of ${corpus.repo} under ${mirrorRoot} (set KEYWARD_MIRRORS)` };
  if (!hasCommit(gitDir, corpus.commit)) return { skipped: `the mirror of ${corpus.repo} lacks commit ${corpus.commit.slice(0, 12)}` };
  mkdirSync(into, { recursive: true });
  execFileSync('sh', ['-c', 'git --git-dir="$1" archive "$2" | tar -x -C "$3"', 'sh', gitDir, corpus.commit, into]);
  return { dir: into };
}

/**
 * A Keyward config that runs gitleaks' default rules instead of Keyward's: gitleaks' config/gitleaks.toml at the pinned
 * commit, imported by `keyward config import-gitleaks`, with every built-in rule disabled except those `keepBuiltin`
 * names (none now: gitleaks' multi-line private-key rule matches, since custom rules whose pattern spans lines get a
 * multi-line window). Returns the config path, or why there is none.
 */
export function gitleaksConfig(source, cli, into) {
  const gitDir = mirrorOf(source.repo);
  if (!gitDir) return { skipped: `no mirror of ${source.repo} under ${mirrorRoot}, so no gitleaks approximation` };
  if (!hasCommit(gitDir, source.commit)) return { skipped: `the mirror of ${source.repo} lacks commit ${source.commit.slice(0, 12)}` };
  mkdirSync(into, { recursive: true });
  const toml = execFileSync('git', ['--git-dir', gitDir, 'show', `${source.commit}:${source.path}`], { maxBuffer: 1 << 26 });
  writeFileSync(join(into, '.gitleaks.toml'), toml);
  const imported = join(into, 'imported.yml');
  execFileSync(process.execPath, [cli, 'config', 'import-gitleaks', into, '--output', imported], { stdio: ['ignore', 'ignore', 'pipe'] });
  const rules = JSON.parse(execFileSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  const disable = rules.map((rule) => rule.id).filter((id) => !source.keepBuiltin.includes(id));
  const text = readFileSync(imported, 'utf8');
  if (!/^rules:\n/m.test(text)) throw new Error('the imported gitleaks config has no rules: section');
  const config = join(into, 'gitleaks-approx.yml');
  writeFileSync(config, text.replace(/^rules:\n/m, `rules:\n  disable:\n${disable.map((id) => `    - ${id}\n`).join('')}`));
  return { config, imported: rules.length - disable.length };
}

/** Scans `dir` with the built CLI (optionally with a config) and returns the JSON report. */
export function scanTree(cli, dir, report, config) {
  const args = [cli, 'scan', '.', '--format', 'json', '--output', report, '--quiet', '--fail-on', 'critical', '--no-block-long-lived'];
  if (config) args.push('--config', config);
  try {
    execFileSync(process.execPath, args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    // Exit status 1 only says findings failed the policy; the JSON report is what counts.
    if (error.status !== 1) throw error;
  }
  return JSON.parse(readFileSync(report, 'utf8'));
}
