import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { useProxyFromEnv } from '../net/proxy.js';
import { credentialsEvidenceFile } from './credentials.js';
import { readRepoContext, type RepoContext } from './github.js';
import { inputReader, readInputs, type ActionInputs } from './inputs.js';
import { writeOutputs } from './outputs-step.js';
import { publish } from './publish-step.js';
import { scan } from './scan-step.js';

/**
 * What every step of a run reads: the runner's environment, the checked inputs and where things go.
 *
 * What fails and what warns, the one rule: the run fails when its verdict fails (findings at or above fail-on,
 * long-lived credentials, blocking workflow-audit findings) or when Keyward cannot judge or record the scan as asked
 * (a bad input, a failed credential swap, an unreadable config, baseline or event, a scan or report file that cannot
 * be written). Everything that only tells people about the result (the PR comment, the check run, the secrets audit,
 * an unreadable previous report, a shallow history it cannot deepen) warns, and never changes the verdict.
 */
export interface RunContext {
  env: NodeJS.ProcessEnv;
  startedAt: Date;
  workspace: string;
  runnerTemp: string;
  inputs: ActionInputs;
  /** The credential swap's evidence, read by this run's evidence and by the post step. */
  credentialsFile: string;
  /** owner/repo and URLs from GITHUB_*; undefined outside a repository's workflow. */
  repo?: RepoContext;
}

export function runContext(env: NodeJS.ProcessEnv): RunContext {
  const runnerTemp = env.RUNNER_TEMP ?? tmpdir();
  return {
    env,
    startedAt: new Date(),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp,
    inputs: readInputs(runnerTemp, inputReader(env)),
    credentialsFile: credentialsEvidenceFile(env),
    repo: readRepoContext(env),
  };
}

/** The scanning Action: scan, publish, outputs. Resolves to pass or fail; a failure is also reported with setFailed. */
export async function runAction(env: NodeJS.ProcessEnv): Promise<'pass' | 'fail'> {
  try {
    await useProxyFromEnv(env);
    const ctx = runContext(env);
    const scanned = await scan(ctx);
    const published = await publish(ctx, scanned);
    return writeOutputs(scanned, published);
  } catch (error) {
    core.setFailed(`Keyward: ${error instanceof Error ? error.message : String(error)}`);
    return 'fail';
  }
}
