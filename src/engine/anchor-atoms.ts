/**
 * Readers of single regex atoms for the anchor walk (anchors.ts): plain characters, groups of plain alternatives,
 * quantifiers, inline flags, boundary guards and simple classes. Each returns undefined for what it cannot read.
 */
import { byteSet, folded, WORD } from './byte-classes.js';
import { alternatives, readAtom, readQuantifier, skipClass } from './required-bytes.js';

/** The texts of a group of plain alternatives (`(?:live|test)`), or undefined. Flags or captures make it no such group. */
export function plainChoices(atom: string): string[] | undefined {
  const body = /^\((?:\?:)?([^()]*)\)$/.exec(atom)?.[1];
  if (body === undefined) return undefined;
  const texts = body.split('|');
  return texts.every((choice) => choice.length > 0 && /^[\x20-\x7e]+$/.test(choice) && !/[\\.[\]^$*+?{}()|]/.test(choice)) ? texts : undefined;
}

/**
 * The literal each alternative of a group opens with, read up to its first atom that is not one plain character taken
 * once (`(?:key|credentials?|api[_-]?key)` gives `key`, `credential`, `api`); undefined when some alternative opens
 * otherwise, or the group sets flags.
 */
export function leadingTexts(atom: string): string[] | undefined {
  const head = /^\((?:\?:)?/.exec(atom)![0];
  if (!atom.startsWith('(') || atom.startsWith('(?') !== (head.length === 3)) return undefined;
  const branches = alternatives(atom.slice(head.length, -1));
  const texts: string[] = [];
  for (const branch of branches ?? []) {
    let text = '';
    for (let i = 0; i < branch.length; ) {
      const read = readAtom(branch, i, false);
      const plain = read && !read.skip ? plainCharacter(branch.slice(i, read.end)) : undefined;
      if (plain === undefined || readQuantifier(branch, read!.end)?.end !== read!.end) break;
      text += plain;
      i = read!.end;
    }
    if (text === '') return undefined;
    texts.push(text);
  }
  return branches ? texts : undefined;
}

/** What a zero-width or one-byte guard says about the byte before the next atom: `\b`, or `(?:^|[^...])`. */
export function boundaryOf(text: string, caseless: boolean): Uint8Array | undefined {
  if (text === '\\b') return WORD;
  const guard = /^\(\?:\^\|\[\^([^\]]*)\]\)$/.exec(text) ?? /^\(\?:\[\^([^\]]*)\]\|\^\)$/.exec(text);
  const set = guard ? byteSet(guard[1]!) : undefined;
  return set && caseless ? folded(set) : set;
}

/** How many times a quantifier repeats its atom: at least, at most, and whether exactly that many. */
export interface Repeats {
  min: number;
  max: number;
  fixed: boolean;
}

export function repeats(quantifier: string): Repeats {
  if (quantifier === '') return { min: 1, max: 1, fixed: true };
  if (quantifier.startsWith('+')) return { min: 1, max: Infinity, fixed: false };
  if (quantifier.startsWith('*')) return { min: 0, max: Infinity, fixed: false };
  if (quantifier.startsWith('?')) return { min: 0, max: 1, fixed: false };
  const [low, high] = quantifier.replace(/[{}?]/g, '').split(',');
  const max = high === undefined ? Number(low) : high === '' ? Infinity : Number(high);
  return { min: Number(low), max, fixed: high === undefined };
}

/** The flags an inline `(?i)` / `(?-i)` leaves: true when caseless, undefined when it says nothing of `i`. */
export function flagsAfter(text: string, caseless: boolean): boolean | undefined {
  const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?[:)]/.exec(text);
  if (!flags) return undefined;
  if (flags[2]?.includes('i')) return false;
  if (flags[1]?.includes('i')) return true;
  return caseless;
}

/** The character an atom stands for when it is one plain character (`E`, `\.`), else undefined. */
export function plainCharacter(atom: string): string | undefined {
  const c = atom.length === 1 ? atom : atom.length === 2 && atom[0] === '\\' && !/[A-Za-z0-9]/.test(atom[1]!) ? atom[1]! : undefined;
  if (c === undefined || c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) return undefined;
  return atom.length === 1 && '.[(^$|'.includes(c) ? undefined : c;
}

/** The bytes a one-character atom matches (`[A-Za-z0-9_-]`, `\d`, `\w`), for a class of ASCII only; else undefined. */
export function classBytes(atom: string, caseless: boolean): Uint8Array | undefined {
  if (atom === '\\d') return byteSet('0-9');
  if (atom === '\\w') return WORD;
  if (!atom.startsWith('[') || skipClass(atom, 0) !== atom.length) return undefined;
  const negated = atom.startsWith('[^');
  const listed = byteSet(atom.slice(negated ? 2 : 1, -1));
  const set = listed && caseless ? folded(listed) : listed;
  return set && negated ? set.map((inside) => 1 - inside) : set;
}
