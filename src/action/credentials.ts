import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { withAliases } from '../credentials/aliases.js';
import { SwapFailure, evidenceSummary, parseSwapInputs, runSwap, wantsSwap, writeEvidence, type CredentialRuntime, type SwapResult } from '../credentials/index.js';
import { inputReader } from './inputs.js';
import { info } from './log.js';

/** The vendor actions' output names the credentials sub-action sets beside Keyward's (google-github-actions/auth). */
export const OUTPUT_ALIASES: Readonly<Record<string, string>> = { 'gcp-credentials-file': 'credentials_file_path', 'gcp-project-id': 'project_id' };

/** The runner behind the credential swap: @actions/core's commands, RUNNER_TEMP, GITHUB_WORKSPACE. */
export function actionRuntime(env: NodeJS.ProcessEnv = process.env, outputAliases: Readonly<Record<string, string>> = {}): CredentialRuntime {
  return {
    exportVariable: (name, value) => core.exportVariable(name, value),
    setSecret: (value) => core.setSecret(value),
    setOutput: (name, value) => {
      core.setOutput(name, value);
      const alias = outputAliases[name];
      if (alias) core.setOutput(alias, value);
    },
    info: (message) => info(message),
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

/** Where the swap's evidence records go (RUNNER_TEMP, so the scanning step of the same job finds them). */
export function credentialsEvidenceFile(env: NodeJS.ProcessEnv): string {
  return join(env.RUNNER_TEMP ?? tmpdir(), 'keyward-credentials.json');
}

export interface SwapFromInputsOptions {
  env: NodeJS.ProcessEnv;
  evidenceFile: string;
  /**
   * The credentials sub-action: accepts the vendor actions' input names, sets their output names too, and runs the
   * guard even when no cloud is configured. The scanning action swaps only when a cloud is configured.
   */
  standalone?: boolean;
}

/**
 * Reads the credential inputs and runs the guard and the swap, with the job summary and evidence records. Returns
 * undefined when the scanning action has no cloud to swap. Throws CredentialError / SwapFailure (evidence written).
 */
export async function swapCredentialsFromInputs(options: SwapFromInputsOptions): Promise<SwapResult | undefined> {
  const { env, evidenceFile, standalone = false } = options;
  const read = standalone ? withAliases(inputReader(env), (message) => core.notice(message)) : inputReader(env);
  const inputs = parseSwapInputs(read, env);
  if (!standalone && !wantsSwap(inputs)) return undefined;
  try {
    const swap = await runSwap(inputs, actionRuntime(env, standalone ? OUTPUT_ALIASES : {}), { evidenceFile });
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(evidenceSummary(swap.issued, swap.guard)).write();
    return swap;
  } catch (error) {
    if (error instanceof SwapFailure) writeEvidence(evidenceFile, error.result.issued, error.result.guard);
    throw error;
  }
}
