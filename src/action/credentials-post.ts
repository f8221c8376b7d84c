import * as core from '@actions/core';
import { runPost, type PostResult } from '../credentials/post.js';
import { actionRuntime } from './credentials.js';

/** Post-step cleanup: revokes Vault tokens and deletes credential files the swap saved in state. Never throws. */
export async function cleanupCredentials(): Promise<PostResult> {
  const result = await runPost(actionRuntime());
  try {
    if (result.revoked.length > 0) core.setOutput('credentials-revoked', String(result.revoked.length));
  } catch (error) {
    core.warning(`Keyward post step: could not set the credentials-revoked output: ${error instanceof Error ? error.message : String(error)}`);
  }
  return result;
}
