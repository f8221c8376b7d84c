import { OPERATOR_SEPARATOR, keyedBlockWindow, SECRET_WORD, keyedExamples, keyedPattern } from './keyed.js';
import { caseSwappedShape, escapeRegex, parseShape, placeholderShape, shapeLiterals, shortenedShape, tokenPattern } from './shape.js';
import type { Rule, RuleExamples, Severity } from './types.js';
import { rejectGenericValue } from './values/generic.js';

type RuleInput = Omit<Rule, 'kind' | 'remediation'> & { kind?: Rule['kind']; remediation?: string };

/** A rule with the catalogue's defaults: specific kind, a remediation line built from the revoke page. */
export function rule(input: RuleInput): Rule {
  return {
    ...input,
    kind: input.kind ?? 'specific',
    remediation:
      input.remediation ??
      `Revoke it in ${input.provider}${input.revokeUrl ? ` (${input.revokeUrl})` : ''}, then remove it from the code and its history${input.longLived ? '; prefer short-lived credentials' : ''}.`,
  };
}

export interface ContextRuleInput {
  id: string;
  title: string;
  provider: string;
  severity: Severity;
  /** Lowercase literals, one of which starts the name before the value (`datadog` in `DATADOG_API_KEY=`); also the prefilter keywords. */
  names: string[];
  /** RE2 for the value itself, without a group. */
  value: string;
  /** Prefilter keywords when the names are too common a substring (`lob` in `global`): literals every value holds. */
  keywords?: string[];
  longLived: boolean;
  revokeUrl?: string;
  entropy?: number;
  remediation?: string;
  examples?: RuleExamples;
}

/**
 * A name a dash glues to its value (`datadog-secrettoken-<key>`, `dd-apikey-<key>`): one that ends in a secret word,
 * since a dash after any other name is part of the name (`datadog-agent-<digest>`).
 */
function gluedName(names: string[]): string {
  const whole = names.filter((name) => new RegExp(`${SECRET_WORD}$`, 'i').test(name)).map(escapeRegex);
  return `(?:(?:${names.map(escapeRegex).join('|')})[\\w.-]{0,16}?${SECRET_WORD}${whole.length > 0 ? `|${whole.join('|')}` : ''})`;
}

/**
 * For credentials with no fixed prefix: the value counts only right after a name that says whose it is, as in
 * `DATADOG_API_KEY=...`, `"pagerduty_token": "..."` or `mailgun.key: ...`.
 */
export function contextRule(input: ContextRuleInput): Rule {
  const names = input.names.map(escapeRegex).join('|');
  return rule({
    id: input.id,
    title: input.title,
    provider: input.provider,
    severity: input.severity,
    keywords: input.keywords ?? input.names,
    pattern: `(?i)(?:(?:${names})[\\w.-]{0,24}(?:[ \\t]+${SECRET_WORD}[\\w.-]{0,8})?${OPERATOR_SEPARATOR}|${gluedName(input.names)}-)(${input.value})(?:[^A-Za-z0-9_+/=-]|$)`,
    longLived: input.longLived,
    revokeUrl: input.revokeUrl,
    entropy: input.entropy ?? 3,
    remediation: input.remediation,
    examples: input.examples,
  });
}

interface ShapedInput {
  id: string;
  title: string;
  provider: string;
  severity: Severity;
  /** The token's layout in the notation of `shape.ts`, as the provider documents it. */
  shape: string;
  longLived: boolean;
  revokeUrl?: string;
  remediation?: string;
  entropy?: number;
  validate?: Rule['validate'];
  /** Examples beyond the ones derived from the shape. */
  examples?: Partial<RuleExamples>;
}

export interface TokenInput extends ShapedInput {
  /** Prefilter literals; the shape's longest literal when left out. */
  keywords?: string[];
  /**
   * The prefix counts even glued to a letter before it (`xfio-u-...`): for a prefix whose own dashes and long tail
   * already make the token unmistakable, so a typo or a name run into it does not make it another word.
   */
  gluedPrefix?: boolean;
}

function mergeExamples(derived: RuleExamples, extra: Partial<RuleExamples> | undefined): RuleExamples {
  return { positives: [...derived.positives, ...(extra?.positives ?? [])], negatives: [...derived.negatives, ...(extra?.negatives ?? [])], path: extra?.path };
}

/** Near misses every shape yields: one character short, literals in the wrong case, glued to a longer run, `x` filler. */
function shapeNearMisses(shape: string, wrap: (value: string) => string): string[] {
  const misses = [wrap(shortenedShape(shape))];
  const swapped = caseSwappedShape(shape);
  if (swapped) misses.push(wrap(swapped));
  const placeholder = placeholderShape(shape);
  if (placeholder) misses.push(wrap(placeholder));
  return misses;
}

