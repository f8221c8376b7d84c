import type { FileSyntax, Rule } from '../rules/types.js';
import type { PathMatcher } from './allowlist.js';
import { lineBounds } from './content.js';
import type { CompiledPattern, PatternTest } from './regex.js';
import type { WindowNeeds } from './window-checks.js';
import { KeywordPrefilter } from './prefilter.js';
import { keywordForms, takesAForm, type KeywordForm } from './keyword-forms.js';

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
  /** The relaxed pattern (see relaxed.ts), tested on a window before the rule's own pattern runs there. */
  gate?: PatternTest;
  /** What every match holds (see windowNeeds): a window lacking it is skipped. */
  needs?: WindowNeeds;
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
  /** How many rules there are: their `order`s run from 0 to one less. */
  ruleCount: number;
  /** For each keyword index of the prefilter, the rules listing that keyword. */
  rulesByKeyword: readonly (readonly PreparedRule[])[];
  /**
   * The forms a hit of the keyword must take to be part of a match (see keywordForms), when known. Read from the
   * patterns on the keyword's first hit: most keywords never hit in a run, and every worker builds an index.
   */
  formsOf(keyword: number): readonly KeywordForm[] | undefined;
  /** collectWindows' working state, reused from file to file (a scan is never re-entered). */
  scratch: CollectScratch;
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
  const keywords = [...keywordIndex.keys()];
  // Filled up front: an array first written at an index past ~1,000 turns into a slow dictionary in V8.
  const forms = new Array<readonly KeywordForm[] | null | undefined>(keywords.length).fill(undefined);
  const formsOf = (index: number) => {
    let known = forms[index];
    if (known === undefined) forms[index] = known = keywordForms(keywords[index]!, rulesByKeyword[index]!.map((entry) => entry.rule)) ?? null;
    return known ?? undefined;
  };
  const scratch = new CollectScratch(keywords.length, prepared.length);
  return { prefilter: KeywordPrefilter.shared(keywords), ruleCount: prepared.length, rulesByKeyword, formsOf, scratch };
}

/** A rule's state while windows are collected: `skipped` when the rule does not apply to this path. */
type Collecting = RuleWindows | 'skipped';

/**
 * Per-keyword and per-rule state of one collectWindows call, in arrays allocated once per index: each call takes a
 * new stamp, and an entry whose stamp is older counts as untouched. Fresh arrays per file cost more than the hits of
 * most files, and sparse ones indexed by keyword fell into V8's dictionary mode.
 */
export class CollectScratch {
  private stamp = 0;
  /** The stamp of the call that last saw a hit of each keyword. */
  private readonly keywordStamp: Int32Array;
  /** Per keyword, the range of hit positions that would change no window (see `settle`); empty until a hit settles it. */
  readonly settledFrom: Float64Array;
  readonly settledUntil: Float64Array;
  private readonly ruleStamp: Int32Array;
  private readonly ruleState: (Collecting | undefined)[];

  constructor(keywords: number, rules: number) {
    this.keywordStamp = new Int32Array(keywords);
    this.settledFrom = new Float64Array(keywords);
    this.settledUntil = new Float64Array(keywords);
    this.ruleStamp = new Int32Array(rules);
    this.ruleState = new Array<Collecting | undefined>(rules).fill(undefined);
  }

