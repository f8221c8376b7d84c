import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { CONFIG_FILE_NAMES, GITLEAKS_CONFIG, GITLEAKS_IGNORE, importGitleaks, loadBaseline, loadConfig, parseConfig, defaultConfig, type KeywardConfig } from '../engine/index.js';
import type { Plan } from './events.js';
import type { ActionInputs } from './inputs.js';

/** A file's text at a commit, or undefined when the commit has no such file. */
function readAtCommit(repoDir: string, commit: string, path: string): string | undefined {
  try {
    return execFileSync('git', ['show', `${commit}:${path}`], { cwd: repoDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

function inRepo(workspace: string, path: string): string | undefined {
  const rel = relative(workspace, resolve(workspace, path)).split('\\').join('/');
  return rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

/**
 * The config and baseline that judge the scan. For a pull request they come from the base commit: otherwise the PR
 * could switch off a rule, allowlist its own secret or add its fingerprint to the baseline, and pass the check that
 * judges it. Changes to them take effect once merged.
 */
export function loadPolicy(workspace: string, inputs: ActionInputs, plan: Plan, runnerTemp: string): { config: KeywardConfig; baseline?: Set<string> } {
  if (plan.kind !== 'diff') {
    const config = loadConfig({ repoDir: workspace, path: inputs.config ? join(workspace, inputs.config) : undefined });
    const baseline = inputs.baseline ? loadBaseline(resolve(workspace, inputs.baseline)) : undefined;
    return { config, baseline };
  }
  const base = plan.base;
  const short = base.slice(0, 7);
  let config: KeywardConfig | undefined;
  const names = inputs.config ? [inputs.config] : [...CONFIG_FILE_NAMES];
  for (const name of names) {
    const rel = inRepo(workspace, name);
    const text = rel === undefined ? undefined : readAtCommit(workspace, base, rel);
    if (text === undefined || rel === undefined) continue;
    config = parseConfig(text, `${rel} (at base ${short})`);
    core.info(`Config: ${rel} as of the base commit ${short}.`);
    const head = existsSync(join(workspace, rel)) ? readFileSync(join(workspace, rel), 'utf8') : undefined;
    if (head !== text) core.notice(`This pull request changes ${rel}; the base commit's version applies until it is merged.`);
    break;
  }
  if (!config && !inputs.config) {
    const imported = importGitleaks((name) => readAtCommit(workspace, base, name));
    if (imported) core.info(`Config: ${imported.files.join(' and ')} (gitleaks) as of the base commit ${short}.`);
    config = imported?.config;
  }
  if (!config) {
    config = defaultConfig();
    const added = [...names, ...(inputs.config ? [] : [GITLEAKS_CONFIG, GITLEAKS_IGNORE])].find((name) => existsSync(join(workspace, name)));
    if (added) core.notice(`This pull request adds ${added}; it applies once merged. The defaults judge this pull request.`);
  }
  let baseline: Set<string> | undefined;
  if (inputs.baseline) {
    const rel = inRepo(workspace, inputs.baseline);
    if (rel === undefined) {
      baseline = loadBaseline(inputs.baseline);
    } else {
      const text = readAtCommit(workspace, base, rel);
      if (text === undefined) {
        core.notice(`The baseline ${rel} is not in the base commit ${short}; no finding is accepted by baseline in this pull request.`);
      } else {
        const copy = join(mkdtempSync(join(runnerTemp, 'keyward-baseline-')), 'baseline');
        writeFileSync(copy, text);
        baseline = loadBaseline(copy);
        const head = existsSync(join(workspace, rel)) ? readFileSync(join(workspace, rel), 'utf8') : undefined;
        if (head !== text) core.notice(`This pull request changes the baseline ${rel}; the base commit's version applies until it is merged.`);
      }
    }
  }
  return { config, baseline };
}
