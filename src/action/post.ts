import * as core from '@actions/core';
import { cleanupCredentials } from './credentials-post.js';

/** The post step: revokes and deletes what the credential swap left behind (nothing when no swap ran). Never fails the job. */
async function run(): Promise<void> {
  try {
    const result = await cleanupCredentials();
    if (result.revoked.length === 0 && result.removedFiles.length === 0) core.info('Keyward post step: no short-lived credentials to clean up.');
    for (const problem of result.problems) core.warning(`Keyward post step: ${problem}`);
  } catch (error) {
    core.warning(`Keyward post step: cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

void run();
