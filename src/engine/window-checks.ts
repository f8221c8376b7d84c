import type { Rule } from '../rules/types.js';
import { anchors } from './anchors.js';
import { LOWER } from './byte-classes.js';
import { requiredByteSets } from './required-bytes.js';

/**
 * What a window must hold for a rule's pattern to match inside it, read from the pattern once per rule: a byte of each
 * set (see requiredByteSets) and one text of each literal (see anchors). A window lacking one is never run through the
 * pattern, nor is the pattern compiled for it.
 */
export interface WindowNeeds {
  bytes: number[][];
  literals: NeededLiteral[];
}

/** One of `texts` (lower-cased when `caseless`, and then in any ASCII case) stands in every match. */
interface NeededLiteral {
  texts: NeededText[];
  caseless: boolean;
}

/** A text as bytes, for the loop over short windows, and as a string, for the search of long ones. */
interface NeededText {
  bytes: Buffer;
  string: string;
}

/** Literals checked per window at most: the longest, as those are the likeliest to be missing. */
const MAX_LITERALS = 2;

export function windowNeeds(rule: Rule): WindowNeeds {
  return { bytes: rarestFirst(requiredByteSets(rule.pattern)), literals: neededLiterals(rule) };
}

/**
 * The anchors of the pattern a keyword hit does not already prove. Caseless texts holding `k` or `s` are left out:
 * RE2 folds those to the Kelvin sign and the long s, which an ASCII search would not see.
 */
function neededLiterals(rule: Rule): NeededLiteral[] {
  const keywords = rule.keywords.map((keyword) => keyword.toLowerCase());
  const shortest = (texts: readonly string[]) => Math.min(...texts.map((text) => text.length));
  return anchors(rule.pattern)
    .filter(({ texts, caseless }) => shortest(texts) >= 2 && !(caseless && texts.some((text) => /[ks]/i.test(text))))
    .filter(({ texts, caseless }) => !(caseless && keywords.every((keyword) => texts.some((text) => keyword.includes(text.toLowerCase())))))
    .sort((a, b) => shortest(b.texts) - shortest(a.texts))
    .slice(0, MAX_LITERALS)
    .map(({ texts, caseless }) => ({ caseless, texts: texts.map((text) => (caseless ? text.toLowerCase() : text)).map((string) => ({ string, bytes: Buffer.from(string, 'latin1') })) }));
}

/** True when content[from, to) holds everything the rule needs: a match may lie inside. Plain loops: it runs per window. */
export function mayMatchIn(content: Buffer, from: number, to: number, needs: WindowNeeds): boolean {
  for (const set of needs.bytes) {
    let held = false;
    for (let i = 0; i < set.length && !held; i++) held = holds(content, from, to, set[i]!);
    if (!held) return false;
  }
  for (const { texts, caseless } of needs.literals) {
    let held = false;
    for (let i = 0; i < texts.length && !held; i++) held = holdsText(content, from, to, texts[i]!, caseless);
    if (!held) return false;
  }
  return true;
}

/** Punctuation in rough order of how common it is in source text; bytes not listed count as rarer than all of these. */
const COMMON_BYTES = ' "\'.,:;=-_/()[]{}<>*+\n';

const commonness = (byte: number) => COMMON_BYTES.indexOf(String.fromCharCode(byte));

/** Required-byte sets in the order they are checked: the likeliest to be missing (small sets of rare bytes) first. */
function rarestFirst(sets: number[][]): number[][] {
  const rank = (set: readonly number[]) => set.length * 100 + Math.min(...set.map(commonness));
  return sets.map((set) => set.sort((a, b) => commonness(a) - commonness(b))).sort((a, b) => rank(a) - rank(b));
}

/** Windows up to this long are searched by a loop here: a native call costs more than a short loop. */
const SHORT = 512;

/** True when content[from, to) contains `byte`. */
function holds(content: Buffer, from: number, to: number, byte: number): boolean {
  if (to - from > SHORT) return content.subarray(from, to).indexOf(byte) !== -1;
  let at = from;
  while (at < to && content[at] !== byte) at++;
  return at < to;
}

/**
 * True when content[from, to) contains the text (in any ASCII case when `caseless`). Long windows are searched
 * natively: caseless, in a lower-cased latin1 copy, which V8 makes several times faster than a loop over the bytes.
 */
function holdsText(content: Buffer, from: number, to: number, { bytes, string }: NeededText, caseless: boolean): boolean {
  if (to - from > SHORT) return caseless ? content.toString('latin1', from, to).toLowerCase().includes(string) : content.subarray(from, to).indexOf(bytes) !== -1;
  return caseless ? holdsCaseless(content, from, to, bytes) : holdsExactly(content, from, to, bytes);
}

function holdsExactly(content: Buffer, from: number, to: number, text: Buffer): boolean {
  const first = text[0]!;
  for (let at = from, last = to - text.length; at <= last; at++) {
    if (content[at] !== first) continue;
    let i = 1;
    while (i < text.length && content[at + i] === text[i]) i++;
    if (i === text.length) return true;
  }
  return false;
}

function holdsCaseless(content: Buffer, from: number, to: number, text: Buffer): boolean {
  const first = text[0]!;
  for (let at = from, last = to - text.length; at <= last; at++) {
    if (LOWER[content[at]!] !== first) continue;
    let i = 1;
    while (i < text.length && LOWER[content[at + i]!] === text[i]) i++;
    if (i === text.length) return true;
  }
  return false;
}