  /** Starts a call: every keyword unseen, every rule not entered. */
  begin(): void {
    if (this.stamp === 0x7fffffff) {
      this.keywordStamp.fill(0);
      this.ruleStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  /** True the first time the call meets the keyword, which then starts with no settled range. */
  firstHit(keyword: number): boolean {
    if (this.keywordStamp[keyword] === this.stamp) return false;
    this.keywordStamp[keyword] = this.stamp;
    this.settledFrom[keyword] = Infinity;
    this.settledUntil[keyword] = -1;
    return true;
  }

  /** The rule's state in this call, undefined before it entered. */
  rule(order: number): Collecting | undefined {
    return this.ruleStamp[order] === this.stamp ? this.ruleState[order] : undefined;
  }

  setRule(order: number, state: Collecting): void {
    this.ruleStamp[order] = this.stamp;
    this.ruleState[order] = state;
  }
}

/**
 * The windows each rule's pattern must run over: the line around every keyword hit (cut to WINDOW_REACH either way),
 * stretched for multi-line rules, merged where they touch. Rules that skip the path, or the file's syntax (judged only
 * when such a rule has a hit), get none.
 *
 * Work per hit is bounded: a hit that changes no window of its keyword's rules is dropped after two compares (see
 * `settle`), so a line flooded with one keyword costs a line search per WINDOW_REACH bytes, not per hit.
 */
export function collectWindows(index: KeywordIndex, content: Buffer, path: string, syntax: () => FileSyntax): RuleWindows[] {
  const { scratch, rulesByKeyword } = index;
  const { settledFrom, settledUntil } = scratch;
  // The rules with windows in the order they got their first.
  const collected: RuleWindows[] = [];
  const lengths = index.prefilter.keywordLengths;
  const enter = (entry: PreparedRule) => {
    if (scratch.rule(entry.order) !== undefined) return;
    const skipped = entry.skipPath(path) || entry.rule.skipSyntax?.includes(syntax()) === true;
    const state: Collecting = skipped ? 'skipped' : { prepared: entry, windows: [] };
    scratch.setRule(entry.order, state);
    if (state !== 'skipped') collected.push(state);
  };
  scratch.begin();
  index.prefilter.scan(content, (keyword, hitEnd) => {
    const hitStart = hitEnd - lengths[keyword]!;
    const rules = rulesByKeyword[keyword]!;
    // Rules enter the list at their keyword's first hit, taking a form or not: the list's order (the order in which
    // rules draw on a file's regex budget, see matchWindows) does not depend on which hits the forms turn away.
    if (scratch.firstHit(keyword)) for (const entry of rules) enter(entry);
    else if (hitStart >= settledFrom[keyword]! && hitEnd <= settledUntil[keyword]!) return;
    const forms = index.formsOf(keyword);
    if (forms && !takesAForm(content, hitStart, forms)) return;
    addHit(scratch, rules, content, hitStart, hitEnd);
    settle(scratch, keyword, rules, lengths[keyword]!);
  });
  return collected.filter((state) => state.windows.length > 0);
}

/** Opens or stretches the windows of the keyword's rules for a hit at [hitStart, hitEnd). */
function addHit(scratch: CollectScratch, rules: readonly PreparedRule[], content: Buffer, hitStart: number, hitEnd: number): void {
  // The hit's line, found once for all the keyword's rules that need it.
  let bounds: Window | undefined;
  for (const entry of rules) {
    const state = scratch.rule(entry.order)!;
    if (state === 'skipped') continue;
    const last = state.windows[state.windows.length - 1];
    if (last && hitStart >= last.start && hitEnd <= last.end) {
      stretchForHit(last, entry.rule.multilineWindow, hitStart, hitEnd, content.length);
      continue;
    }
    bounds ??= lineBounds(content, hitStart, hitEnd, WINDOW_REACH);
    addWindow(state.windows, bounds, entry.rule.multilineWindow, content.length);
  }
}

/**
 * Records the keyword's settled range: the hit positions where a further hit of the keyword changes no window of its
 * rules, every such hit starting at or after `from` and ending at or before `until`.
 */
function settle(scratch: CollectScratch, keyword: number, rules: readonly PreparedRule[], length: number): void {
  let from = 0;
  let until = Infinity;
  for (const entry of rules) {
    const state = scratch.rule(entry.order);
    if (state === 'skipped') continue;
    const last = state?.windows[state.windows.length - 1];
    if (!last) {
      from = Infinity;
      until = -1;
      break;
    }
    from = Math.max(from, last.start);
    const multiline = entry.rule.multilineWindow;
    // A multi-line rule's window needs stretching once a hit's own stretch would pass its end (see stretchForHit).
    until = Math.min(until, multiline ? last.end - Math.max(multiline - length, WINDOW_REACH) : last.end);
  }
  scratch.settledFrom[keyword] = from;
  scratch.settledUntil[keyword] = until;
}

/**
 * A hit inside the current window adds nothing, except for multi-line rules: a match starting at this hit may run
 * past the window opened by an earlier one, so the window is stretched from here, by at least as much as the hit's own
 * line would stretch it (that line ends within WINDOW_REACH), and by twice as much as needed so that the next hits
 * settle without a stretch each.
 */
function stretchForHit(last: Window, multiline: number | undefined, hitStart: number, hitEnd: number, size: number): void {
  if (!multiline) return;
  const needed = Math.max(hitStart + multiline, hitEnd + WINDOW_REACH);
  if (needed > last.end) last.end = Math.min(size, Math.max(needed, hitStart + 2 * Math.max(multiline, WINDOW_REACH)));
}

/** Adds the window for a hit on the line `bounds`, merging it into the previous window when they touch. */
function addWindow(windows: Window[], bounds: Window, multiline: number | undefined, size: number): void {
  const end = multiline ? Math.max(bounds.end, Math.min(size, bounds.start + multiline)) : bounds.end;
  const last = windows[windows.length - 1];
  if (last && bounds.start <= last.end) last.end = Math.max(last.end, end);
  else windows.push({ start: bounds.start, end });
}
