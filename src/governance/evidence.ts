import type { IssuedCredential } from '../credentials/types.js';
import type { KeywardConfig } from '../engine/config/types.js';
import type { Finding } from '../engine/finding.js';
import { mdText } from '../report/markdown.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from '../report/tool.js';
import type { Severity } from '../rules/types.js';
import { canonicalJson, sha256Hex, wellFormed } from './canonical-json.js';

export const EVIDENCE_SCHEMA_VERSION = '2.0';
export const EVIDENCE_SCHEMA_ID = 'https://github.com/keyward/keyward/blob/main/docs/evidence-schema.json';

export type EvidenceStatus = 'new' | 'baseline' | 'fixed';

export interface EvidenceFinding {
  fingerprint: string;
  status: EvidenceStatus;
  /** Absent only for a fixed finding known by fingerprint alone. */
  ruleId?: string;
  severity?: Severity;
  path?: string;
  line?: number;
  longLived?: boolean;
  /** The commit that introduced it, for git scans. */
  commit?: string;
  owners?: string[];
  expiry?: { status: string; expiresAt?: string };
  /** The provider check of `--verify` / the `verify` input, when one ran: never the secret, only what was answered. */
  verification?: EvidenceCheck;
}

export interface EvidenceCheck {
  status: 'active' | 'inactive' | 'unknown';
  verifier: string;
  checkedAt: string;
  identity?: string;
  expiresAt?: string;
  reason?: string;
}

function evidenceCheck(v: NonNullable<Finding['verification']>): EvidenceCheck {
  return {
    status: v.status,
    verifier: v.verifier,
    checkedAt: v.checkedAt,
    ...(v.identity ? { identity: v.identity } : {}),
    ...(v.expiresAt ? { expiresAt: v.expiresAt } : {}),
    ...(v.reason ? { reason: v.reason } : {}),
  };
}

/** An issued credential as evidence: the record from the swap, whitelisted field by field so no value slips in. */
export interface EvidenceCredential {
  cloud: string;
  identity: string;
  oidc: { sub: string; aud: string; iss: string; repository?: string; ref?: string; workflow_ref?: string; job_workflow_ref?: string; run_id?: string };
  issuedAt: string;
  expiresAt: string;
  durationSeconds: number;
  policyVersion?: string;
  revokedAt?: string;
  chain?: string[];
  outputs?: string[];
}

export interface Evidence {
  $schema: string;
  schemaVersion: string;
  kind: 'keyward-evidence';
  tool: { name: string; version: string; uri: string };
  repository: string;
  sha: string;
  runId: string;
  event: string;
  startedAt: string;
  finishedAt: string;
  /** `sha256:` of the canonical config JSON, a newline, and the inventory file's text. */
  policyVersion: string;
  policy: { failOn: Severity; blockLongLived: boolean; inventory: boolean };
  summary: { new: number; baseline: number; fixed: number; credentialsIssued: number; credentialsRevoked: number };
  findings: EvidenceFinding[];
  credentials: EvidenceCredential[];
  /**
   * `sha256:` of the canonical JSON of this object without `checksum`. A checksum, not a seal or a signature: it shows
   * accidental damage, and anyone who edits the file can recompute it. Provenance comes from an attestation
   * (`actions/attest` over the file; see README, Evidence).
   */
  checksum: string;
}

/** A finding from an earlier run, known at least by fingerprint (a Keyward JSON report's findings fit). */
export type PreviousFinding = string | { fingerprint: string; ruleId?: string; path?: string; line?: number; severity?: Severity };

export interface EvidenceInput {
  findings: Finding[];
  baselineFingerprints: Iterable<string>;
  /** Fingerprints (or findings) of the previous run on this branch; those no longer found are recorded as fixed. */
  previousFingerprints?: Iterable<PreviousFinding>;
  issuedCredentials: IssuedCredential[];
  config: KeywardConfig;
  /** The inventory file's exact text, '' when there is none. */
  inventoryText?: string;
  repo: string;
  sha: string;
  runId: string | number;
  event: string;
  startedAt: Date | string;
  finishedAt: Date | string;
}

