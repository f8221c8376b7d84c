/**
 * Case-sensitive literals every match of a pattern holds, with what must stand right before and after them: enough to
 * tell, from a few bytes around a keyword hit, that no match can hold that hit (see keyword-forms.ts). Conservative:
 * whatever the walk cannot read makes it learn less, never more.
 */
import { boundaryOf, classBytes, flagsAfter, leadingTexts, plainCharacter, plainChoices, repeats, type Repeats } from './anchor-atoms.js';
import { folded, WORD } from './byte-classes.js';
import { mayHoldLineBreak, openingBytes } from './pattern-bytes.js';
import { alternatives, readAtom, readQuantifier } from './required-bytes.js';

/** A run of bytes a class of one repeat matches: a byte set and how many bytes in a row must be in it. */
export interface FollowingBytes {
  allowed: Uint8Array;
  count: number;
  /**
   * With `then`: a run of `count` to `upTo` bytes in `allowed`, ended by the byte `then` (never in `allowed`), as
   * `[^:/\s]{1,128}:` reads after a URL's `://`.
   */
  upTo?: number;
  then?: number;
  /**
   * With `words`: a run of `count` to `upTo` bytes in `allowed`, then one of these texts (lower-cased when caseless),
   * as a keyed rule's `toggl[\w. \t-]{0,16}?(?:key|token|...)` reads after the provider's name.
   */
  words?: { texts: Buffer[]; caseless: boolean };
}

/** A literal every match holds (one of `texts`, in exactly that case unless `caseless`). */
export interface Anchor {
  texts: string[];
  /** Under an `i` flag: the texts hold in any ASCII case. */
  caseless: boolean;
  /** Bytes that cannot come right before the literal (from `\b` or `(?:^|[^A-Za-z0-9_])` in front of it). */
  notAfter?: Uint8Array;
  /** Byte classes that must follow the literal, in order (`[A-Z][A-Za-z0-9]{100,300}` gives 1 then 100 bytes). */
  followedBy: FollowingBytes[];
  /** True when what a match holds before the literal may hold a line break (the match may start lines above it). */
  linesBefore: boolean;
}

/** Bytes checked after an anchor at most: enough to turn away a hit, cheap when the hit is real. */
const MAX_FOLLOW_BYTES = 128;
/** Texts one anchor may stand for (`(?:live|test)_` gives two). */
const MAX_TEXTS = 16;

/**
 * The anchors of `pattern`: literal runs outside classes, not quantified, at the top level or in a required group of
 * one branch (`\b(EAA[A-Z]...)` gives `EAA`); a group of plain alternatives makes a run of several texts
 * (`(?:live|test)_` gives `live_` and `test_`). A top-level alternation keeps only anchors every branch holds alike.
 * Empty when nothing is known.
 */
export function anchors(pattern: string, caseless = false, notAfter?: Uint8Array, linesBefore = false): Anchor[] {
  const branches = alternatives(pattern);
  if (branches === undefined) return [];
  if (branches.length === 1) return sequenceAnchors(pattern, caseless, notAfter, linesBefore);
  const each = branches.map((branch) => sequenceAnchors(branch, caseless, notAfter, linesBefore).map((anchor) => ({ anchor, key: anchorKey(anchor) })));
  const alike = (key: string) => each.map((found) => found.find((other) => other.key === key)?.anchor);
  return each[0]!.flatMap(({ key }) => {
    const found = alike(key);
    return found.every((anchor) => anchor !== undefined) ? [commonAnchor(found as Anchor[])] : [];
  });
}

/** The literal with what every branch says of it: the bytes all of them require after it, and any line break before. */
function commonAnchor(found: Anchor[]): Anchor {
  const keys = found.map((anchor) => anchor.followedBy.map((f) => JSON.stringify(followingKey(f))));
  let common = 0;
  while (common < keys[0]!.length && keys.every((list) => list[common] === keys[0]![common])) common++;
  return { ...found[0]!, followedBy: found[0]!.followedBy.slice(0, common), linesBefore: found.some((anchor) => anchor.linesBefore) };
}

