import { builtinRules } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import {
  HASH_FILE_GLOBS,
  globMatcher,
  hasHashContext,
  hasInlineIgnore,
  isPlaceholder,
  isReference,
  type PathMatcher,
} from './allowlist.js';
import { defaultConfig } from './config/defaults.js';
import type { CustomRuleSpec, KeywardConfig } from './config/types.js';
import { LineIndex, lineBounds, looksBinary } from './content.js';
import { rejectGenericValue, shannonEntropy } from './entropy.js';
import type { Finding } from './finding.js';
import { KeywordPrefilter } from './prefilter.js';
import { redact, fingerprint } from './redact.js';
import { ScanInput, regexBackend, requiredBytes, type CompiledPattern, type RegexBackend } from './regex.js';
import type { ScanResult, Scanner } from './types.js';

/** Punctuation in rough order of how common it is in source text; bytes not listed count as rarer than all of these. */
const COMMON_BYTES = ' "\'.,:;=-_/()[]{}<>*+\n';

const commonness = (byte: number) => COMMON_BYTES.indexOf(String.fromCharCode(byte));

/** True when content[from, to) contains every one of `bytes`. A native call costs more than a short loop. */
function holdsAll(content: Buffer, from: number, to: number, bytes: readonly number[]): boolean {
  for (const byte of bytes) {
    if (to - from > 512) {
      if (content.subarray(from, to).indexOf(byte) === -1) return false;
      continue;
    }
    let at = from;
    while (at < to && content[at] !== byte) at++;
    if (at === to) return false;
  }
  return true;
}

/** How far a regex window reaches from a keyword hit on a long line; longer secrets need a multiline window. */
const WINDOW_REACH = 4096;
const DEFAULT_GENERIC_ENTROPY = 3.0;

interface PreparedRule {
  rule: Rule;
  order: number;
  /** Compiled on first use: most rules never see a keyword hit in a run, and RE2 compiles cost ~1 ms each. */
  compiled?: CompiledPattern;
  /** Bytes every match contains, rarest first (see requiredBytes): a window lacking one is skipped. */
  required?: number[];
  generic: boolean;
  skipPath: PathMatcher;
}

interface Candidate {
  prepared: PreparedRule;
  start: number;
  secretStart: number;
  secretEnd: number;
}

