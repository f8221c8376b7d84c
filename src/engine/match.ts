import type { Rule } from '../rules/types.js';
import { LineIndex } from './content.js';
import type { ScanNotice } from './finding.js';
import type { Candidate } from './judge.js';
import { ScanInput, type RegexBackend } from './regex.js';
import { relaxedPattern } from './relaxed.js';
import { mayMatchIn, windowNeeds } from './window-checks.js';
import { WINDOW_REACH, type RuleWindows } from './windows.js';

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
export interface CrowdedWindow {
  rule: Rule;
  why: 'matches' | 'budget';
  /** The 1-based line where the unchecked rest begins, in the scanned text. */
  line: number;
}

/** Runs each rule's pattern over its windows; a window that lacks something every match holds is skipped. */
export function matchWindows(backend: RegexBackend, content: Buffer, windows: readonly RuleWindows[], crowded: CrowdedWindow[]): Candidate[] {
  const input = new ScanInput(content);
  const candidates: Candidate[] = [];
  let lines: LineIndex | undefined;
  const lineOf = (offset: number) => (lines ??= new LineIndex(content)).position(offset).line;
  let budget = Math.max(REGEX_BUDGET_BASE, REGEX_BUDGET_PER_BYTE * content.length);
  for (const { prepared, windows: list } of windows) {
    prepared.needs ??= windowNeeds(prepared.rule);
    for (const window of list) {
      if (!mayMatchIn(content, window.start, window.end, prepared.needs)) continue;
      const long = window.end - window.start > LONG_WINDOW;
      if (long && window.end - window.start > budget) {
        crowded.push({ rule: prepared.rule, why: 'budget', line: lineOf(window.start) });
        continue;
      }
      // Compiled only once a window could hold a match: many rules' windows never pass the check above, and most
      // that pass it fail the relaxed test, so few rules' own patterns are ever compiled.
      prepared.gate ??= backend.compileTest(relaxedPattern(prepared.rule.pattern));
      if (!prepared.gate.test(input, window.start, window.end)) {
        if (long) budget -= window.end - window.start;
        continue;
      }
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
export function crowdedNotices(path: string, crowded: readonly CrowdedWindow[]): ScanNotice[] {
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

