import type { Finding } from '../engine/finding.js';
import type { Rule, Severity } from '../rules/types.js';
import { hasBase62Crc32 } from '../rules/validators/checksum.js';
import { compareSeverity, sortFindings } from './severity.js';

/** What the reports compare a finding with to say what state it is in; each part optional (then that state is unknown). */
export interface FindingStateSources {
  /** Fingerprints the previous run recorded in its PR comment: a finding not among them is new since the last push. */
  previous?: ReadonlySet<string>;
  /**
   * Fingerprints of the secrets the change still adds at its end (the net diff): a finding not among them was added
   * and removed again, and lives only in history.
   */
  inHead?: ReadonlySet<string>;
  /** The scan's rules: which are generic guesses, which check a checksum. */
  rules?: readonly Rule[];
}

export type Liveness = 'active' | 'inactive' | 'unknown' | 'not-checked';

export interface FindingState {
  /** undefined when there is no earlier run to compare with. */
  new?: boolean;
  presence: 'tree' | 'history' | 'unknown';
  baseline: boolean;
  /** What the credential's provider answered (`--verify`, the `verify` input); not-checked when it was not asked. */
  liveness: Liveness;
  format?: 'checksum valid' | 'format valid';
}

export interface FindingGroup {
  ruleId: string;
  title: string;
  provider: string;
  severity: Severity;
  /** A generic pattern (a secret-looking value assigned to a secret-looking name), listed apart as "other". */
  generic: boolean;
  findings: Finding[];
  states: FindingState[];
}

/** The previous comment keeps fingerprint prefixes: enough to recognise a finding, short enough for hundreds. */
export const SEEN_PREFIX = 16;

function isChecksumRule(rule: Rule | undefined): boolean {
  return rule?.validate === hasBase62Crc32;
}

export function findingState(finding: Finding, sources: FindingStateSources, rule?: Rule): FindingState {
  const state: FindingState = {
    presence: sources.inHead ? (sources.inHead.has(finding.fingerprint) ? 'tree' : 'history') : 'unknown',
    baseline: finding.baseline === true,
    liveness: finding.verification?.status ?? 'not-checked',
  };
  if (sources.previous) state.new = !sources.previous.has(finding.fingerprint.slice(0, SEEN_PREFIX));
  if (finding.verifiedFormat) state.format = isChecksumRule(rule) ? 'checksum valid' : 'format valid';
  return state;
}

const LIVENESS_WORDS: Record<Liveness, string> = { active: '**ACTIVE** (its provider accepts it)', inactive: 'inactive (its provider refuses it)', unknown: 'liveness unknown', 'not-checked': 'liveness not checked' };

export const livenessWords = (liveness: Liveness) => LIVENESS_WORDS[liveness];

/** The state in words, most telling first. */
export function stateWords(state: FindingState): string[] {
  return [
    state.new ? 'new since the last push' : '',
    state.presence === 'history' ? 'only in history (added and removed in this pull request)' : state.presence === 'tree' ? 'still in the code' : '',
    state.baseline ? 'accepted in the baseline' : '',
    LIVENESS_WORDS[state.liveness],
    state.format ?? '',
  ].filter(Boolean);
}

/** Findings of one rule form one group; groups ordered by severity, then size, then title. */
export function groupFindings(findings: readonly Finding[], sources: FindingStateSources = {}): FindingGroup[] {
  const rules = new Map((sources.rules ?? []).map((rule) => [rule.id, rule]));
  const groups = new Map<string, FindingGroup>();
  for (const finding of sortFindings(findings)) {
    const rule = rules.get(finding.ruleId);
    let group = groups.get(finding.ruleId);
    if (!group) {
      const generic = rule ? rule.kind === 'generic' : finding.provider === 'Generic';
      group = { ruleId: finding.ruleId, title: finding.title, provider: finding.provider, severity: finding.severity, generic, findings: [], states: [] };
      groups.set(finding.ruleId, group);
    }
    group.findings.push(finding);
    group.states.push(findingState(finding, sources, rule));
  }
  return [...groups.values()].sort((a, b) => compareSeverity(a.severity, b.severity) || b.findings.length - a.findings.length || a.title.localeCompare(b.title));
}

/** Counts across groups, for headings and the first screen. */
export function stateCounts(groups: readonly FindingGroup[]): { total: number; new: number; historyOnly: number; baseline: number; longLived: number; active: number } {
  const states = groups.flatMap((g) => g.states);
  const findings = groups.flatMap((g) => g.findings);
  return {
    total: findings.length,
    new: states.filter((s) => s.new).length,
    historyOnly: states.filter((s) => s.presence === 'history').length,
    baseline: states.filter((s) => s.baseline).length,
    longLived: findings.filter((f) => f.longLived).length,
    active: states.filter((s) => s.liveness === 'active').length,
  };
}