export interface CreateScannerOptions {
  config?: KeywardConfig;
  /** Fingerprints of accepted findings: reported with `baseline: true`, never failing. */
  baseline?: Iterable<string>;
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

export function createScanner(options: CreateScannerOptions = {}): Scanner {
  const config = options.config ?? defaultConfig();
  const backend = options.backend ?? regexBackend();
  const rules = activeRules(config);
  const hashFiles = globMatcher(HASH_FILE_GLOBS);
  const prepared: PreparedRule[] = rules.map((rule, order) => {
    const generic = rule.kind === 'generic';
    // Compiled on first use, like the pattern: most rules never see a keyword hit, and every worker builds a scanner.
    let ownSkip: PathMatcher | undefined;
    const skip: PathMatcher = (path) => (ownSkip ??= globMatcher(rule.skipPaths ?? []))(path);
    return {
      rule,
      order,
      generic,
      skipPath: generic ? (path) => hashFiles(path) || skip(path) : skip,
    };
  });

  const keywordIndex = new Map<string, number>();
  const rulesByKeyword: number[][] = [];
  prepared.forEach((entry, ruleIndex) => {
    for (const keyword of new Set(entry.rule.keywords.map((k) => k.toLowerCase()))) {
      let index = keywordIndex.get(keyword);
      if (index === undefined) {
        index = keywordIndex.size;
        keywordIndex.set(keyword, index);
        rulesByKeyword.push([]);
      }
      rulesByKeyword[index]!.push(ruleIndex);
    }
  });
  const prefilter = KeywordPrefilter.shared([...keywordIndex.keys()]);
  const keywordLengths = prefilter.keywordLengths;

  const ignored = globMatcher(config.ignorePaths);
  const allowValues = config.allowlist.values.map((pattern) => backend.compile(pattern));
  const stopwords = config.allowlist.stopwords.map((word) => word.toLowerCase());
  const allowedFingerprints = new Set(config.allowlist.fingerprints);
  const baseline = new Set(options.baseline ?? []);

  const valueAllowed = (secret: string): boolean => {
    const lower = secret.toLowerCase();
    if (stopwords.some((word) => lower.includes(word))) return true;
    if (allowValues.length === 0) return false;
    const input = new ScanInput(Buffer.from(secret, 'utf8'));
    let hit = false;
    for (const pattern of allowValues) {
      pattern.scan(input, 0, input.buffer.length, () => {
        hit = true;
      });
      if (hit) return true;
    }
    return false;
  };

  function collectWindows(content: Buffer, path: string): Map<number, number[]> {
    const windows = new Map<number, number[]>();
    const size = content.length;
    prefilter.scan(content, (keyword, hitEnd) => {
      const hitStart = hitEnd - keywordLengths[keyword]!;
      // The hit's line, found once for all the keyword's rules that need it.
      let bounds: { start: number; end: number } | undefined;
      for (const ruleIndex of rulesByKeyword[keyword]!) {
        let list = windows.get(ruleIndex);
        const entry = prepared[ruleIndex]!;
        // A hit inside the current window adds nothing, except for multi-line rules: a match starting at this hit may
        // run past the window opened by an earlier one, so the window is extended from here.
        if (list && !entry.rule.multilineWindow && hitStart >= list[list.length - 2]! && hitEnd <= list[list.length - 1]!) continue;
        if (!list) {
          if (entry.skipPath(path)) {
            windows.set(ruleIndex, []);
            continue;
          }
          list = [];
          windows.set(ruleIndex, list);
        } else if (list.length === 0) continue;
        bounds ??= lineBounds(content, hitStart, hitEnd, WINDOW_REACH);
        const end = entry.rule.multilineWindow ? Math.max(bounds.end, Math.min(size, bounds.start + entry.rule.multilineWindow)) : bounds.end;
        const last = list.length - 1;
        if (last > 0 && bounds.start <= list[last]!) list[last] = Math.max(list[last]!, end);
        else list.push(bounds.start, end);
      }
    });
    return windows;
  }

  function judge(candidate: Candidate, content: Buffer, lines: LineIndex, path: string): Finding | undefined {
    const { rule, generic } = candidate.prepared;
    const secretBytes = content.subarray(candidate.secretStart, candidate.secretEnd);
    const secret = secretBytes.toString('utf8');
    const entropy = shannonEntropy(secret);
    if (rule.entropy !== undefined && entropy < rule.entropy) return undefined;
    if (isPlaceholder(secret)) return undefined;
    if (generic) {
      if (isReference(secret)) return undefined;
      if (rejectGenericValue(secret, rule.entropy ?? DEFAULT_GENERIC_ENTROPY)) return undefined;
      if (hasHashContext(lines.lineAround(candidate.secretStart))) return undefined;
    }
    let verifiedFormat = false;
    if (rule.validate) {
      if (!rule.validate(secret)) return undefined;
      verifiedFormat = true;
    }
    if (hasInlineIgnore(lines.lineAround(candidate.start)) || hasInlineIgnore(lines.lineAround(candidate.secretEnd - 1))) {
      return undefined;
    }
    if (valueAllowed(secret)) return undefined;
    const print = fingerprint(rule.id, secretBytes);
    if (allowedFingerprints.has(print)) return undefined;

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
      verifiedFormat,
      remediation: rule.remediation,
    };
    if (rule.revokeUrl) finding.revokeUrl = rule.revokeUrl;
    if (facts?.expiresAt) finding.expiresAt = facts.expiresAt.toISOString();
    if (facts?.issuedAt) finding.issuedAt = facts.issuedAt.toISOString();
    if (facts?.details) finding.details = facts.details;
    if (baseline.has(print)) finding.baseline = true;
    return finding;
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

  return {
    rules,
    isPathIgnored: (path) => ignored(path),
    scanBuffer(content: Buffer, path: string): ScanResult {
      if (ignored(path)) return { findings: [], notices: [], skipped: 'ignored' };
      if (content.length > config.maxFileSize) {
        return {
          findings: [],
          notices: [{ kind: 'too-large', path, message: `${path}: ${content.length} bytes is over the ${config.maxFileSize}-byte limit (maxFileSize); not scanned` }],
          skipped: 'too-large',
        };
      }
      if (looksBinary(content)) return { findings: [], notices: [], skipped: 'binary' };
      const windows = collectWindows(content, path);
      if (windows.size === 0) return { findings: [], notices: [] };
      const input = new ScanInput(content);
      const candidates: Candidate[] = [];
      for (const [ruleIndex, list] of windows) {
        const entry = prepared[ruleIndex]!;
        entry.required ??= requiredBytes(entry.rule.pattern).sort((a, b) => commonness(a) - commonness(b));
        for (let i = 0; i < list.length; i += 2) {
          if (!holdsAll(content, list[i]!, list[i + 1]!, entry.required)) continue;
          // Compiled only once a window could hold a match: many rules' windows never pass the check above.
          entry.compiled ??= backend.compile(entry.rule.pattern);
          entry.compiled.scan(input, list[i]!, list[i + 1]!, (match) => {
            if (match.secretEnd > match.secretStart) candidates.push({ prepared: entry, start: match.start, secretStart: match.secretStart, secretEnd: match.secretEnd });
          });
        }
      }
      if (candidates.length === 0) return { findings: [], notices: [] };
      const lines = new LineIndex(content);
      // Judged before overlaps are resolved: a specific rule whose match fails its validator must not hide a generic
      // rule's finding on the same text.
      const judged = new Map<Candidate, Finding>();
      for (const candidate of candidates) {
        const finding = judge(candidate, content, lines, path);
        if (finding) judged.set(candidate, finding);
      }
      const findings = dropShadowed([...judged.keys()]).map((candidate) => judged.get(candidate)!);
      return { findings, notices: [] };
    },
  };
}