/**
 * The policy version: what rules the run was judged by. `source` (where the config was read from) is left out so the
 * same config gives the same version on every runner, and the fingerprint key, which is no rule and may be a secret.
 */
export function computePolicyVersion(config: KeywardConfig, inventoryText = ''): string {
  const { source: _source, fingerprintKey: _key, ...policy } = config;
  return `sha256:${sha256Hex(`${canonicalJson(policy)}\n${inventoryText}`)}`;
}

function iso(value: Date | string): string {
  return typeof value === 'string' ? new Date(value).toISOString() : value.toISOString();
}

function credential(record: IssuedCredential): EvidenceCredential {
  const o = record.oidc;
  const oidc: EvidenceCredential['oidc'] = { sub: o.sub, aud: o.aud, iss: o.iss };
  for (const key of ['repository', 'ref', 'workflow_ref', 'job_workflow_ref', 'run_id'] as const) if (typeof o[key] === 'string') oidc[key] = o[key];
  return {
    cloud: record.cloud,
    identity: record.identity,
    oidc,
    issuedAt: record.issuedAt,
    expiresAt: record.expiresAt,
    durationSeconds: record.durationSeconds,
    ...(record.policyVersion ? { policyVersion: record.policyVersion } : {}),
    ...(record.revokedAt ? { revokedAt: record.revokedAt } : {}),
    ...(record.chain ? { chain: [...record.chain] } : {}),
    ...(record.outputs ? { outputs: [...record.outputs] } : {}),
  };
}

const STATUS_ORDER: Record<EvidenceStatus, number> = { new: 0, baseline: 1, fixed: 2 };

function evidenceFinding(finding: Finding, status: EvidenceStatus): EvidenceFinding {
  return {
    fingerprint: finding.fingerprint,
    status,
    ruleId: finding.ruleId,
    severity: finding.severity,
    path: finding.path,
    line: finding.line,
    longLived: finding.longLived,
    ...(finding.commit ? { commit: finding.commit.sha } : {}),
    ...(finding.owners?.length ? { owners: finding.owners.map((o) => o.handle) } : {}),
    ...(finding.expiry ? { expiry: { status: finding.expiry.status, ...(finding.expiry.expiresAt ? { expiresAt: finding.expiry.expiresAt } : {}) } } : {}),
    ...(finding.verification ? { verification: evidenceCheck(finding.verification) } : {}),
  };
}

/** The checksum of a document: sha256 of its canonical JSON without `checksum` (and without 1.x's `digest`). */
export function checksumOf(evidence: object): string {
  const { checksum: _checksum, digest: _digest, ...body } = evidence as Evidence & { digest?: string };
  return `sha256:${sha256Hex(canonicalJson(body))}`;
}

