import { builtinRules } from '../rules/index.js';
import type { FileSyntax, Rule } from '../rules/types.js';
import { HASH_FILE_GLOBS, globMatcher, type PathMatcher } from './allowlist.js';
import { defaultConfig } from './config/defaults.js';
import { patternMatcher, ruleScope, stopwordMatcher } from './config/matchers.js';
import { CUSTOM_MULTILINE_WINDOW, spansLines } from './config/multiline.js';
import type { CustomRuleSpec, KeywardConfig } from './config/types.js';
import { LineIndex, classifyContent, fileSyntax, scanClassified } from './content.js';
import type { Finding, ScanNotice } from './finding.js';
import { buildFileFinding, buildFinding, rejection, weigh, type Acceptance, type Candidate } from './judge.js';
import { prefixOwners, providerPrefixes } from './provider-prefixes.js';
import { ScanInput, regexBackend, requiredByteSets, type CompiledPattern, type RegexBackend } from './regex.js';
import type { FoundSecret, ScanResult, Scanner } from './types.js';
import { WINDOW_REACH, buildKeywordIndex, collectWindows, type KeywordIndex, type PreparedRule, type RuleWindows } from './windows.js';

/** Punctuation in rough order of how common it is in source text; bytes not listed count as rarer than all of these. */
const COMMON_BYTES = ' "\'.,:;=-_/()[]{}<>*+\n';

const commonness = (byte: number) => COMMON_BYTES.indexOf(String.fromCharCode(byte));

/** True when content[from, to) contains `byte`. A native call costs more than a short loop. */
function holds(content: Buffer, from: number, to: number, byte: number): boolean {
  if (to - from > 512) return content.subarray(from, to).indexOf(byte) !== -1;
  let at = from;
  while (at < to && content[at] !== byte) at++;
  return at < to;
}

/** True when content[from, to) holds at least one byte of every set (see requiredByteSets). */
function holdsEvery(content: Buffer, from: number, to: number, sets: readonly (readonly number[])[]): boolean {
  for (const set of sets) if (!set.some((byte) => holds(content, from, to, byte))) return false;
  return true;
}

/** Required-byte sets in the order they are checked: the likeliest to be missing (small sets of rare bytes) first. */
function rarestFirst(sets: number[][]): number[][] {
  const rank = (set: readonly number[]) => set.length * 100 + Math.min(...set.map(commonness));
  return sets.map((set) => set.sort((a, b) => commonness(a) - commonness(b))).sort((a, b) => rank(a) - rank(b));
}

export interface CreateScannerOptions {
  config?: KeywardConfig;
  /** Fingerprints of accepted findings: reported with `baseline: true`, never failing. */
  baseline?: Iterable<string>;
  /**
   * Report findings on lines with an inline suppression, marked `suppression` (not yet accepted), instead of dropping
   * them: for pull requests, where the caller decides whether the PR's own suppression counts.
   */
  reportInlineSuppressed?: boolean;
  backend?: RegexBackend;
}

export function customRule(spec: CustomRuleSpec): Rule {
  return {
    id: spec.id,
    title: spec.title,
    provider: 'Custom',
    severity: spec.severity,
    keywords: spec.keywords.map((keyword) => keyword.toLowerCase()),
    pattern: spec.pattern,
    entropy: spec.entropy,
    longLived: spec.longLived,
    remediation: spec.remediation ?? 'Revoke the credential at its issuer, then remove it from the repository and its history.',
    revokeUrl: spec.revokeUrl,
    kind: 'specific',
    ...(spansLines(spec.pattern) ? { multilineWindow: CUSTOM_MULTILINE_WINDOW } : {}),
  };
}

/** The rules in force: built-ins minus disabled ones, plus custom rules, with severity overrides applied. */
export function activeRules(config: KeywardConfig): Rule[] {
  const disabled = new Set(config.rules.disable);
  return [...builtinRules, ...config.rules.custom.map(customRule)]
    .filter((rule) => !disabled.has(rule.id))
    .map((rule) => {
      const severity = config.rules.severity[rule.id];
      return severity ? { ...rule, severity } : rule;
    });
}


/** Everything a scanner derives from its options once, shared by every scanBuffer call. */
interface ScannerPlan {
  config: KeywardConfig;
  backend: RegexBackend;
  rules: Rule[];
  keywords: KeywordIndex;
  /** The rules about whole files (credential stores), each with its path skips. */
  fileRules: { rule: Rule; skipPath: PathMatcher }[];
  ignored: PathMatcher;
  acceptance: Acceptance;
}

