import { readFileSync, writeFileSync } from 'node:fs';
import type { IssuedCredential } from '../credentials/types.js';
import { serializeEvidence, withRevocations, type Evidence } from '../governance/evidence.js';

/** The state key under which the main step tells the post step where the run's evidence is. */
export const EVIDENCE_STATE_KEY = 'keyward-evidence';

/**
 * The post step's part: records the revocations it made and reseals the digest. False when there is no evidence file
 * to update (no scan ran, or it was removed).
 */
export function recordRevocations(path: string, revoked: IssuedCredential[]): boolean {
  let evidence: Evidence;
  try {
    evidence = JSON.parse(readFileSync(path, 'utf8')) as Evidence;
  } catch {
    return false;
  }
  if (evidence.kind !== 'keyward-evidence' || !Array.isArray(evidence.credentials)) return false;
  writeFileSync(path, serializeEvidence(withRevocations(evidence, revoked)));
  return true;
}
