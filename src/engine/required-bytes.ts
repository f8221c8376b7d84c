/**
 * What bytes every match of a pattern must contain, found conservatively so that a window lacking them can be skipped
 * without running the regex. Only ASCII punctuation counts: letters and digits are left out, so case-insensitive
 * flags never matter. An empty answer only means nothing is known.
 */

/** Index just past the character class opening at `at`, or -1 when unbalanced. */
export function skipClass(pattern: string, at: number): number {
  const n = pattern.length;
  let j = at + 1;
  if (pattern[j] === '^') j++;
  if (pattern[j] === ']') j++;
  while (j < n && pattern[j] !== ']') {
    if (pattern[j] === '\\') j += 2;
    else if (pattern[j] === '[' && pattern[j + 1] === ':') {
      const close = pattern.indexOf(':]', j + 2);
      if (close === -1) return -1;
      j = close + 2;
    } else j++;
  }
  return j < n ? j + 1 : -1;
}

/** Index just past the group opening at `at`, or -1 when unbalanced (or holding a \Q quote). */
function skipGroup(pattern: string, at: number): number {
  let depth = 0;
  let j = at;
  while (j < pattern.length) {
    const c = pattern[j]!;
    if (c === '\\') {
      if (pattern[j + 1] === 'Q') return -1;
      j += 2;
    } else if (c === '[') {
      j = skipClass(pattern, j);
      if (j === -1) return -1;
    } else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return -1;
}

/** The pattern's top-level alternatives (one when it has no top-level `|`), or undefined when it is unbalanced. */
export function alternatives(pattern: string): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (pattern[i + 1] === 'Q') return undefined;
      i += 2;
    } else if (c === '[' || c === '(') {
      i = c === '[' ? skipClass(pattern, i) : skipGroup(pattern, i);
      if (i === -1) return undefined;
    } else {
      if (c === '|') {
        parts.push(pattern.slice(from, i));
        from = i + 1;
      }
      i++;
    }
  }
  parts.push(pattern.slice(from));
  return parts;
}

/**
 * Sets of ASCII punctuation bytes such that every match of `pattern` holds at least one byte of each set. A set of one
 * is a byte every match holds; a larger one comes from an alternation whose every branch requires some byte
 * (`(?::|=|=>)` gives {`:`, `=`}). Only required atoms count (outside classes, not optional).
 */
export function requiredByteSets(pattern: string): number[][] {
  const branches = alternatives(pattern);
  if (branches === undefined) return [];
  if (branches.length > 1) {
    const union = new Set<number>();
    for (const branch of branches) {
      const sets = requiredByteSets(branch);
      if (sets.length === 0) return [];
      for (const byte of sets.reduce((a, b) => (b.length < a.length ? b : a))) union.add(byte);
    }
    return [[...union]];
  }
  return sequenceSets(pattern);
}

/** requiredByteSets of a pattern with no top-level alternation: its required atoms in sequence. */
function sequenceSets(pattern: string): number[][] {
  const sets = new Map<string, number[]>();
  const add = (set: number[]) => sets.set([...set].sort((a, b) => a - b).join(','), set);
  let i = 0;
  while (i < pattern.length) {
    const atom = readAtom(pattern, i);
    if (atom === undefined) return [];
    i = atom.end;
    if (atom.skip) continue;
    const quantified = readQuantifier(pattern, i);
    if (quantified === undefined) return [];
    i = quantified.end;
    if (quantified.optional) continue;
    if (atom.literal >= 0) add([atom.literal]);
    for (const set of atom.inner) add(set);
  }
  return [...sets.values()];
}

export interface Atom {
  end: number;
  /** The punctuation byte the atom is, or -1. */
  literal: number;
  /** A required group's own sets. */
  inner: number[][];
  /** Matches nothing and takes no quantifier: `^`, `$`, inline flags. */
  skip?: boolean;
}

/**
 * The atom starting at `i`; undefined when nothing can be learnt from the pattern (unbalanced, a quote, a stray `{`).
 * `inner` false leaves a group's own sets unread (walks that only need the atom's extent: reading them is a walk of the
 * group's body at every level of nesting).
 */
export function readAtom(pattern: string, i: number, inner = true): Atom | undefined {
  const c = pattern[i]!;
  if (c === '^' || c === '$') return { end: i + 1, literal: -1, inner: [], skip: true };
  if (c === '\\') return readEscape(pattern, i);
  if (c === '[') {
    const end = skipClass(pattern, i);
    return end === -1 ? undefined : { end, literal: -1, inner: [] };
  }
  if (c === '(') {
    const end = skipGroup(pattern, i);
    if (end === -1) return undefined;
    const group = pattern.slice(i, end);
    // Inline flags such as (?i) match nothing and take no quantifier.
    if (/^\(\?[a-zA-Z-]*\)$/.test(group)) return { end, literal: -1, inner: [], skip: true };
    const body = /^\((?:\?[a-zA-Z-]*:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(group)![0];
    // Lookarounds and other (?x...) forms that are not groups teach nothing.
    const isGroup = body === '(' || !group.startsWith('(?') || body.length > 1;
    return { end, literal: -1, inner: isGroup && inner ? requiredByteSets(group.slice(body.length, -1)) : [] };
  }
  if (c === ')' || c === '*' || c === '+' || c === '?' || c === '{' || c === '|') return undefined;
  const code = c.charCodeAt(0);
  return { end: i + 1, literal: code < 0x80 && !/[A-Za-z0-9]/.test(c) && c !== '.' ? code : -1, inner: [] };
}

function readEscape(pattern: string, i: number): Atom | undefined {
  const next = pattern[i + 1];
  if (next === undefined || next === 'Q') return undefined;
  if (!/[A-Za-z0-9]/.test(next)) return { end: i + 2, literal: next.charCodeAt(0), inner: [] };
  // A class or assertion (\d, \s, \b, \pL, \p{Greek}, \x41, \x{263a}): not a punctuation literal.
  let end = i + 2;
  if ((next === 'p' || next === 'P' || next === 'x') && pattern[end] === '{') {
    const close = pattern.indexOf('}', end);
    if (close === -1) return undefined;
    end = close + 1;
  } else if (next === 'x') end += 2;
  return { end, literal: -1, inner: [] };
}

/** The quantifier at `i`, if any: whether the atom may occur zero times. Undefined for a `{` RE2 reads as a literal. */
export function readQuantifier(pattern: string, i: number): { end: number; optional: boolean } | undefined {
  const q = pattern[i];
  let optional = false;
  let end = i;
  if (q === '*' || q === '?') {
    optional = true;
    end++;
  } else if (q === '+') end++;
  else if (q === '{') {
    const close = pattern.indexOf('}', i);
    const body = close === -1 ? '' : pattern.slice(i + 1, close);
    if (!/^\d+(,\d*)?$/.test(body)) return undefined;
    optional = Number(body.split(',')[0]) === 0;
    end = close + 1;
  }
  if (end > i && pattern[end] === '?') end++;
  return { end, optional };
}

/** Bytes every match of `pattern` contains: the sets of one of requiredByteSets. */
export function requiredBytes(pattern: string): number[] {
  return requiredByteSets(pattern)
    .filter((set) => set.length === 1)
    .map((set) => set[0]!);
}

