import { tmpdir } from 'node:os';
import * as core from '@actions/core';
import { useProxyFromEnv } from '../net/proxy.js';
import { info } from './log.js';
import { cleanupCredentials } from './credentials-post.js';
import { EVIDENCE_STATE_KEY, expectedEvidencePath, recordRevocations } from './evidence-post.js';

/** The evidence file to update: the one the inputs name, and only when the main step's state names the same. */
function evidenceFileToUpdate(): string | undefined {
  const saved = core.getState(EVIDENCE_STATE_KEY);
  if (!saved) return undefined;
  const expected = expectedEvidencePath((name) => core.getInput(name), process.env, process.env.RUNNER_TEMP ?? tmpdir());
  if (saved === expected) return expected;
  core.warning(`Keyward post step: ignoring the saved evidence path ${JSON.stringify(saved)}: the inputs put the evidence at ${JSON.stringify(expected)}.`);
  return undefined;
}

/**
 * The post step: revokes and deletes what the credential swap left behind (nothing when no swap ran), and records the
 * revocations in a file of their own next to the run's evidence (the evidence is never changed after the main step).
 * Never fails the job.
 */
async function run(): Promise<void> {
  try {
    await useProxyFromEnv(process.env);
    const result = await cleanupCredentials();
    if (result.revoked.length === 0 && result.removedFiles.length === 0) info('Keyward post step: no short-lived credentials to clean up.');
    const revoked = result.issued.filter((record) => record.revokedAt);
    const evidenceFile = revoked.length > 0 ? evidenceFileToUpdate() : undefined;
    if (evidenceFile) {
      const written = recordRevocations(evidenceFile, revoked, process.env.GITHUB_WORKSPACE);
      if (written) info(`Recorded ${revoked.length} revocation(s) in ${JSON.stringify(written)}; ${JSON.stringify(evidenceFile)} is unchanged (steps after Keyward may have uploaded or attested it), so the revocations are not part of it.`);
      else core.warning(`Keyward post step: could not record the revocations next to ${JSON.stringify(evidenceFile)}.`);
    }
  } catch (error) {
    core.warning(`Keyward post step: cleanup failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

void run();
