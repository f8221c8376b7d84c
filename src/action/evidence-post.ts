import { dirname, join, resolve } from 'node:path';
import type { IssuedCredential } from '../credentials/types.js';
import { revocationRecord, serializeEvidence, type Evidence } from '../governance/evidence.js';
import { REPORT_FILE_MAX_BYTES, readRegularFile, writeOutputFile } from '../sources/safe-fs.js';

/** The state key under which the main step tells the post step where the run's evidence is. */
export const EVIDENCE_STATE_KEY = 'keyward-evidence';

/** Where the post step records its revocations: next to the evidence, which it never changes. */
export function revocationsPath(evidencePath: string): string {
  return `${evidencePath.replace(/\.json$/, '')}.revocations.json`;
}

/**
 * Where the main step wrote the evidence, derived again from the inputs (`evidence-file`, else next to `sarif-file`,
 * else RUNNER_TEMP), as main.ts does. The saved state only says whether a scan ran: a path in it that differs from
 * this one was not written by the main step (an injected `::save-state`), and the post step touches nothing there.
 */
export function expectedEvidencePath(input: (name: string) => string, env: NodeJS.ProcessEnv, runnerTemp: string): string {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const evidence = input('evidence-file').trim();
  if (evidence) return resolve(workspace, evidence);
  const sarif = input('sarif-file').trim() || `${runnerTemp}/keyward.sarif`;
  return join(dirname(resolve(workspace, sarif)), 'keyward-evidence.json');
}

/**
 * The post step's part: writes the revocations it made to their own file next to the evidence (see revocationRecord),
 * created new without following links. The evidence itself is left exactly as the main step wrote it: a later step
 * may have uploaded or attested it. The path written, or undefined when there is no evidence file to refer to (no
 * scan ran, or it was removed, or it is not a regular file).
 */
export function recordRevocations(path: string, revoked: IssuedCredential[], workspace?: string): string | undefined {
  const read = readRegularFile(path, { maxBytes: REPORT_FILE_MAX_BYTES, root: workspace });
  if (!read.ok) return undefined;
  let evidence: Evidence;
  try {
    evidence = JSON.parse(read.text) as Evidence;
  } catch {
    return undefined;
  }
  if (evidence?.kind !== 'keyward-evidence' || !Array.isArray(evidence.credentials) || typeof evidence.checksum !== 'string') return undefined;
  const target = revocationsPath(path);
  writeOutputFile(target, serializeEvidence(revocationRecord(evidence, revoked)), { root: workspace, exclusive: true });
  return target;
}
