import { createHash } from 'node:crypto';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { Rule, Severity } from '../rules/types.js';
import { utf16Columns } from './columns.js';
import { remediationFor, remediationText } from './remediation.js';
import { sortFindings } from './severity.js';
import { isActive, verificationProperties, verificationWords } from './verification.js';
import { TOOL_NAME, TOOL_URI, TOOL_VERSION } from './tool.js';

/** GitHub code scanning maps security-severity ≥9.0 to critical, ≥7.0 high, ≥4.0 medium, else low. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * The partialFingerprints key. v2 since fingerprints became keyed HMACs: code scanning matches alerts across uploads by
 * key and value, so a new key name keeps it from pairing old unkeyed values with new ones.
 */
export const SARIF_FINGERPRINT_KEY = 'keyward/fingerprint/v2';

function ruleDescriptor(rule: Rule) {
  const lifetime = rule.longLived ? 'a long-lived credential (valid until revoked)' : 'a short-lived credential';
  const r = remediationFor(rule);
  const oidc = r.oidcInput ? `\nKeyward's OIDC swap (${r.oidcInput} input) replaces the stored credential with a short-lived one.` : '';
  const help = `${rule.title}: ${lifetime}.\n\nWhat to do: ${r.action}${oidc}${r.revokeUrl ? `\nRevoke at: ${r.revokeUrl}` : ''}\n\nRemoving the line is not enough: the value stays in git history, so revoke it first.`;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title} (${rule.provider}) committed to the repository: ${lifetime}.` },
    help: { text: help, markdown: help.replace(/\nRevoke at: (\S+)/, '\nRevoke at: <$1>') },
    ...(rule.revokeUrl ? { helpUri: rule.revokeUrl } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'secret', rule.longLived ? 'long-lived' : 'short-lived', rule.provider],
      precision: rule.kind === 'generic' ? 'medium' : 'high',
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** A result that is not a secret in content, such as a workflow audit finding: it brings its own rule text and help. */
export interface SarifExtraResult {
  ruleId: string;
  title: string;
  severity: Severity;
  path: string;
  line: number;
  message: string;
  /** Markdown help: what to do instead, e.g. a replacement YAML snippet. */
  help: string;
  fingerprint: string;
  tags: string[];
}

function extraDescriptor(result: SarifExtraResult) {
  return {
    id: result.ruleId,
    name: result.ruleId.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: result.title },
    fullDescription: { text: result.title },
    help: { text: result.help, markdown: result.help },
    defaultConfiguration: { level: LEVEL[result.severity] },
    properties: { tags: ['security', ...result.tags], precision: 'high', 'security-severity': SECURITY_SEVERITY[result.severity] },
  };
}

function extraSarifResult(result: SarifExtraResult, ruleIndex: number) {
  return {
    ruleId: result.ruleId,
    ruleIndex,
    level: LEVEL[result.severity],
    message: { text: result.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(result.path), uriBaseId: '%SRCROOT%' }, region: { startLine: result.line } } }],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: result.fingerprint },
    properties: { severity: result.severity },
  };
}

export const NOT_SCANNED_RULE = 'keyward-not-scanned';

/** A path the run had to judge but could not read, as a result of its own rule, so code scanning lists it. */
function notScannedResults(notices: readonly ScanNotice[], policy: 'fail' | 'warn' | undefined): SarifExtraResult[] {
  return notices
    .filter((n) => n.unscanned && n.path)
    .map((n) => ({
      ruleId: NOT_SCANNED_RULE,
      title: 'Content Keyward could not scan',
      severity: policy === 'fail' ? 'high' : 'medium',
      path: n.path!,
      line: 1,
      message: `Not scanned (${n.kind}${n.commit ? ` at ${n.commit.slice(0, 12)}` : ''}): ${n.message}`,
      help: 'Keyward could not read this content (over the size cap, unreadable, not a regular file, a missing object, or a binary credential store), so it cannot say it holds no secret. The `unscanned` input (fail or warn) decides whether this fails the check.',
      fingerprint: createHash('sha256').update(['not-scanned', n.kind, n.path, n.commit ?? ''].join('\0')).digest('hex'),
      tags: ['not-scanned'],
    }));
}

/** Every unscanned notice, with or without a path, as the run's tool execution notifications. */
function notScannedInvocation(notices: readonly ScanNotice[], policy: 'fail' | 'warn' | undefined) {
  const notifications = notices
    .filter((n) => n.unscanned)
    .map((n) => ({
      level: policy === 'fail' ? 'error' : 'warning',
      message: { text: `Not scanned: ${n.message}` },
      descriptor: { id: NOT_SCANNED_RULE },
      ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(n.path), uriBaseId: '%SRCROOT%' } } }] } : {}),
      properties: { kind: n.kind, ...(n.commit ? { commit: n.commit } : {}) },
    }));
  return { executionSuccessful: true, toolExecutionNotifications: notifications };
}

export interface SarifOptions {
  toolVersion?: string;
  extra?: readonly SarifExtraResult[];
  /** Scan notices: those marked unscanned become results and notifications. */
  notices?: readonly ScanNotice[];
  unscanned?: 'fail' | 'warn';
}

/** SARIF 2.1.0 as GitHub code scanning accepts it: relative URIs against %SRCROOT%, partial fingerprints, rule help. */
export function toSarif(findings: readonly Finding[], rules: readonly Rule[], options: SarifOptions = {}) {
  const extra = [...(options.extra ?? []), ...notScannedResults(options.notices ?? [], options.unscanned)];
  const used = [...new Set(findings.map((f) => f.ruleId))];
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const descriptors = used.map(
    (id) =>
      byId.get(id) ?? {
        id,
        title: id,
        provider: 'Keyward',
        severity: findings.find((f) => f.ruleId === id)!.severity,
        keywords: [],
        pattern: '',
        longLived: false,
        remediation: 'Revoke the credential at its issuer.',
      },
  );
  const index = new Map(used.map((id, i) => [id, i]));
  const extraRules = [...new Map(extra.map((result) => [result.ruleId, result])).values()].filter((result) => !index.has(result.ruleId));
  extraRules.forEach((result, i) => index.set(result.ruleId, used.length + i));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: TOOL_NAME, informationUri: TOOL_URI, version: options.toolVersion ?? TOOL_VERSION, semanticVersion: options.toolVersion ?? TOOL_VERSION, rules: [...descriptors.map(ruleDescriptor), ...extraRules.map(extraDescriptor)] },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root' } } },
        invocations: [notScannedInvocation(options.notices ?? [], options.unscanned)],
        results: [
          ...sortFindings(findings).map((finding) => ({
          ruleId: finding.ruleId,
          ruleIndex: index.get(finding.ruleId),
          level: isActive(finding) ? 'error' : LEVEL[finding.severity],
          message: {
            text: `${finding.title} (${finding.longLived ? 'long-lived' : 'short-lived'}${finding.verification ? `; ${verificationWords(finding.verification)}` : ''}): ${finding.redacted}. ${remediationText(finding)}`,
          },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeUri(finding.path), uriBaseId: '%SRCROOT%' },
                region: { startLine: finding.line, endLine: finding.endLine, ...utf16Columns(finding) },
              },
            },
          ],
          partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
          ...(finding.baseline ? { baselineState: 'unchanged', suppressions: [{ kind: 'external', justification: 'accepted in the Keyward baseline' }] } : {}),
          properties: {
            severity: finding.severity,
            longLived: finding.longLived,
            redacted: finding.redacted,
            ...(finding.commit ? { commit: finding.commit.sha, author: finding.commit.author, date: finding.commit.date } : {}),
            ...(finding.expiresAt ? { expiresAt: finding.expiresAt } : {}),
            ...verificationProperties(finding),
          },
        })),
          ...extra.map((result) => extraSarifResult(result, index.get(result.ruleId)!)),
        ],
      },
    ],
  };
}