/** What an anchor is, apart from what follows it. */
function anchorKey(anchor: Anchor): string {
  return JSON.stringify([anchor.texts, anchor.caseless, anchor.notAfter && [...anchor.notAfter]]);
}

/** Everything a following run says, so that two anchors alike in key are alike in what they require. */
export function followingKey(f: FollowingBytes): unknown[] {
  return [[...f.allowed], f.count, f.upTo, f.then, f.words && [f.words.caseless, ...f.words.texts.map((text) => text.toString('latin1'))]];
}

/** The state of the walk over one sequence of atoms. */
interface Walk {
  found: Anchor[];
  /** The texts of the run being read (empty when none is open), and whether it is read under an `i` flag. */
  run: string[];
  runCaseless: boolean;
  /** What cannot come before the run being read (set when the run opens right after a boundary). */
  runNotAfter?: Uint8Array;
  /** The anchor just closed, still taking the classes that follow it; `awaiting` a run's ending byte. */
  following?: { anchor: Anchor; bytes: number; awaiting?: FollowingBytes };
  /** A boundary just read: what cannot come before the next atom. */
  boundary?: Uint8Array;
  /** Whether the atoms read so far may hold a line break. */
  crossed: boolean;
}

function sequenceAnchors(pattern: string, caseless: boolean, notAfter: Uint8Array | undefined, linesBefore: boolean): Anchor[] {
  const walk: Walk = { found: [], run: [], runCaseless: caseless, boundary: notAfter, crossed: linesBefore };
  let i = 0;
  while (i < pattern.length) {
    const from = i;
    const atom = readAtom(pattern, i, false);
    if (atom === undefined) return [];
    const text = pattern.slice(i, atom.end);
    i = atom.end;
    if (atom.skip) {
      caseless = flagsAfter(text, caseless) ?? caseless;
      closeRun(walk);
      walk.following = undefined;
      walk.boundary = undefined;
      continue;
    }
    const quantifier = readQuantifier(pattern, i);
    if (quantifier === undefined) return [];
    const count = repeats(pattern.slice(i, quantifier.end));
    endRun(walk, text, count, caseless);
    i = quantifier.end;
    readStep(walk, text, count, caseless, pattern.slice(from));
    walk.crossed ||= count.max > 0 && mayHoldLineBreak(text);
  }
  closeRun(walk);
  return walk.found;
}

/** Takes one atom (`text`, repeated at least `count` times, exactly when `count.fixed`) into the walk. */
function readStep(walk: Walk, text: string, count: Repeats, caseless: boolean, rest: string): void {
  const plain = plainCharacter(text);
  const choices = plain === undefined ? plainChoices(text) : [plain];
  if (walk.run.length > 0 && walk.runCaseless !== caseless) closeRun(walk);
  if (choices && count.min === 1 && count.fixed && (walk.run.length || 1) * choices.length <= MAX_TEXTS) {
    extendRun(walk, choices, caseless);
    return;
  }
  closeRun(walk);
  const allowed = classBytes(text, caseless);
  if (walk.following && allowed && (count.min > 0 || count.max <= MAX_FOLLOW_BYTES)) follow(walk, allowed, count);
  else endFollowing(walk, rest, caseless);
  const before = walk.boundary;
  walk.boundary = boundaryOf(text, caseless);
  if (text.startsWith('(') && count.min === 1 && count.fixed) walk.found.push(...groupAnchors(text, caseless, before, walk.crossed));
}

/** A non-word boundary guard carries over to a literal starting with a symbol only when it came from a class. */
function precedingGuard(boundary: Uint8Array | undefined): Uint8Array | undefined {
  return boundary && boundary !== WORD ? boundary : undefined;
}

/**
 * Ends the bytes an anchor takes at an atom they cannot read as a class (a group, an unbounded optional run): the byte
 * right after is still one a match of the rest of the sequence opens with (`toggl(?:[^A-Za-z0-9\n][^\n]*)?\n` gives
 * any byte but a letter or digit after `toggl`).
 */
