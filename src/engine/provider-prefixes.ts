import type { Rule } from '../rules/types.js';
import { escapeRegex } from '../rules/shape.js';

/**
 * A provider's signature in its tokens (`ghp_` opens GitHub's, `-NRMA` closes New Relic's mobile tokens, `+ACR` sits
 * inside Azure Container Registry keys), and the rules whose secrets carry it.
 */
export interface ProviderPrefix {
  prefix: string;
  /** Where the literal sits in the secret: at its start (the default), its end, or inside it. */
  at?: 'end' | 'inside';
  rules: Rule[];
}

/** Heads that are words before they are prefixes: `secret-...`, `token_...` may be anyone's value. */
const WORD_HEADS = new Set(['key', 'secret', 'token', 'sdk', 'ser', 'pat', 'sat', 'app', 'api', 'access', 'auth', 'client', 'test', 'live', 'prod', 'dev', 'v1']);

/** The first capturing group's body: the secret (`(ghp_[A-Za-z0-9]{36})` -> `ghp_[A-Za-z0-9]{36}`). */
function secretGroup(pattern: string): string | undefined {
  let depth = 0;
  let start = -1;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') {
      if (start === -1 && pattern[i + 1] !== '?') start = i + 1;
      else if (start !== -1) depth++;
    } else if (char === ')' && start !== -1) {
      if (depth === 0) return pattern.slice(start, i);
      depth--;
    }
  }
  return undefined;
}

/** Where a keyword's literal sits in the secret group, spelled as the pattern spells it; undefined when it is not there. */
function literalIn(group: string, keyword: string): { literal: string; at: 'start' | 'end' | 'inside' } | undefined {
  const escaped = escapeRegex(keyword);
  const index = group.toLowerCase().indexOf(escaped);
  if (index === -1) return undefined;
  const literal = group.slice(index, index + escaped.length).replace(/\\(.)/g, '$1');
  // A literal inside a group or an alternation, or repeated, is not the secret's own (`(?:live|test)_`).
  const after = group.slice(index + escaped.length);
  if (/^[?*+{|)]/.test(after) || /(?:[|(]|\(\?:)$/.test(group.slice(0, index))) return undefined;
  if (index === 0) return { literal, at: 'start' };
  if (after === '') return { literal, at: 'end' };
  // A signature inside marks a token that has nothing else to tell it by (Microsoft's identifiable keys open with
  // random base64); a token with a prefix of its own is known by that prefix.
  return group.startsWith('[') ? { literal, at: 'inside' } : undefined;
}

/**
 * A distinctive prefix: a head and a separator (`ghp_`, `xoxb-`, `hvs.`, `sk_live_`), or a mixed-case literal
 * (`AIza`); not a URL's scheme or host, and not a word that anyone's value may start with. A word before a dot is a
 * provider's namespace (Harness's `pat.`): values written by people join words with `_` or `-`.
 */
function isDistinctive(literal: string): boolean {
  if (literal.length < 4 || /[:/ $=]/.test(literal)) return false;
  const head = /^[A-Za-z0-9]+/.exec(literal)?.[0] ?? '';
  if (head.length === literal.length) return /[a-z]/.test(literal) && /[A-Z]/.test(literal);
  if (literal === `${head}.`) return head.length >= 3;
  // A short head needs a longer literal: `sk_live_`, `sk-proj-`, not `sk_`.
  return (head.length >= 3 || literal.length >= 6) && !WORD_HEADS.has(head.toLowerCase());
}

/** A distinctive suffix: a separator and a word of three or more (`-NRMA`), the same test read from the other end. */
function isDistinctiveSuffix(literal: string): boolean {
  return /^[-_.][A-Za-z0-9]{3,}$/.test(literal) && isDistinctive([...literal].reverse().join(''));
}

/**
 * A distinctive signature inside a token: four or more characters with a capital or a `+` (Microsoft's `+ACR`, `AZDO`,
 * `JQQJ9`); not lower-case words (`_secret_`) nor a host (`hooks.slack.com`), which anyone's value may hold.
 */
function isDistinctiveInfix(literal: string): boolean {
  return literal.length >= 4 && !/[:/ $=.]/.test(literal) && /[A-Z+]/.test(literal);
}

const DISTINCTIVE = { start: isDistinctive, end: isDistinctiveSuffix, inside: isDistinctiveInfix };

/**
 * The literals that open, close or sit inside a specific rule's secret (`ghp_`, `xoxb-`, `AIza`, `-NRMA`, `+ACR`), read
 * from the rules themselves: a keyword spelled inside the pattern's secret group. Derived, so the shapes a generic value
 * is checked against are the catalogue's own.
 */
export function providerPrefixes(rules: readonly Rule[]): ProviderPrefix[] {
  const byMark = new Map<string, ProviderPrefix>();
  for (const rule of rules) {
    if (rule.kind === 'generic' || rule.wholeFile) continue;
    const group = secretGroup(rule.pattern);
    if (group === undefined) continue;
    for (const keyword of rule.keywords) {
      const found = literalIn(group, keyword);
      if (found === undefined || !DISTINCTIVE[found.at](found.literal)) continue;
      const key = `${found.at}:${found.literal}`;
      const mark = byMark.get(key) ?? { prefix: found.literal, ...(found.at === 'start' ? {} : { at: found.at }), rules: [] };
      if (!mark.rules.includes(rule)) mark.rules.push(rule);
      byMark.set(key, mark);
    }
  }
  return [...byMark.values()];
}

/** The rules a value would belong to by a signature it carries (case as the rules spell it): empty when it carries none. */
export function prefixOwners(prefixes: readonly ProviderPrefix[], value: string): Rule[] {
  const carries = ({ prefix, at }: ProviderPrefix) => (at === 'end' ? value.endsWith(prefix) : at === 'inside' ? value.includes(prefix) : value.startsWith(prefix));
  return prefixes.filter(carries).flatMap(({ rules }) => rules);
}
