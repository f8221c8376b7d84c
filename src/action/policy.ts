import { resolve } from 'node:path';
import * as core from '@actions/core';
import { info } from './log.js';
import { CONFIG_FILE_NAMES, ConfigError, GITLEAKS_CONFIG, GITLEAKS_IGNORE, importGitleaks, parseBaseline, parseConfig, defaultConfig, type KeywardConfig } from '../engine/index.js';
import { POLICY_FILE_MAX_BYTES, REPORT_FILE_MAX_BYTES, readRegularFile, readRepoFile, repoRelative, type SafeRead } from '../sources/safe-fs.js';
import type { Plan } from './events.js';
import type { ActionInputs } from './inputs.js';

/** Where a policy file named by an input is read: a workspace path (at a commit, or the work tree) or the runner's disk. */
type PolicyLocation = { inRepo: string } | { onDisk: string };

function locate(workspace: string, input: string): PolicyLocation {
  const rel = repoRelative(workspace, input);
  return rel === undefined ? { onDisk: resolve(workspace, input) } : { inRepo: rel };
}

/**
 * Reads a policy file: from the base commit on a pull request (the PR cannot change it), from the work tree otherwise
 * (never through a link), and from the runner's disk when the input names a path outside the workspace.
 */
function readPolicyFile(workspace: string, where: PolicyLocation, at: string | undefined, maxBytes: number): SafeRead {
  if ('onDisk' in where) return readRegularFile(where.onDisk, { maxBytes });
  return readRepoFile(workspace, where.inRepo, { at, maxBytes });
}

function shownOf(where: PolicyLocation): string {
  return 'onDisk' in where ? where.onDisk : where.inRepo;
}

/** A file named by an input must be read: anything else fails the run with the path and the reason. */
function required(read: SafeRead, input: string): string {
  if (read.ok) return read.text;
  throw new ConfigError([{ file: input, line: 1, column: 1, field: '(file)', message: read.message }]);
}

/** On a pull request: a notice when the PR's own copy of a policy file differs from the base's, which is what applies. */
function noticeIfChanged(workspace: string, rel: string, baseText: string, what: string): void {
  const head = readRepoFile(workspace, rel, { maxBytes: REPORT_FILE_MAX_BYTES });
  if (!head.ok && head.reason === 'missing') return;
  if (!head.ok || head.text !== baseText) core.notice(`This pull request changes ${what}; the base commit's version applies until it is merged.`);
}

function loadConfigFor(workspace: string, inputs: ActionInputs, at: string | undefined): KeywardConfig {
  const short = at?.slice(0, 7);
  if (inputs.config) {
    const where = locate(workspace, inputs.config);
    const useAt = 'inRepo' in where ? at : undefined;
    const read = readPolicyFile(workspace, where, useAt, POLICY_FILE_MAX_BYTES);
    if (useAt && !read.ok && read.reason === 'missing') {
      core.notice(`The config ${shownOf(where)} is not in the base commit ${short}; the defaults judge this pull request.`);
      return defaultConfig();
    }
    const text = required(read, shownOf(where));
    if (useAt && 'inRepo' in where) {
      info(`Config: ${where.inRepo} as of the base commit ${short}.`);
      noticeIfChanged(workspace, where.inRepo, text, where.inRepo);
    } else info(`Config: ${shownOf(where)}.`);
    return parseConfig(text, useAt ? `${shownOf(where)} (at base ${short})` : shownOf(where));
  }
  for (const name of CONFIG_FILE_NAMES) {
    const read = readRepoFile(workspace, name, { at });
    if (!read.ok && read.reason === 'missing') continue;
    const text = required(read, name);
    if (at) {
      info(`Config: ${name} as of the base commit ${short}.`);
      noticeIfChanged(workspace, name, text, name);
    }
    return parseConfig(text, at ? `${name} (at base ${short})` : name);
  }
  // No Keyward config: a gitleaks one (.gitleaks.toml, .gitleaksignore) is mapped, read the same safe way.
  const imported = importGitleaks((name) => {
    const read = readRepoFile(workspace, name, { at });
    return read.ok ? read.text : undefined;
  });
  if (imported) {
    info(`Config: ${imported.files.join(' and ')} (gitleaks)${at ? ` as of the base commit ${short}` : ''}.`);
    return imported.config;
  }
  if (at) {
    const added = [...CONFIG_FILE_NAMES, GITLEAKS_CONFIG, GITLEAKS_IGNORE].find((name) => readRepoFile(workspace, name).ok);
    if (added) core.notice(`This pull request adds ${added}; it applies once merged. The defaults judge this pull request.`);
  }
  return defaultConfig();
}

function loadBaselineFor(workspace: string, input: string, at: string | undefined): Set<string> | undefined {
  const where = locate(workspace, input);
  const useAt = 'inRepo' in where ? at : undefined;
  const read = readPolicyFile(workspace, where, useAt, REPORT_FILE_MAX_BYTES);
  if (useAt && !read.ok && read.reason === 'missing') {
    core.notice(`The baseline ${shownOf(where)} is not in the base commit ${useAt.slice(0, 7)}; no finding is accepted by baseline in this pull request.`);
    return undefined;
  }
  if (!read.ok) throw new Error(`baseline ${read.message}`);
  if (useAt && 'inRepo' in where) noticeIfChanged(workspace, where.inRepo, read.text, `the baseline ${where.inRepo}`);
  return parseBaseline(read.text, shownOf(where));
}

/**
 * The config and baseline that judge the scan. For a pull request they come from the base commit: otherwise the PR
 * could switch off a rule, allowlist its own secret or add its fingerprint to the baseline, and pass the check that
 * judges it. Changes to them take effect once merged. Inputs naming a path outside the workspace are read from the
 * runner's disk on every event, and a named file that cannot be read fails the run with its path.
 */
export function loadPolicy(workspace: string, inputs: ActionInputs, plan: Plan): { config: KeywardConfig; baseline?: Set<string> } {
  const at = plan.kind === 'diff' ? plan.base : undefined;
  const config = loadConfigFor(workspace, inputs, at);
  const baseline = inputs.baseline ? loadBaselineFor(workspace, inputs.baseline, at) : undefined;
  return { config, baseline };
}
