import { basename } from 'node:path';
import type { CredentialEvidence, IssuedCredential } from '../credentials/index.js';
import type { KeywardConfig } from '../engine/index.js';
import type { Finding } from '../engine/finding.js';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { buildEvidence, renderEvidenceMarkdown, serializeEvidence, type Evidence, type PreviousFinding } from '../governance/evidence.js';
import { INVENTORY_FILES } from '../governance/inventory/schema.js';
import { REPORT_FILE_MAX_BYTES, readRegularFile, readRepoFile, writeOutputFile } from '../sources/safe-fs.js';

export { EVIDENCE_STATE_KEY } from './evidence-post.js';

/** Credentials a Keyward step of this job issued: this step's swap, or an earlier step's record in RUNNER_TEMP. */
export function issuedCredentials(fromThisStep: IssuedCredential[] | undefined, credentialsFile: string): IssuedCredential[] {
  if (fromThisStep) return fromThisStep;
  const read = readRegularFile(credentialsFile, { maxBytes: REPORT_FILE_MAX_BYTES });
  if (!read.ok) return [];
  try {
    const record = JSON.parse(read.text) as Partial<CredentialEvidence>;
    return record.kind === 'keyward-credentials' && Array.isArray(record.issued) ? record.issued : [];
  } catch {
    return [];
  }
}

function inventoryText(workspace: string): string {
  for (const name of INVENTORY_FILES) {
    const read = readRepoFile(workspace, name);
    if (read.ok) return read.text;
  }
  return '';
}

/**
 * Findings of an earlier run (its evidence JSON or a Keyward JSON report): those not found now are recorded as fixed.
 * Fixed entries of an earlier evidence file are not carried forward. Throws with the file named when it is unreadable.
 */
export function loadPreviousFindings(path: string, root?: string): PreviousFinding[] {
  const read = readRegularFile(path, { maxBytes: REPORT_FILE_MAX_BYTES, root });
  if (!read.ok) throw new Error(read.reason === 'missing' ? `previous-report ${path}: no such file` : `previous-report ${read.message}`);
  let data: unknown;
  try {
    data = JSON.parse(read.text);
  } catch (error) {
    throw new Error(`previous-report ${path}: not a JSON report: ${(error as Error).message}`);
  }
  const record = data as { kind?: unknown; schemaVersion?: unknown; findings?: unknown } | null;
  if (record?.kind === 'keyward-evidence' && typeof record.schemaVersion === 'string' && record.schemaVersion.startsWith('1.')) {
    // Schema 1 evidence holds unkeyed fingerprints, which no keyed fingerprint of this run can equal: comparing them
    // would record every finding as fixed.
    throw new Error(`previous-report ${path}: evidence of schema ${record.schemaVersion} predates keyed fingerprints, so it cannot tell what was fixed`);
  }
  const entries = record?.findings;
  if (!Array.isArray(entries)) throw new Error(`previous-report ${path}: expected a Keyward JSON report or evidence file with a findings array`);
  const previous: PreviousFinding[] = [];
  for (const entry of entries as Record<string, unknown>[]) {
    if (!entry || typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(entry.fingerprint) || entry.status === 'fixed') continue;
    previous.push({
      fingerprint: entry.fingerprint,
      ...(typeof entry.ruleId === 'string' ? { ruleId: entry.ruleId } : {}),
      ...(typeof entry.path === 'string' ? { path: entry.path } : {}),
      ...(typeof entry.line === 'number' ? { line: entry.line } : {}),
      ...((SEVERITIES as readonly unknown[]).includes(entry.severity) ? { severity: entry.severity as Severity } : {}),
    });
  }
  return previous;
}

export interface RunEvidenceInput {
  path: string;
  workspace: string;
  findings: Finding[];
  baseline: Iterable<string> | undefined;
  config: KeywardConfig;
  issued: IssuedCredential[];
  previous?: PreviousFinding[];
  sha: string;
  env: NodeJS.ProcessEnv;
  startedAt: Date;
}

/** Builds, seals and writes the run's evidence; returns it with its job summary section. */
export function writeRunEvidence(input: RunEvidenceInput): { evidence: Evidence; markdown: string } {
  const evidence = buildEvidence({
    findings: input.findings,
    baselineFingerprints: input.baseline ?? [],
    previousFingerprints: input.previous,
    issuedCredentials: input.issued,
    config: input.config,
    inventoryText: inventoryText(input.workspace),
    repo: input.env.GITHUB_REPOSITORY ?? '',
    sha: input.sha,
    runId: input.env.GITHUB_RUN_ID ?? '',
    event: input.env.GITHUB_EVENT_NAME ?? 'local',
    startedAt: input.startedAt,
    finishedAt: new Date(),
  });
  writeOutputFile(input.path, serializeEvidence(evidence), { root: input.workspace });
  return { evidence, markdown: renderEvidenceMarkdown(evidence, { fileName: basename(input.path) }) };
}