/** Builds the run's evidence: fingerprints and statuses, never secret values; with a checksum. */
export function buildEvidence(input: EvidenceInput): Evidence {
  const baseline = new Set(input.baselineFingerprints);
  // A finding the baseline accepted by its old unkeyed fingerprint is still here: that entry is not fixed.
  const current = new Set(input.findings.flatMap((f) => (f.migratedFrom ? [f.fingerprint, f.migratedFrom] : [f.fingerprint])));
  const findings: EvidenceFinding[] = input.findings.map((f) => evidenceFinding(f, f.baseline || baseline.has(f.fingerprint) ? 'baseline' : 'new'));

  const gone = new Map<string, EvidenceFinding>();
  for (const print of baseline) if (!current.has(print)) gone.set(print, { fingerprint: print, status: 'fixed' });
  for (const previous of input.previousFingerprints ?? []) {
    const ref = typeof previous === 'string' ? { fingerprint: previous } : previous;
    if (current.has(ref.fingerprint) || (gone.has(ref.fingerprint) && typeof previous === 'string')) continue;
    gone.set(ref.fingerprint, {
      fingerprint: ref.fingerprint,
      status: 'fixed',
      ...(ref.ruleId ? { ruleId: ref.ruleId } : {}),
      ...(ref.severity ? { severity: ref.severity } : {}),
      ...(ref.path ? { path: ref.path } : {}),
      ...(typeof ref.line === 'number' ? { line: ref.line } : {}),
    });
  }
  findings.push(...gone.values());
  findings.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.fingerprint.localeCompare(b.fingerprint),
  );
  const credentials = input.issuedCredentials.map(credential);
  const count = (status: EvidenceStatus) => findings.filter((f) => f.status === status).length;
  const body: Omit<Evidence, 'checksum'> = {
    $schema: EVIDENCE_SCHEMA_ID,
    schemaVersion: EVIDENCE_SCHEMA_VERSION,
    kind: 'keyward-evidence',
    tool: { name: TOOL_NAME, version: TOOL_VERSION, uri: TOOL_URI },
    repository: input.repo,
    sha: input.sha,
    runId: String(input.runId),
    event: input.event,
    startedAt: iso(input.startedAt),
    finishedAt: iso(input.finishedAt),
    policyVersion: computePolicyVersion(input.config, input.inventoryText ?? ''),
    policy: { failOn: input.config.failOn, blockLongLived: input.config.blockLongLived, inventory: !!input.inventoryText },
    summary: {
      new: count('new'),
      baseline: count('baseline'),
      fixed: count('fixed'),
      credentialsIssued: credentials.length,
      credentialsRevoked: credentials.filter((c) => c.revokedAt).length,
    },
    findings,
    credentials,
  };
  return { ...body, checksum: checksumOf(body) };
}

/**
 * What the post step revoked, as a document of its own next to the evidence: the evidence file is never changed after
 * the main step, since a later step of the job may already have uploaded or attested it. It names the evidence by
 * its checksum and carries its own.
 */
export interface RevocationRecord {
  kind: 'keyward-revocations';
  schemaVersion: string;
  /** The checksum of the evidence whose credentials these are. */
  evidence: string;
  revocations: { cloud: string; identity: string; issuedAt: string; revokedAt: string }[];
  checksum: string;
}

export function revocationRecord(evidence: Evidence, revoked: Pick<IssuedCredential, 'cloud' | 'identity' | 'issuedAt' | 'revokedAt'>[]): RevocationRecord {
  const revocations = evidence.credentials.flatMap((c) => {
    const match = revoked.find((r) => r.revokedAt && r.cloud === c.cloud && r.identity === c.identity && r.issuedAt === c.issuedAt);
    return match?.revokedAt ? [{ cloud: c.cloud, identity: c.identity, issuedAt: c.issuedAt, revokedAt: match.revokedAt }] : [];
  });
  const body = { kind: 'keyward-revocations' as const, schemaVersion: EVIDENCE_SCHEMA_VERSION, evidence: evidence.checksum, revocations };
  return { ...body, checksum: checksumOf(body) };
}

/**
 * Pretty JSON for the file next to the SARIF; the checksum does not depend on formatting. Strings are written as
 * well-formed text (lone surrogates as U+FFFD), so jq reads every file Keyward writes.
 */
export function serializeEvidence(evidence: Evidence | RevocationRecord): string {
  return `${JSON.stringify(evidence, (_key, value: unknown) => (typeof value === 'string' ? wellFormed(value) : value), 2)}\n`;
}

