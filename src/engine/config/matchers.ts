import { ScanInput, type RegexBackend } from '../regex.js';
import type { CustomRuleSpec } from './types.js';

export type TextMatcher = (text: string) => boolean;

/** True when any of the RE2 `patterns` matches somewhere in the text; compiled once, with the scan's backend. */
export function patternMatcher(patterns: readonly string[], backend: RegexBackend): TextMatcher {
  if (patterns.length === 0) return () => false;
  const compiled = patterns.map((pattern) => backend.compile(pattern));
  return (text) => {
    const input = new ScanInput(Buffer.from(text, 'utf8'));
    let hit = false;
    for (const pattern of compiled) {
      pattern.scan(input, 0, input.buffer.length, () => {
        hit = true;
      });
      if (hit) return true;
    }
    return false;
  };
}

/** True when the text contains one of the words, ignoring case. */
export function stopwordMatcher(words: readonly string[]): TextMatcher {
  const lower = words.map((word) => word.toLowerCase());
  return (text) => {
    const value = text.toLowerCase();
    return lower.some((word) => value.includes(word));
  };
}

/** A custom rule's own path scope and exceptions, as matchers. */
export interface RuleScope {
  /** True when the rule does not apply to the path (outside its `paths`, or allowlisted for it). */
  skipsPath: TextMatcher;
  /** True when the rule's allowlist exempts the secret. */
  allowsValue: TextMatcher;
}

export function ruleScope(spec: CustomRuleSpec, backend: RegexBackend): RuleScope | undefined {
  if (!spec.paths?.length && !spec.allowlist) return undefined;
  const inScope = spec.paths?.length ? patternMatcher(spec.paths, backend) : () => true;
  const allowedPath = patternMatcher(spec.allowlist?.paths ?? [], backend);
  const allowedValue = patternMatcher(spec.allowlist?.values ?? [], backend);
  const stopword = stopwordMatcher(spec.allowlist?.stopwords ?? []);
  return {
    skipsPath: (path) => !inScope(path) || allowedPath(path),
    allowsValue: (secret) => stopword(secret) || allowedValue(secret),
  };
}
