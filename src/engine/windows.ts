import type { Rule } from '../rules/types.js';
import type { PathMatcher } from './allowlist.js';
import { lineBounds } from './content.js';
import type { CompiledPattern } from './regex.js';
import { KeywordPrefilter } from './prefilter.js';

/** How far a regex window reaches from a keyword hit on a long line; longer secrets need a multiline window. */
export const WINDOW_REACH = 4096;

/** A rule of the active set, with what the scanner learns about it lazily. */
export interface PreparedRule {
  rule: Rule;
  /** Position in the active rule list: ties between findings on the same span go to the earlier rule. */
  order: number;
  generic: boolean;
  /** Compiled on first use: most rules never see a keyword hit in a run, and RE2 compiles cost ~1 ms each. */
  compiled?: CompiledPattern;
  /** Bytes every match contains, rarest first (see requiredBytes): a window lacking one is skipped. */
  required?: number[];
  /** True when the rule does not apply to a path (its skipPaths, or lockfiles and hash lists for generic rules). */
  skipPath: PathMatcher;
  /** A custom rule's own allowlist of values (from its config `allowlist`). */
  allowsValue?: (secret: string) => boolean;
}

/** A byte range [start, end) of the content that a rule's pattern runs over. */
export interface Window {
  start: number;
  end: number;
}

/** The windows of one rule in one piece of content, in increasing order and never overlapping. */
export interface RuleWindows {
  prepared: PreparedRule;
  windows: Window[];
}

/** Which rules a keyword hit wakes, built once per scanner. */
export interface KeywordIndex {
  prefilter: KeywordPrefilter;
  /** For each keyword index of the prefilter, the rules listing that keyword. */
  rulesByKeyword: readonly (readonly PreparedRule[])[];
}

export function buildKeywordIndex(prepared: readonly PreparedRule[]): KeywordIndex {
  const keywordIndex = new Map<string, number>();
  const rulesByKeyword: PreparedRule[][] = [];
  for (const entry of prepared) {
    for (const keyword of new Set(entry.rule.keywords.map((k) => k.toLowerCase()))) {
      let index = keywordIndex.get(keyword);
      if (index === undefined) {
        index = keywordIndex.size;
        keywordIndex.set(keyword, index);
        rulesByKeyword.push([]);
      }
      rulesByKeyword[index]!.push(entry);
    }
  }
  return { prefilter: KeywordPrefilter.shared([...keywordIndex.keys()]), rulesByKeyword };
}

/** A rule's state while windows are collected: `skipped` when the rule does not apply to this path. */
type Collecting = RuleWindows | 'skipped';

/**
 * The windows each rule's pattern must run over: the line around every keyword hit (cut to WINDOW_REACH either way),
 * stretched for multi-line rules, merged where they touch. Rules that skip the path get none.
 */
export function collectWindows(index: KeywordIndex, content: Buffer, path: string): RuleWindows[] {
  const byRule = new Map<PreparedRule, Collecting>();
  const lengths = index.prefilter.keywordLengths;
  index.prefilter.scan(content, (keyword, hitEnd) => {
    const hitStart = hitEnd - lengths[keyword]!;
    // The hit's line, found once for all the keyword's rules that need it.
    let bounds: Window | undefined;
    for (const entry of index.rulesByKeyword[keyword]!) {
      let state = byRule.get(entry);
      if (state === 'skipped') continue;
      const last = state?.windows[state.windows.length - 1];
      // A hit inside the current window adds nothing, except for multi-line rules: a match starting at this hit may
      // run past the window opened by an earlier one, so the window is extended from here.
      if (last && !entry.rule.multilineWindow && hitStart >= last.start && hitEnd <= last.end) continue;
      if (!state) {
        if (entry.skipPath(path)) {
          byRule.set(entry, 'skipped');
          continue;
        }
        state = { prepared: entry, windows: [] };
        byRule.set(entry, state);
      }
      bounds ??= lineBounds(content, hitStart, hitEnd, WINDOW_REACH);
      addWindow(state.windows, bounds, entry.rule.multilineWindow, content.length);
    }
  });
  const collected: RuleWindows[] = [];
  for (const state of byRule.values()) if (state !== 'skipped') collected.push(state);
  return collected;
}

/** Adds the window for a hit on the line `bounds`, merging it into the previous window when they touch. */
function addWindow(windows: Window[], bounds: Window, multiline: number | undefined, size: number): void {
  const end = multiline ? Math.max(bounds.end, Math.min(size, bounds.start + multiline)) : bounds.end;
  const last = windows[windows.length - 1];
  if (last && bounds.start <= last.end) last.end = Math.max(last.end, end);
  else windows.push({ start: bounds.start, end });
}
