import { hasHashContext, hasInlineIgnore } from './allowlist.js';
import type { LineIndex } from './content.js';
import { notACredentialHere, tokenNameBeforeHex } from '../rules/values/context.js';
import { rejectGenericValue, shannonEntropy } from '../rules/values/generic.js';
import { isStandInBesideExampleHost } from '../rules/values/passwords.js';
import { isPlaceholder, isReference } from '../rules/values/placeholders.js';
import type { Finding } from './finding.js';
import { fingerprint, legacyFingerprint, redact } from './redact.js';
import type { Rule } from '../rules/types.js';
import type { PreparedRule } from './windows.js';

const DEFAULT_GENERIC_ENTROPY = 3.0;
/** How much text either side of a generic value its place is judged by (the fields beside a webhook's token). */
const PLACE_RADIUS = 240;

/** A pattern match waiting to be judged: offsets into the scanned content. */
export interface Candidate {
  prepared: PreparedRule;
  start: number;
  /** Where the whole match ends (the host after a URL's password); the secret's end when unknown. */
  end?: number;
  secretStart: number;
  secretEnd: number;
}

/** What the config accepts beyond the rules' own checks. */
export interface Acceptance {
  /** True when the configured allowlist (values, stopwords) accepts this secret. */
  valueAllowed(secret: string): boolean;
  allowedFingerprints: ReadonlySet<string>;
  baseline: ReadonlySet<string>;
  /** The HMAC key of fingerprints (config.fingerprintKey); absent: the public fallback key. */
  fingerprintKey?: string;
  /** Report candidates on inline-suppressed lines as findings marked `suppression` (a PR's own), not reject them. */
  reportInlineSuppressed?: boolean;
  /**
   * True when a generic value carries a provider's prefix (`xoxb-`, `sk_live_`) yet no rule of that provider matches it
   * whole: a truncated or made-up sample, which the provider's own rule would report if it were well formed.
   */
  isMalformedProviderToken?: (secret: string) => boolean;
  /** True when the text before a generic value names a provider whose keyed rule's shape the value nearly has. */
  isNearMissOfNamedProvider?: (secret: string, before: string) => boolean;
}

/** Why a candidate is not a finding. */
export type Rejection =
  | 'low-entropy'
  | 'placeholder'
  | 'reference'
  | 'generic-value'
  | 'hash-context'
  | 'place'
  | 'validator'
  | 'inline-ignore'
  | 'allowlisted-value'
  | 'allowlisted-fingerprint';

/** The facts about a candidate that both the checks and the finding need. */
export interface Judged {
  candidate: Candidate;
  secret: string;
  entropy: number;
  secretBytes: Buffer;
  /** The fingerprint, computed once a candidate gets that far (most are rejected before). */
  print?: string;
  /** The old unkeyed fingerprint, computed only to look it up in a non-empty baseline or allowlist. */
  legacyPrint?: string;
  /** Its line carries an inline suppression that the scan reports rather than honours. */
  suppressed?: boolean;
}

/** Reads the candidate's secret once: its text and entropy. */
export function weigh(candidate: Candidate, content: Buffer): Judged {
  const secretBytes = content.subarray(candidate.secretStart, candidate.secretEnd);
  const secret = secretBytes.toString('utf8');
  return { candidate, secret, secretBytes, entropy: shannonEntropy(secret) };
}

function printOf(judged: Judged, key: string | undefined): string {
  judged.print ??= fingerprint(judged.candidate.prepared.rule.id, judged.secretBytes, key);
  return judged.print;
}

/** Which entry of `accepted` matches: the keyed print, else the old unkeyed one (baselines written before 2.0). */
function acceptedBy(accepted: ReadonlySet<string>, judged: Judged, key: string | undefined): 'keyed' | 'legacy' | undefined {
  if (accepted.size === 0) return undefined;
  if (accepted.has(printOf(judged, key))) return 'keyed';
  judged.legacyPrint ??= legacyFingerprint(judged.candidate.prepared.rule.id, judged.secretBytes);
  return accepted.has(judged.legacyPrint) ? 'legacy' : undefined;
}

