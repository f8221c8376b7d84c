import * as core from '@actions/core';
import { parseSwapInputs } from '../credentials/index.js';
import { runPost, type PostResult, type TrustedInputs } from '../credentials/post.js';
import { actionRuntime } from './credentials.js';
import { inputReader } from './inputs.js';

/** What the post step may trust: the Vault address from its own inputs, as the main step parsed them. */
function trustedInputs(): TrustedInputs {
  try {
    const vault = parseSwapInputs(inputReader(process.env), process.env).vault;
    return vault ? { vaultUrl: vault.url.replace(/\/+$/, ''), vaultNamespace: vault.namespace } : {};
  } catch {
    return {};
  }
}

/** Post-step cleanup: revokes Vault tokens and deletes credential files the swap saved in state. Never throws. */
export async function cleanupCredentials(): Promise<PostResult> {
  const result = await runPost(actionRuntime(), trustedInputs());
  try {
    if (result.revoked.length > 0) core.setOutput('credentials-revoked', String(result.revoked.length));
  } catch (error) {
    core.warning(`Keyward post step: could not set the credentials-revoked output: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}
