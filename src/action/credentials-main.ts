import * as core from '@actions/core';
import { info } from './log.js';
import { useProxyFromEnv } from '../net/proxy.js';
import { credentialsEvidenceFile, swapCredentialsFromInputs } from './credentials.js';

/**
 * The credentials sub-action (`keyward/keyward/credentials`): the runtime guard and the OIDC swap, nothing else. It
 * never scans, so findings never fail it; it fails only when the swap fails or the guard is set to fail.
 */
export async function runCredentialsAction(env: NodeJS.ProcessEnv): Promise<'pass' | 'fail'> {
  try {
    await useProxyFromEnv(env);
    const swap = await swapCredentialsFromInputs({ env, evidenceFile: credentialsEvidenceFile(env), standalone: true });
    const issued = swap?.issued ?? [];
    if (issued.length === 0) info('Keyward credentials: no cloud configured; the guard ran on the job environment.');
    else info(`Keyward credentials: issued ${issued.map((record) => `${record.cloud} (${record.identity})`).join(', ')}; the post step cleans up.`);
    return 'pass';
  } catch (error) {
    core.setFailed(`Keyward credentials: ${error instanceof Error ? error.message : String(error)}`);
    return 'fail';
  }
}

void runCredentialsAction(process.env);
