import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CredentialEvidence, IssuedCredential } from '../credentials/index.js';
import type { KeywardConfig } from '../engine/index.js';
import type { Finding } from '../engine/finding.js';
import { INVENTORY_FILES, buildEvidence, renderEvidenceMarkdown, serializeEvidence, withRevocations, type Evidence } from '../governance/index.js';

/** The state key under which the main step tells the post step where the run's evidence is. */
export const EVIDENCE_STATE_KEY = 'keyward-evidence';

/** Credentials a Keyward step of this job issued: this step's swap, or an earlier step's record in RUNNER_TEMP. */
export function issuedCredentials(fromThisStep: IssuedCredential[] | undefined, credentialsFile: string): IssuedCredential[] {
  if (fromThisStep) return fromThisStep;
  if (!existsSync(credentialsFile)) return [];
  try {
    const record = JSON.parse(readFileSync(credentialsFile, 'utf8')) as Partial<CredentialEvidence>;
    return record.kind === 'keyward-credentials' && Array.isArray(record.issued) ? record.issued : [];
  } catch {
    return [];
  }
}

function inventoryText(workspace: string): string {
  for (const name of INVENTORY_FILES) {
    const path = join(workspace, name);
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  return '';
}

export interface RunEvidenceInput {
  path: string;
  workspace: string;
  findings: Finding[];
  baseline: Iterable<string> | undefined;
  config: KeywardConfig;
  issued: IssuedCredential[];
  sha: string;
  env: NodeJS.ProcessEnv;
  startedAt: Date;
}

/** Builds, seals and writes the run's evidence; returns it with its job summary section. */
export function writeRunEvidence(input: RunEvidenceInput): { evidence: Evidence; markdown: string } {
  const evidence = buildEvidence({
    findings: input.findings,
    baselineFingerprints: input.baseline ?? [],
    issuedCredentials: input.issued,
    config: input.config,
    inventoryText: inventoryText(input.workspace),
    repo: input.env.GITHUB_REPOSITORY ?? '',
    sha: input.sha,
    runId: `${input.env.GITHUB_RUN_ID ?? ''}${input.env.GITHUB_RUN_ATTEMPT && input.env.GITHUB_RUN_ATTEMPT !== '1' ? `.${input.env.GITHUB_RUN_ATTEMPT}` : ''}`,
    event: input.env.GITHUB_EVENT_NAME ?? 'local',
    startedAt: input.startedAt,
    finishedAt: new Date(),
  });
  mkdirSync(dirname(input.path), { recursive: true });
  writeFileSync(input.path, serializeEvidence(evidence));
  return { evidence, markdown: renderEvidenceMarkdown(evidence, { fileName: basename(input.path) }) };
}

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
