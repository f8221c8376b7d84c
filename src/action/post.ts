import * as core from '@actions/core';
import { useProxyFromEnv } from '../net/proxy.js';
import { cleanupCredentials } from './credentials-post.js';
import { EVIDENCE_STATE_KEY, recordRevocations } from './evidence-post.js';

/**
 * The post step: revokes and deletes what the credential swap left behind (nothing when no swap ran), and records the
 * revocations in the run's evidence, resealing its digest. Never fails the job.
 */
async function run(): Promise<void> {
  try {
    useProxyFromEnv(process.env);
    const result = await cleanupCredentials();
    if (result.revoked.length === 0 && result.removedFiles.length === 0) core.info('Keyward post step: no short-lived credentials to clean up.');
    const evidenceFile = core.getState(EVIDENCE_STATE_KEY);
    const revoked = result.issued.filter((record) => record.revokedAt);
    if (evidenceFile && revoked.length > 0) {
      if (recordRevocations(evidenceFile, revoked)) core.info(`Recorded ${revoked.length} revocation(s) in ${evidenceFile} and resealed its digest.`);
      else core.warning(`Keyward post step: could not record the revocations in ${evidenceFile}.`);
    }
  } catch (error) {
    core.warning(`Keyward post step: cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

void run();