/** Why this candidate is not reported, or undefined when it is a finding. Cheapest checks first. */
export function rejection(judged: Judged, lines: LineIndex, acceptance: Acceptance): Rejection | undefined {
  const { candidate, secret, entropy } = judged;
  const { rule, generic } = candidate.prepared;
  if (rule.entropy !== undefined && entropy < rule.entropy) return 'low-entropy';
  if (!rule.storeValue && isPlaceholder(secret, !generic)) return 'placeholder';
  if (generic) {
    if (isReference(secret)) return 'reference';
    const reason = rejectGenericValue(secret, rule.entropy ?? DEFAULT_GENERIC_ENTROPY);
    if (reason && !(reason === 'hash-shaped' && secret.length === 40 && tokenNameBeforeHex(lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretStart)))) return 'generic-value';
    if (acceptance.isMalformedProviderToken?.(secret)) return 'generic-value';
    if (hasHashContext(lines.lineAround(candidate.secretStart))) return 'hash-context';
    if (notACredentialHere(lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretStart), lines.text(candidate.secretEnd, candidate.secretEnd + PLACE_RADIUS), secret)) return 'place';
  }
  // Generic rules, and the generic family's specific ones (hex secrets), leave a named provider's near misses alone.
  if ((generic || rule.provider === 'Generic') && acceptance.isNearMissOfNamedProvider?.(secret, lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretStart))) {
    return 'generic-value';
  }
  // A generic rule's stand-in value (`secret123`) beside a documentation host (`host=example.com`) is a sample's login.
  if (rule.provider === 'Generic' && isStandInBesideExampleHost(secret, lines.text(candidate.secretStart - PLACE_RADIUS, candidate.secretEnd + PLACE_RADIUS))) {
    return 'placeholder';
  }
  if (rule.validate && !rule.validate(secret)) return 'validator';
  if (rule.validateInMatch && !rule.validateInMatch(secret, lines.text(candidate.start, candidate.secretStart), lines.text(candidate.secretEnd, candidate.end ?? candidate.secretEnd))) return 'validator';
  if (hasInlineIgnore(lines.lineAround(candidate.start)) || hasInlineIgnore(lines.lineAround(candidate.secretEnd - 1))) {
    if (!acceptance.reportInlineSuppressed) return 'inline-ignore';
    judged.suppressed = true;
  }
  if (acceptance.valueAllowed(secret) || candidate.prepared.allowsValue?.(secret)) return 'allowlisted-value';
  if (acceptedBy(acceptance.allowedFingerprints, judged, acceptance.fingerprintKey)) return 'allowlisted-fingerprint';
  return undefined;
}

/** The finding for a candidate that passed `rejection`. */
export function buildFinding(judged: Judged, lines: LineIndex, path: string, acceptance: Acceptance): Finding {
  const { candidate, secret, entropy } = judged;
  const { rule } = candidate.prepared;
  const print = printOf(judged, acceptance.fingerprintKey);
  const facts = rule.inspect?.(secret);
  const begin = lines.position(candidate.secretStart);
  const finish = lines.position(candidate.secretEnd);
  const finding: Finding = {
    ruleId: rule.id,
    title: rule.title,
    provider: rule.provider,
    severity: rule.severity,
    longLived: facts?.longLived ?? rule.longLived,
    path,
    line: begin.line,
    column: begin.column,
    endLine: finish.line,
    endColumn: finish.column,
    redacted: redact(secret),
    fingerprint: print,
    entropy: Math.round(entropy * 100) / 100,
    verifiedFormat: rule.validate !== undefined,
    remediation: rule.remediation,
  };
  if (begin.utf16Column !== begin.column || finish.utf16Column !== finish.column) {
    finding.utf16Column = begin.utf16Column;
    finding.utf16EndColumn = finish.utf16Column;
  }
  if (rule.revokeUrl) finding.revokeUrl = rule.revokeUrl;
  if (facts?.expiresAt) finding.expiresAt = facts.expiresAt.toISOString();
  if (facts?.issuedAt) finding.issuedAt = facts.issuedAt.toISOString();
  if (facts?.details) finding.details = facts.details;
  const inBaseline = acceptedBy(acceptance.baseline, judged, acceptance.fingerprintKey);
  if (inBaseline) finding.baseline = true;
  if (inBaseline === 'legacy') finding.migratedFrom = judged.legacyPrint;
  if (judged.suppressed) finding.suppression = { by: 'inline', accepted: false, reason: 'suppressed inline' };
  return finding;
}

/**
 * The finding for a whole file that a rule judged a credential store (`reason` says what it is). The fingerprint covers
 * the whole file; the redacted form and the details carry the file's size and the reason, never a byte of it.
 * Undefined when the allowlist accepts the file's fingerprint.
 */
export function buildFileFinding(rule: Rule, content: Buffer, path: string, reason: string, acceptance: Acceptance): Finding | undefined {
  const judged: Judged = { candidate: { prepared: { rule } as Candidate['prepared'], start: 0, secretStart: 0, secretEnd: content.length }, secret: '', secretBytes: content, entropy: 0 };
  if (acceptedBy(acceptance.allowedFingerprints, judged, acceptance.fingerprintKey)) return undefined;
  const finding: Finding = {
    ruleId: rule.id,
    title: rule.title,
    provider: rule.provider,
    severity: rule.severity,
    longLived: rule.longLived,
    path,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    redacted: `(whole file, ${content.length} bytes)`,
    fingerprint: printOf(judged, acceptance.fingerprintKey),
    entropy: 0,
    verifiedFormat: true,
    remediation: rule.remediation,
    details: { store: reason },
  };
  if (rule.revokeUrl) finding.revokeUrl = rule.revokeUrl;
  const inBaseline = acceptedBy(acceptance.baseline, judged, acceptance.fingerprintKey);
  if (inBaseline) finding.baseline = true;
  if (inBaseline === 'legacy') finding.migratedFrom = judged.legacyPrint;
  return finding;
}