/**
 * A credential with a distinctive documented layout (a prefix, a signature, a fixed length): matched anywhere as a
 * whole token. Its examples come from the same shape, so the rule and its tests cannot drift apart.
 */
export function token(input: TokenInput): Rule {
  const literals = shapeLiterals(input.shape);
  const keywords = input.keywords ?? [literals.reduce((a, b) => (b.length > a.length ? b : a), '')];
  if (keywords.some((k) => k.length < 2)) throw new Error(`${input.id}: a token shape needs a literal of 2+ characters or keywords`);
  const first = parseShape(input.shape)[0]!;
  const derived: RuleExamples = {
    positives: [`const token = "${input.shape}";`, `  api_token: ${input.shape}`, `export TOKEN=${input.shape}`],
    negatives: shapeNearMisses(input.shape, (value) => `const token = "${value}";`),
  };
  if ('literal' in first && /^[A-Za-z0-9]/.test(first.literal)) (input.gluedPrefix ? derived.positives : derived.negatives).push(`const token = "Z${input.shape}";`);
  return rule({
    id: input.id,
    title: input.title,
    provider: input.provider,
    severity: input.severity,
    keywords,
    pattern: tokenPattern(input.shape, input.gluedPrefix),
    entropy: input.entropy,
    validate: input.validate,
    longLived: input.longLived,
    revokeUrl: input.revokeUrl,
    remediation: input.remediation,
    examples: mergeExamples(derived, input.examples),
  });
}

export interface KeyedInput extends ShapedInput {
  /** Lowercase names that say whose key it is (`tavily`, `dependency_track`); also the prefilter keywords. */
  names: string[];
  /** The names are whole credential names (`sonar.login`, `unseal_key`): no secret word needs to follow them. */
  bare?: boolean;
}

/** Every spelling of a compound name as code, env and properties files write it: `secret_access_key`, `secret.access.key`, ... */
export function separated(words: string[]): string[] {
  let spellings = [words[0]!];
  for (const word of words.slice(1)) spellings = spellings.flatMap((head) => ['', '_', '-', '.'].map((sep) => head + sep + word));
  return spellings;
}

/**
 * The random part of a value whose shape starts with a literal prefix (`chpt_<hex:14-16>`): the prefix's `_` must not
 * make a mostly-digit draw look like a multi-word name.
 */
function withoutLiteralPrefix(value: string, shape: string): string {
  const prefix = shape.split('<')[0] ?? '';
  return prefix && value.toLowerCase().startsWith(prefix.toLowerCase()) ? value.slice(prefix.length) : value;
}

/** What a name-keyed value must not be: another name (`hasura_admin_secret` in a list of names) or a pattern. */
function isNotAValue(value: string): boolean {
  const reason = rejectGenericValue(value, 0);
  if (reason === 'regular expression' || reason === 'contains whitespace') return true;
  // Names of several words; one long lowercase run is as likely a random draw as a word.
  return reason === 'identifier-like' && /[_.-]|[a-z][A-Z]/.test(value);
}


/**
 * A credential with no distinctive prefix: the value counts only under a name holding both the provider and a secret
 * word (`DEPENDENCY_TRACK_API_KEY=...`, `"twitchClientSecret": "..."`), never under `twitch_user_id`.
 */
export function keyed(input: KeyedInput): Rule {
  const bare = input.bare === true;
  return rule({
    id: input.id,
    title: input.title,
    provider: input.provider,
    severity: input.severity,
    keywords: input.names,
    pattern: keyedPattern(input.names, input.shape, bare),
    ...(bare ? {} : { multilineWindow: keyedBlockWindow(input.shape) }),
    entropy: input.entropy ?? 3,
    validate: (value) => !isNotAValue(withoutLiteralPrefix(value, input.shape)) && (input.validate?.(value) ?? true),
    longLived: input.longLived,
    revokeUrl: input.revokeUrl,
    remediation: input.remediation,
    examples: mergeExamples(keyedExamples(input.names, input.shape, bare), input.examples),
    namedShape: { names: input.names, shape: input.shape },
  });
}

type Extra<T> = Partial<Omit<T, 'id' | 'title' | 'provider' | 'shape' | 'revokeUrl'>>;

/** A long-lived, high-severity token rule in one line: the catalogue's common case. */
export function prefixed(id: string, title: string, provider: string, shape: string, revokeUrl: string, extra: Extra<TokenInput> = {}): Rule {
  return token({ id, title, provider, severity: 'high', shape, longLived: true, revokeUrl, ...extra });
}

/** A long-lived, high-severity keyed rule in one line: the value under a name holding the provider and a secret word. */
export function named(id: string, title: string, provider: string, names: string[], shape: string, revokeUrl: string, extra: Extra<KeyedInput> = {}): Rule {
  return keyed({ id, title, provider, severity: 'high', names, shape, longLived: true, revokeUrl, ...extra });
}
