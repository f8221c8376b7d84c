import { skipClass } from './required-bytes.js';

/**
 * Counted repetitions longer than this are relaxed to at least this many: `[a-z0-9]{32}` becomes `[a-z0-9]{16,}`.
 * Short exact counts stay, so the relaxed pattern keeps most of the original's selectivity.
 */
const KEPT_COUNT = 16;

/**
 * A pattern that matches wherever `pattern` does (and maybe elsewhere), with cheap counted repetitions: `x{m,n}`
 * becomes `x{m,}` and counts past KEPT_COUNT are cut to it. RE2 unrolls every count into states, and names such as
 * `(?:[A-Za-z0-9]{1,30}[_.-]){0,5}` made the generic rules' automata so large that RE2 searched windows at 20 MB/s and
 * compiled for milliseconds; relaxed, the same search runs several times faster and compiles in a fraction of the time.
 * Used as a test before the pattern itself runs (see match.ts): a window the relaxed pattern does not match holds no
 * match of the original, because every part of it matches a superset of what the original part matches. Anything this
 * reader does not follow (a `\Q` quote, an unbalanced class) leaves the pattern as it is.
 */
export function relaxedPattern(pattern: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    let end = i + 1;
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') return pattern;
      end = escapeEnd(pattern, i);
    } else if (c === '[') {
      end = skipClass(pattern, i);
      if (end === -1) return pattern;
    } else if (c === '{') {
      const count = /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i, i + 16));
      if (count) {
        out += relaxedCount(count);
        i += count[0].length;
        continue;
      }
    }
    out += pattern.slice(i, end);
    i = end;
  }
  return out;
}

/** Index just past the escape at `at`: `\pL`, `\p{Greek}`, `\x{263a}` or a backslash and one character. */
function escapeEnd(pattern: string, at: number): number {
  const next = pattern[at + 1];
  if ((next === 'p' || next === 'P' || next === 'x') && pattern[at + 2] === '{') {
    const close = pattern.indexOf('}', at + 3);
    if (close !== -1) return close + 1;
  }
  return Math.min(pattern.length, at + 2);
}

/** The quantifier for a count `{m}`, `{m,}` or `{m,n}`: unchanged when exact and short, else open-ended from at most KEPT_COUNT. */
function relaxedCount([text, low, comma, high]: RegExpExecArray): string {
  const least = Number(low);
  const most = comma === undefined ? least : high === '' ? Infinity : Number(high);
  if (most === least && least <= KEPT_COUNT) return text;
  const kept = Math.min(least, KEPT_COUNT);
  return kept === 0 ? '*' : kept === 1 ? '+' : `{${kept},}`;
}
