/**
 * What a stretch of a pattern can match, byte by byte, read conservatively for the anchor walk (anchors.ts): the bytes
 * a match of it may open with, and whether it may hold a line break. Whatever cannot be read counts as any byte.
 */
import { classBytes, flagsAfter, plainCharacter } from './anchor-atoms.js';
import { byteSet } from './byte-classes.js';
import { alternatives, readAtom, readQuantifier } from './required-bytes.js';

const ANY = new Uint8Array(256).fill(1);

/** The bytes a match may open with, and whether it may be empty (then what follows it may come first). */
interface Opening {
  bytes: Uint8Array;
  empty: boolean;
}

/**
 * The bytes every match of `pattern` opens with (a byte of the set), or undefined when a match may be empty, may end
 * the window (`$`), or may open with any byte.
 */
export function openingBytes(pattern: string, caseless: boolean): Uint8Array | undefined {
  const opening = patternOpening(pattern, caseless);
  return opening.empty || opening.bytes.every((byte) => byte === 1) ? undefined : opening.bytes;
}

function patternOpening(pattern: string, caseless: boolean): Opening {
  const branches = alternatives(pattern);
  if (branches === undefined) return { bytes: ANY, empty: false };
  const bytes = new Uint8Array(256);
  let empty = false;
  for (const branch of branches) {
    const opening = sequenceOpening(branch, caseless);
    for (let byte = 0; byte < 256; byte++) bytes[byte]! |= opening.bytes[byte]!;
    empty ||= opening.empty;
  }
  return { bytes, empty };
}

function sequenceOpening(pattern: string, caseless: boolean): Opening {
  const bytes = new Uint8Array(256);
  let i = 0;
  while (i < pattern.length) {
    const atom = readAtom(pattern, i, false);
    if (atom === undefined) return { bytes: ANY, empty: false };
    const text = pattern.slice(i, atom.end);
    if (atom.skip) {
      // `$` may end the window anywhere: what follows the stretch is then unknown.
      if (text === '$') return { bytes: ANY, empty: false };
      caseless = flagsAfter(text, caseless) ?? caseless;
      i = atom.end;
      continue;
    }
    const quantifier = readQuantifier(pattern, atom.end);
    if (quantifier === undefined) return { bytes: ANY, empty: false };
    const opening = atomOpening(text, caseless);
    for (let byte = 0; byte < 256; byte++) bytes[byte]! |= opening.bytes[byte]!;
    if (!opening.empty && !quantifier.optional) return { bytes, empty: false };
    i = quantifier.end;
  }
  return { bytes, empty: true };
}

const ZERO_WIDTH = new Set(['\\b', '\\B', '\\A']);

function atomOpening(text: string, caseless: boolean): Opening {
  if (ZERO_WIDTH.has(text)) return { bytes: new Uint8Array(256), empty: true };
  if (text.startsWith('(')) {
    const head = /^\((?:\?[a-zA-Z]*(?:-[a-zA-Z]*)?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(text)![0];
    if (text.startsWith('(?') && head.length <= 2) return { bytes: ANY, empty: false };
    return patternOpening(text.slice(head.length, -1), flagsAfter(head, caseless) ?? caseless);
  }
  const set = atomBytes(text, caseless);
  return { bytes: set ?? ANY, empty: false };
}

/** The bytes a one-character atom may start with, or undefined when unknown. */
function atomBytes(text: string, caseless: boolean): Uint8Array | undefined {
  const plain = plainCharacter(text);
  let set: Uint8Array | undefined;
  if (plain !== undefined) {
    set = new Uint8Array(256);
    set[plain.charCodeAt(0)] = 1;
    if (caseless) set[plain.toLowerCase().charCodeAt(0)] = set[plain.toUpperCase().charCodeAt(0)] = 1;
  } else set = classBytes(text, caseless) ?? escapeBytes(text);
  if (set && caseless) withFoldedNonAscii(set);
  return set;
}

/** `\s`, `\S`, `\D`, `\W`, `\t`, `\n`: what byteSet reads, complemented for the upper-case classes. */
function escapeBytes(text: string): Uint8Array | undefined {
  if (text.length !== 2 || text[0] !== '\\') return undefined;
  const negated = 'SDW'.includes(text[1]!);
  const set = byteSet(negated ? text.toLowerCase() : text);
  return set && negated ? set.map((inside) => 1 - inside) : set;
}

/**
 * Caseless, RE2 folds `k` to the Kelvin sign and `s` to the long s: a set holding either may open with a byte past
 * ASCII.
 */
function withFoldedNonAscii(set: Uint8Array): void {
  if (!(set[0x4b] || set[0x6b] || set[0x53] || set[0x73])) return;
  for (let byte = 0x80; byte < 256; byte++) set[byte] = 1;
}

const lineBreaks = new Map<string, boolean>();

/** True unless no match of `pattern` can hold a line break (`\n`). Kept per text: the walk asks at every level of nesting. */
export function mayHoldLineBreak(pattern: string): boolean {
  let known = lineBreaks.get(pattern);
  if (known === undefined) {
    if (lineBreaks.size >= 1 << 14) lineBreaks.clear();
    lineBreaks.set(pattern, (known = readLineBreaks(pattern)));
  }
  return known;
}

function readLineBreaks(pattern: string): boolean {
  const branches = alternatives(pattern);
  if (branches === undefined) return true;
  for (const branch of branches) {
    let i = 0;
    while (i < branch.length) {
      const atom = readAtom(branch, i, false);
      if (atom === undefined) return true;
      const text = branch.slice(i, atom.end);
      i = atom.end;
      if (atom.skip) continue;
      const quantifier = readQuantifier(branch, atom.end);
      if (quantifier === undefined) return true;
      i = quantifier.end;
      if (!ZERO_WIDTH.has(text) && atomHoldsLineBreak(text)) return true;
    }
  }
  return false;
}

function atomHoldsLineBreak(text: string): boolean {
  if (text.startsWith('(')) {
    const head = /^\((?:\?[a-zA-Z]*(?:-[a-zA-Z]*)?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(text)![0];
    return (text.startsWith('(?') && head.length <= 2) || mayHoldLineBreak(text.slice(head.length, -1));
  }
  const set = atomBytes(text, false);
  return set === undefined || set[10] === 1;
}