function endFollowing(walk: Walk, rest: string, caseless: boolean): void {
  const following = walk.following;
  walk.following = undefined;
  if (!following || following.bytes >= MAX_FOLLOW_BYTES) return;
  const allowed = openingBytes(rest, caseless);
  if (allowed) following.anchor.followedBy.push({ allowed, count: 1 });
}

function follow(walk: Walk, allowed: Uint8Array, count: Repeats): void {
  const following = walk.following!;
  const take = Math.min(count.min, MAX_FOLLOW_BYTES - following.bytes);
  following.bytes += take;
  if (!count.fixed && take === count.min && count.max <= MAX_FOLLOW_BYTES) {
    // A character of a negated class may take up to four bytes of UTF-8.
    const entry: FollowingBytes = { allowed, count: take, upTo: allowed[0x80] ? 4 * count.max : count.max };
    following.anchor.followedBy.push(entry);
    following.awaiting = entry;
    return;
  }
  if (take > 0) following.anchor.followedBy.push({ allowed, count: take });
  if (!count.fixed || following.bytes >= MAX_FOLLOW_BYTES) walk.following = undefined;
}

/**
 * Ends a run awaiting what comes after it: a plain symbol outside the run's class, or a group of alternatives that each
 * open with a literal (`(?:key|token|credentials?)` gives `key`, `token`, `credential`). Anything else drops the bound.
 */
function endRun(walk: Walk, text: string, count: Repeats, caseless: boolean): void {
  const awaiting = walk.following?.awaiting;
  if (!awaiting) return;
  walk.following = undefined;
  const once = count.min === 1 && count.fixed;
  const code = plainCharacter(text)?.charCodeAt(0);
  const words = once && code === undefined ? leadingTexts(text) : undefined;
  if (code !== undefined && once && awaiting.allowed[code] !== 1 && WORD[code] !== 1) awaiting.then = code;
  else if (words && words.length <= MAX_TEXTS) awaiting.words = { caseless, texts: words.map((word) => Buffer.from(caseless ? word.toLowerCase() : word, 'latin1')) };
  else delete awaiting.upTo;
}

function extendRun(walk: Walk, choices: string[], caseless: boolean): void {
  if (walk.run.length === 0) {
    const wordStart = choices.every((choice) => WORD[choice.charCodeAt(0)] === 1);
    const symbolStart = choices.every((choice) => WORD[choice.charCodeAt(0)] !== 1);
    walk.runNotAfter = wordStart ? walk.boundary : symbolStart ? precedingGuard(walk.boundary) : undefined;
    walk.runCaseless = caseless;
    walk.run = [...new Set(choices)];
  } else walk.run = [...new Set(walk.run.flatMap((head) => choices.map((choice) => head + choice)))];
  walk.boundary = undefined;
}

function closeRun(walk: Walk): void {
  if (walk.run.length === 0) return;
  const notAfter = walk.runNotAfter && (walk.runCaseless ? folded(walk.runNotAfter) : walk.runNotAfter);
  const anchor: Anchor = { texts: walk.run, caseless: walk.runCaseless, notAfter, followedBy: [], linesBefore: walk.crossed };
  walk.found.push(anchor);
  walk.following = { anchor, bytes: 0 };
  walk.run = [];
  walk.runNotAfter = undefined;
}

/** The anchors of a required group, read with the group's own flags (`(?i:...)` makes it caseless). */
function groupAnchors(group: string, caseless: boolean, notAfter: Uint8Array | undefined, linesBefore: boolean): Anchor[] {
  const head = /^\((?:\?[a-zA-Z]*(?:-[a-zA-Z]*)?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(group)![0];
  if (group.startsWith('(?') && head.length <= 2) return [];
  return anchors(group.slice(head.length, -1), flagsAfter(head, caseless) ?? caseless, notAfter, linesBefore);
}