export function createScanner(options: CreateScannerOptions = {}): Scanner {
  const plan = planScanner(options);
  return {
    rules: plan.rules,
    isPathIgnored: (path) => plan.ignored(path),
    scanBuffer: (content, path) => scanBuffer(plan, content, path),
    secretsIn: (content, path) => secretsIn(plan, content, path),
  };
}

function planScanner(options: CreateScannerOptions): ScannerPlan {
  const config = options.config ?? defaultConfig();
  const backend = options.backend ?? regexBackend();
  const rules = activeRules(config);
  return {
    config,
    backend,
    rules,
    keywords: buildKeywordIndex(prepareRules(rules, config, backend)),
    fileRules: rules.filter((rule) => rule.wholeFile).map((rule) => ({ rule, skipPath: globMatcher(rule.skipPaths ?? []) })),
    ignored: pathIgnores(config, backend),
    acceptance: {
      valueAllowed: valueAllowlist(config, backend),
      allowedFingerprints: new Set(config.allowlist.fingerprints),
      baseline: new Set(options.baseline ?? []),
      fingerprintKey: config.fingerprintKey,
      reportInlineSuppressed: options.reportInlineSuppressed,
      isMalformedProviderToken: malformedProviderToken(rules, backend),
    },
  };
}

/** A value with a provider's prefix that none of that provider's rules matches whole (see Acceptance). */
function malformedProviderToken(rules: readonly Rule[], backend: RegexBackend): (secret: string) => boolean {
  const prefixes = providerPrefixes(rules);
  const compiled = new Map<Rule, CompiledPattern>();
  const matchesWhole = (rule: Rule, value: Buffer) => {
    let pattern = compiled.get(rule);
    if (!pattern) compiled.set(rule, (pattern = backend.compile(rule.pattern)));
    let whole = false;
    pattern.scan(new ScanInput(value), 0, value.length, (match) => !(whole = match.secretStart === 0 && match.secretEnd === value.length));
    return whole;
  };
  return (secret) => {
    const owners = prefixOwners(prefixes, secret);
    if (owners.length === 0) return false;
    const value = Buffer.from(secret);
    return !owners.some((rule) => matchesWhole(rule, value));
  };
}

function prepareRules(rules: readonly Rule[], config: KeywardConfig, backend: RegexBackend): PreparedRule[] {
  const hashFiles = globMatcher(HASH_FILE_GLOBS);
  // Custom rules' own path scopes and allowlists (`paths`, `allowlist` in the config).
  const scopes = new Map(config.rules.custom.map((spec) => [spec.id, ruleScope(spec, backend)]));
  return rules.map((rule, order) => {
    const generic = rule.kind === 'generic';
    const scope = scopes.get(rule.id);
    // Compiled on first use, like the pattern: most rules never see a keyword hit, and every worker builds a scanner.
    let ownSkip: PathMatcher | undefined;
    let only: PathMatcher | undefined;
    const outside = (path: string) => rule.onlyPaths !== undefined && !(only ??= globMatcher(rule.onlyPaths))(path);
    const skip: PathMatcher = (path) => outside(path) || (ownSkip ??= globMatcher(rule.skipPaths ?? []))(path) || scope?.skipsPath(path) === true;
    return { rule, order, generic, skipPath: generic ? (path) => hashFiles(path) || skip(path) : skip, allowsValue: scope?.allowsValue };
  });
}

/** Paths not scanned: the config's ignore-paths globs and its allowlisted path patterns. */
function pathIgnores(config: KeywardConfig, backend: RegexBackend): PathMatcher {
  const globs = globMatcher(config.ignorePaths);
  const patterns = patternMatcher(config.allowlist.paths ?? [], backend);
  return (path) => globs(path) || patterns(path);
}

