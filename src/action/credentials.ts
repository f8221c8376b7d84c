import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { inputReader } from './inputs.js';
import { parseSwapInputs, runSwap, wantsSwap, type CredentialRuntime, type SwapResult } from '../credentials/index.js';

/** The runner behind the credential swap: @actions/core's commands, RUNNER_TEMP, GITHUB_WORKSPACE. */
export function actionRuntime(env: NodeJS.ProcessEnv = process.env): CredentialRuntime {
  return {
    exportVariable: (name, value) => core.exportVariable(name, value),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => core.setOutput(name, value),
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
    env,
    getIDToken: (audience) => core.getIDToken(audience),
    tempDir: env.RUNNER_TEMP ?? tmpdir(),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    now: () => new Date(),
  };
}

/**
 * Reads the credential inputs and, when any cloud is configured, runs the guard and the swap. Returns undefined when
 * no swap was asked for. Throws CredentialError / SwapFailure for the caller to report with core.setFailed.
 */
export async function swapCredentialsFromInputs(options: { evidenceFile?: string; env?: NodeJS.ProcessEnv } = {}): Promise<SwapResult | undefined> {
  const env = options.env ?? process.env;
  const inputs = parseSwapInputs(inputReader(env), env);
  if (!wantsSwap(inputs)) return undefined;
  return runSwap(inputs, actionRuntime(env), { evidenceFile: options.evidenceFile });
}
