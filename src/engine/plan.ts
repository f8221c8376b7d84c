import { builtinRules } from '../rules/index.js';
import type { Rule } from '../rules/types.js';
import { HASH_FILE_GLOBS, globMatcher, type PathMatcher } from './allowlist.js';
import { defaultConfig } from './config/defaults.js';
import { patternMatcher, ruleScope, stopwordMatcher } from './config/matchers.js';
import { CUSTOM_MULTILINE_WINDOW, spansLines } from './config/multiline.js';
import type { CustomRuleSpec, KeywardConfig } from './config/types.js';
import type { Acceptance } from './judge.js';
import { prefixOwners, providerPrefixes } from './provider-prefixes.js';
import { nearMissOfNamedProvider } from '../rules/values/near-miss.js';
import { ScanInput, regexBackend, type CompiledPattern, type RegexBackend } from './regex.js';
import { buildKeywordIndex, type KeywordIndex, type PreparedRule } from './windows.js';

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
export interface ScannerPlan {
  config: KeywardConfig;
  backend: RegexBackend;
  rules: Rule[];
  keywords: KeywordIndex;
  /** The rules about whole files (credential stores), each with its path skips. */
  fileRules: { rule: Rule; skipPath: PathMatcher }[];
  ignored: PathMatcher;
  acceptance: Acceptance;
}

export function planScanner(options: CreateScannerOptions): ScannerPlan {
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
      isNearMissOfNamedProvider: nearMissOfNamedProvider(rules.flatMap((rule) => (rule.namedShape ? [rule.namedShape] : []))),
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
    // The owner's validator too: a GitHub or npm token whose CRC32 fails is made up, not someone's generic secret.
    return !owners.some((rule) => matchesWhole(rule, value) && (rule.validate?.(secret) ?? true));
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