export interface EvidenceVerification {
  valid: boolean;
  /** The checksum the document claims. */
  claimed?: string;
  /** The checksum recomputed from its content. */
  computed?: string;
  problems: string[];
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * Checks a run's evidence: shape, that the checksum matches the content (an edit that did not recompute it shows),
 * and optionally that the policy version matches the auditor's copy of the config and inventory. Files of schema 1.x
 * carry the same checksum under the name `digest`. Who wrote the file is a question for its attestation.
 */
export function verifyEvidence(json: string | unknown, expected: { config?: KeywardConfig; inventoryText?: string } = {}): EvidenceVerification {
  const problems: string[] = [];
  let data: unknown = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (error) {
      return { valid: false, problems: [`not JSON: ${(error as Error).message}`] };
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return { valid: false, problems: ['not a JSON object'] };
  const evidence = data as Partial<Evidence>;
  if (evidence.kind !== 'keyward-evidence') problems.push(`kind: expected "keyward-evidence", got ${JSON.stringify(evidence.kind)}`);
  const major = typeof evidence.schemaVersion === 'string' ? evidence.schemaVersion.split('.')[0] : undefined;
  if (major !== '1' && major !== EVIDENCE_SCHEMA_VERSION.split('.')[0]) {
    problems.push(`schemaVersion: expected 1.x or ${EVIDENCE_SCHEMA_VERSION.split('.')[0]}.x, got ${JSON.stringify(evidence.schemaVersion)}`);
  }
  for (const field of ['repository', 'sha', 'runId', 'event', 'startedAt', 'finishedAt', 'policyVersion'] as const) {
    if (typeof evidence[field] !== 'string') problems.push(`${field}: missing`);
  }
  if (!Array.isArray(evidence.findings)) problems.push('findings: expected an array');
  else
    evidence.findings.forEach((finding, index) => {
      if (!FINGERPRINT.test(String(finding?.fingerprint))) problems.push(`findings[${index}].fingerprint: expected 64 hex characters`);
      if (!['new', 'baseline', 'fixed'].includes(String(finding?.status))) problems.push(`findings[${index}].status: expected new, baseline or fixed`);
    });
  if (!Array.isArray(evidence.credentials)) problems.push('credentials: expected an array');
  const field = major === '1' ? 'digest' : 'checksum';
  const claimedValue = (evidence as Record<string, unknown>)[field];
  const claimed = typeof claimedValue === 'string' ? claimedValue : undefined;
  let computed: string | undefined;
  try {
    computed = checksumOf(evidence);
  } catch (error) {
    problems.push(`${field}: cannot compute: ${(error as Error).message}`);
  }
  if (!claimed) problems.push(`${field}: missing`);
  else if (computed && claimed !== computed) problems.push(`${field}: the content does not match (claimed ${claimed}, computed ${computed}): the file was changed after the run`);
  if (expected.config) {
    const policy = computePolicyVersion(expected.config, expected.inventoryText ?? '');
    if (policy !== evidence.policyVersion) problems.push(`policyVersion: the run used ${evidence.policyVersion}, the given config and inventory give ${policy}`);
  }
  return { valid: problems.length === 0, ...(claimed ? { claimed } : {}), ...(computed ? { computed } : {}), problems };
}

/** Markdown for the job summary: what the evidence records and how to check it. */
export function renderEvidenceMarkdown(evidence: Evidence, options: { fileName?: string } = {}): string {
  const s = evidence.summary;
  const lines = [
    '### Evidence',
    '',
    '| | |',
    '| --- | --- |',
    `| Commit | \`${evidence.sha}\` (${evidence.event}, run ${evidence.runId}) |`,
    `| Policy version | \`${evidence.policyVersion}\` |`,
    `| Findings | ${s.new} new, ${s.baseline} accepted in baseline, ${s.fixed} fixed |`,
    `| Credentials | ${s.credentialsIssued} issued, ${s.credentialsRevoked} revoked |`,
    `| Checksum (sha256, not a signature) | \`${evidence.checksum}\` |`,
    '',
  ];
  if (evidence.credentials.length > 0) {
    lines.push('| Cloud | Identity | OIDC subject | Issued | Expires | Revoked |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of evidence.credentials) lines.push(`| ${c.cloud} | ${mdText(c.identity)} | ${mdText(c.oidc.sub)} | ${c.issuedAt} | ${c.expiresAt} | ${c.revokedAt ?? '—'} |`);
    lines.push('');
  }
  const file = options.fileName ?? 'keyward-evidence.json';
  lines.push(`Check: \`jq -cjS 'del(.checksum)' ${file} | sha256sum\` equals the checksum after \`sha256:\`. A checksum shows damage, not who wrote the file: attest it with \`actions/attest\` for provenance (see README, Evidence).`);
  return `${lines.join('\n')}\n`;
}
