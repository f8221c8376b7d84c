import type { FileSyntax } from '../rules/types.js';
import { classifyContent, fileSyntax, LineIndex, scanClassified } from './content.js';
import type { Finding } from './finding.js';
import { buildFileFinding, buildFinding, rejection, weigh, type Acceptance, type Candidate } from './judge.js';
import { crowdedNotices, matchWindows, type CrowdedWindow } from './match.js';
import { planScanner, type CreateScannerOptions, type ScannerPlan } from './plan.js';
import type { FoundSecret, ScanResult, Scanner } from './types.js';
import { collectWindows } from './windows.js';

export { MAX_MATCHES_PER_WINDOW, REGEX_BUDGET_BASE, REGEX_BUDGET_PER_BYTE } from './match.js';
export { activeRules, customRule, type CreateScannerOptions } from './plan.js';

export function createScanner(options: CreateScannerOptions = {}): Scanner {
  const plan = planScanner(options);
  return {
    rules: plan.rules,
    isPathIgnored: (path) => plan.ignored(path),
    scanBuffer: (content, path) => scanBuffer(plan, content, path),
    secretsIn: (content, path) => secretsIn(plan, content, path),
  };
}

function scanBuffer(plan: ScannerPlan, content: Buffer, path: string): ScanResult {
  if (plan.ignored(path)) return { findings: [], notices: [], skipped: 'ignored' };
  const crowded: CrowdedWindow[] = [];
  const result = scanClassified(content, path, plan.config.maxFileSize, (text, providerRulesOnly) => scanText(plan, text, path, providerRulesOnly === true, crowded));
  if (crowded.length > 0) result.notices.push(...crowdedNotices(path, crowded));
  const stores = storeFindings(plan, content, path);
  if (stores.recognised) {
    // The store's own finding says what it is: no "binary store, not scanned" notice besides.
    result.notices = result.notices.filter((notice) => notice.kind !== 'binary');
    result.findings.unshift(...stores.findings);
  }
  return result;
}

function secretsIn(plan: ScannerPlan, content: Buffer, path: string): FoundSecret[] {
  if (plan.ignored(path)) return [];
  const kind = classifyContent(content, path, plan.config.maxFileSize);
  if (kind.kind !== 'text' && kind.kind !== 'binary') return [];
  const text = kind.kind === 'text' ? kind.text : content;
  let syntax: FileSyntax | undefined;
  const all = collectWindows(plan.keywords, text, path, () => (syntax ??= fileSyntax(path, text)));
  const windows = kind.kind === 'binary' ? all.filter((rule) => !rule.prepared.generic) : all;
  if (windows.length === 0) return [];
  const acceptance = { ...plan.acceptance, reportInlineSuppressed: true };
  return [...judgeCandidates(acceptance, matchWindows(plan.backend, text, windows, []), text, path)].map(([candidate, finding]) => ({
    ruleId: candidate.prepared.rule.id,
    fingerprint: finding.fingerprint,
    secret: text.subarray(candidate.secretStart, candidate.secretEnd).toString('utf8'),
  }));
}

/** Whole-file rules: a file that is itself a credential store gives one finding (none when its print is allowlisted). */
function storeFindings(plan: ScannerPlan, content: Buffer, path: string): { recognised: boolean; findings: Finding[] } {
  const findings: Finding[] = [];
  let recognised = false;
  for (const { rule, skipPath } of plan.fileRules) {
    if (skipPath(path)) continue;
    const reason = rule.wholeFile!(content, path);
    if (reason === undefined) continue;
    recognised = true;
    const finding = buildFileFinding(rule, content, path, reason, plan.acceptance);
    if (finding) findings.push(finding);
  }
  return { recognised, findings };
}

/** Scans what content.ts classified (text, decoded from UTF-16 when it was; binaries with provider rules only). */
function scanText(plan: ScannerPlan, content: Buffer, path: string, providerRulesOnly: boolean, crowded: CrowdedWindow[]): Finding[] {
  let syntax: FileSyntax | undefined;
  const all = collectWindows(plan.keywords, content, path, () => (syntax ??= fileSyntax(path, content)));
  const windows = providerRulesOnly ? all.filter((rule) => !rule.prepared.generic) : all;
  if (windows.length === 0) return [];
  const candidates = matchWindows(plan.backend, content, windows, crowded);
  if (candidates.length === 0) return [];
  return judgeAll(plan.acceptance, candidates, content, path);
}

/**
 * The findings among the candidates. Judged before overlaps are resolved: a specific rule whose match fails its
 * validator must not hide a generic rule's finding on the same text.
 */
function judgeAll(acceptance: Acceptance, candidates: readonly Candidate[], content: Buffer, path: string): Finding[] {
  return [...judgeCandidates(acceptance, candidates, content, path).values()];
}

/** The candidates that are findings, shadowed ones dropped, in report order, each with its finding. */
function judgeCandidates(acceptance: Acceptance, candidates: readonly Candidate[], content: Buffer, path: string): Map<Candidate, Finding> {
  const lines = new LineIndex(content);
  const judged = new Map<Candidate, Finding>();
  for (const candidate of candidates) {
    const weighed = weigh(candidate, content);
    if (rejection(weighed, lines, acceptance) === undefined) judged.set(candidate, buildFinding(weighed, lines, path, acceptance));
  }
  return new Map(dropShadowed([...judged.keys()]).map((candidate) => [candidate, judged.get(candidate)!]));
}

/** Specific rules beat generic ones on the same text; the same span is reported once. */
function dropShadowed(candidates: Candidate[]): Candidate[] {
  const specific = candidates.filter((c) => !c.prepared.generic);
  const kept: Candidate[] = [];
  const seenSpans = new Set<string>();
  const ordered = [...candidates].sort((a, b) => Number(a.prepared.generic) - Number(b.prepared.generic) || a.prepared.order - b.prepared.order);
  for (const candidate of ordered) {
    const span = `${candidate.secretStart}:${candidate.secretEnd}`;
    if (seenSpans.has(span)) continue;
    if (candidate.prepared.generic && specific.some((s) => s.secretStart < candidate.secretEnd && candidate.secretStart < s.secretEnd)) continue;
    seenSpans.add(span);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.secretStart - b.secretStart || a.prepared.order - b.prepared.order);
}
