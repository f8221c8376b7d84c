export { enrichFindings, type EnrichContext } from './enrich.js';
export { ownersFor } from './owners.js';
export { expiryFor, DEFAULT_MAX_AGE_DAYS, EXPIRING_SOON_DAYS, type ExpiryContext } from './expiry.js';
export {
  parseCodeowners,
  loadCodeowners,
  loadCodeownersSync,
  ownersOf,
  codeownerHandles,
  compileCodeownersPattern,
  CODEOWNERS_LOCATIONS,
  type Codeowners,
  type CodeownersRule,
  type CodeownersProblem,
} from './codeowners.js';
export { parseMaxAge, parseDate } from './duration.js';
export type { SecretInfo, SecretScope } from './types.js';
export * from './inventory/index.js';
export * from './workflows/index.js';
export {
  auditSecrets,
  listSecrets,
  PERMISSION as SECRETS_AUDIT_PERMISSION,
  type SecretsAuditOptions,
  type SecretsAuditResult,
  type SecretAuditFinding,
  type SecretAuditKind,
  type SecretsAuditNotice,
  type AuditArea,
} from './secrets-audit.js';
export {
  identityChanges,
  identityChangesFromGit,
  renderIdentityChangesMarkdown,
  type IdentityChange,
  type IdentityChangeKind,
  type IdentityChangesInput,
} from './identity-changes.js';
export {
  buildEvidence,
  verifyEvidence,
  serializeEvidence,
  renderEvidenceMarkdown,
  computePolicyVersion,
  checksumOf,
  revocationRecord,
  type RevocationRecord,
  EVIDENCE_SCHEMA_VERSION,
  EVIDENCE_SCHEMA_ID,
  type Evidence,
  type EvidenceInput,
  type EvidenceFinding,
  type EvidenceCredential,
  type EvidenceStatus,
  type EvidenceVerification,
  type PreviousFinding,
} from './evidence.js';
export { canonicalJson } from './canonical-json.js';
export { renderSecretsAuditText, renderSecretsAuditMarkdown } from './secrets-audit-render.js';
export { fetchGovernanceFiles, type RemoteGovernanceFiles } from './remote.js';