/** The config's allowlist of values: a stopword anywhere in the secret, or an allow pattern matching it. */
function valueAllowlist(config: KeywardConfig, backend: RegexBackend): (secret: string) => boolean {
  const stopword = stopwordMatcher(config.allowlist.stopwords);
  const pattern = patternMatcher(config.allowlist.values, backend);
  return (secret) => stopword(secret) || pattern(secret);
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
 * How many matches one rule may produce in one window (a line, or a line's 8 KB cut) before the rest of that window
 * is left unchecked for that rule and reported as not scanned. Each match costs microseconds (the native exec builds a
 * result object, then the candidate is judged), so a line flooded with a keyword cost seconds per megabyte; no real
 * line holds this many secrets of one kind.
 */
export const MAX_MATCHES_PER_WINDOW = 256;

/**
 * The regex work one file may spend on long windows (merged spans of keyword hits on long lines, over LONG_WINDOW
 * bytes), in bytes run through patterns across all its rules: the larger of a base and a multiple of the file's size.
 * A line flooded with one keyword is one window the length of the line for every rule of that keyword, each a pass
 * over the whole line (re2js runs some at a few MB/s); minified code and data lines stay far below the bound, and
 * windows of ordinary lines never draw on it. Windows left once it is spent are reported as not scanned.
 */
export const REGEX_BUDGET_BASE = 1 << 20;
export const REGEX_BUDGET_PER_BYTE = 1;
/** Windows up to this long are lines (or a line's cut around one hit, see WINDOW_REACH) and cost no budget. */
const LONG_WINDOW = 4 * WINDOW_REACH;

/** A rule's window left partly unchecked: past MAX_MATCHES_PER_WINDOW matches, or with the regex budget spent. */
interface CrowdedWindow {
  rule: Rule;
  why: 'matches' | 'budget';
  /** The 1-based line where the unchecked rest begins, in the scanned text. */
  line: number;
}

/** Runs each rule's pattern over its windows; a window that lacks one of the pattern's required bytes is skipped. */
function matchWindows(backend: RegexBackend, content: Buffer, windows: readonly RuleWindows[], crowded: CrowdedWindow[]): Candidate[] {
  const input = new ScanInput(content);
  const candidates: Candidate[] = [];
  const lineOf = (offset: number) => new LineIndex(content).position(offset).line;
  let budget = Math.max(REGEX_BUDGET_BASE, REGEX_BUDGET_PER_BYTE * content.length);
  for (const { prepared, windows: list } of windows) {
    prepared.required ??= rarestFirst(requiredByteSets(prepared.rule.pattern));
    for (const window of list) {
      if (!holdsEvery(content, window.start, window.end, prepared.required)) continue;
      const long = window.end - window.start > LONG_WINDOW;
      if (long && window.end - window.start > budget) {
        crowded.push({ rule: prepared.rule, why: 'budget', line: lineOf(window.start) });
        continue;
      }
      // Compiled only once a window could hold a match: many rules' windows never pass the check above.
      prepared.compiled ??= backend.compile(prepared.rule.pattern);
      let matches = 0;
      let stoppedAt = window.end;
      prepared.compiled.scan(input, window.start, window.end, (match) => {
        if (match.secretEnd > match.secretStart) candidates.push({ prepared, start: match.start, end: match.end, secretStart: match.secretStart, secretEnd: match.secretEnd });
        if (++matches < MAX_MATCHES_PER_WINDOW) return true;
        stoppedAt = match.end;
        if (match.end < window.end) crowded.push({ rule: prepared.rule, why: 'matches', line: lineOf(match.end) });
        return false;
      });
      if (long) budget -= stoppedAt - window.start;
    }
  }
  return candidates;
}

/** One notice per way windows were cut short in a file: content left unchecked, so it counts as not scanned. */
function crowdedNotices(path: string, crowded: readonly CrowdedWindow[]): ScanNotice[] {
  const notices: ScanNotice[] = [];
  for (const why of ['matches', 'budget'] as const) {
    const cut = crowded.filter((c) => c.why === why);
    if (cut.length === 0) continue;
    const first = cut.reduce((a, b) => (b.line < a.line ? b : a));
    const rules = [...new Set(cut.map((c) => c.rule.id))];
    const which = rules.length === 1 ? 'that rule' : 'those rules';
    const message =
      why === 'matches'
        ? `${path}: line ${first.line} holds over ${MAX_MATCHES_PER_WINDOW} matches of ${rules.join(', ')}; the rest of such lines was not checked for ${which}`
        : `${path}: from line ${first.line}, keyword-dense content was not checked for ${rules.join(', ')}: the file's bound on regex work over long lines (${REGEX_BUDGET_PER_BYTE}x its size, at least ${REGEX_BUDGET_BASE >> 20} MB) was spent`;
    notices.push({ kind: 'other', path, unscanned: true, message });
  }
  return notices;
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
