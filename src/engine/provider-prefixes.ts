import type { Rule } from '../rules/types.js';
import { escapeRegex } from '../rules/shape.js';

/** A provider's token prefix, and the rules whose secrets start with it. */
export interface ProviderPrefix {
  prefix: string;
  rules: Rule[];
}

/** Heads that are words before they are prefixes: `secret-...`, `token-...` may be anyone's value. */
const WORD_HEADS = new Set(['key', 'secret', 'token', 'sdk', 'ser', 'pat', 'sat', 'app', 'api', 'access', 'auth', 'client', 'test', 'live', 'prod', 'dev', 'v1']);

/** The literal as the pattern spells it, when it opens the secret group (`(ghp_`, `(AIza`); undefined otherwise. */
function openingLiteral(pattern: string, keyword: string): string | undefined {
  const escaped = `(${escapeRegex(keyword)}`;
  const at = pattern.toLowerCase().indexOf(escaped);
  return at === -1 ? undefined : pattern.slice(at + 1, at + escaped.length).replace(/\\(.)/g, '$1');
}

/**
 * A distinctive prefix: a head and a separator (`ghp_`, `xoxb-`, `hvs.`, `sk_live_`), or a
 * mixed-case literal (`AIza`); not a URL's scheme or host, and not a word that anyone's value may start with.
 */
function isDistinctive(literal: string): boolean {
  if (literal.length < 4 || /[:/ $=]/.test(literal)) return false;
  const head = /^[A-Za-z0-9]+/.exec(literal)?.[0] ?? '';
  if (head.length === literal.length) return /[a-z]/.test(literal) && /[A-Z]/.test(literal);
  // A short head needs a longer literal: `sk_live_`, `sk-proj-`, not `sk_`.
  return (head.length >= 3 || literal.length >= 6) && !WORD_HEADS.has(head.toLowerCase());
}

/**
 * The prefixes that start a specific rule's secret (`ghp_`, `xoxb-`, `sk_live_`, `AIza`), read from the rules
 * themselves: a keyword that opens the pattern's secret group, spelled as the pattern spells it. Derived, so the shapes
 * a generic value is checked against are the catalogue's own.
 */
export function providerPrefixes(rules: readonly Rule[]): ProviderPrefix[] {
  const byPrefix = new Map<string, Rule[]>();
  for (const rule of rules) {
    if (rule.kind === 'generic' || rule.wholeFile) continue;
    for (const keyword of rule.keywords) {
      const literal = openingLiteral(rule.pattern, keyword);
      if (literal === undefined || !isDistinctive(literal)) continue;
      byPrefix.set(literal, [...(byPrefix.get(literal) ?? []), rule]);
    }
  }
  return [...byPrefix].map(([prefix, list]) => ({ prefix, rules: list }));
}

/** The rules a value would belong to by its prefix (case as the rules spell it): empty when it carries none. */
export function prefixOwners(prefixes: readonly ProviderPrefix[], value: string): Rule[] {
  return prefixes.filter(({ prefix }) => value.startsWith(prefix)).flatMap(({ rules }) => rules);
}
