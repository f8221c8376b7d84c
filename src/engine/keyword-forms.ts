import type { Rule } from '../rules/types.js';
import { anchors, followingKey, type Anchor, type FollowingBytes } from './anchors.js';
import { LOWER } from './byte-classes.js';
import { openingBranches } from './pattern-branches.js';

/**
 * How a keyword hit must look for a rule's match to hold it: the anchor (a case-sensitive literal of the pattern) it
 * sits in, with the bytes around that anchor must have.
 */
export interface KeywordForm {
  /** The anchor's bytes (lower-cased when caseless). */
  bytes: Buffer;
  caseless: boolean;
  /** Where the keyword starts inside the anchor. */
  at: number;
  notAfter?: Uint8Array;
  followedBy: Anchor['followedBy'];
}

/**
 * The forms a hit of `keyword` must take when every rule listing it holds it inside one of its anchors (`EAA` followed
 * by an upper-case letter and 100 letters or digits, for the Facebook rule's `eaa`); undefined when some rule takes it
 * in any form. A hit of no form cannot be part of a match, and the hit inside a match opens that match's window.
 * Only anchors whose every text holds one of the rule's keywords count: a match then holds a hit that takes a form.
 * A pattern with no such anchor may still have one in each alternative it opens with (see openingBranches: a keyed
 * rule's name followed by a secret word, or by a line break, or by `=`): the forms of all of them together.
 * For multi-line rules only anchors with no line break possible before them count: their window starts at the hit's
 * line, and the match must start on that line too.
 */
export function keywordForms(keyword: string, rules: readonly Rule[]): KeywordForm[] | undefined {
  if (!/^[\x20-\x7e]+$/.test(keyword)) return undefined;
  const forms = new Map<string, KeywordForm>();
  for (const rule of rules) {
    const own = ruleForms(rule, keyword);
    if (own === undefined || own.length === 0) return undefined;
    for (const form of own) forms.set(formKey(form), form);
  }
  return [...forms.values()];
}

function ruleForms(rule: Rule, keyword: string): KeywordForm[] | undefined {
  const keywords = rule.keywords.map((k) => k.toLowerCase());
  const keying = (found: Anchor[]) =>
    found.filter((anchor) => !(rule.multilineWindow && anchor.linesBefore) && anchor.texts.every((text) => keywords.some((k) => text.toLowerCase().includes(k))));
  const whole = keying(anchorsOf(rule.pattern));
  if (whole.length > 0) return whole.flatMap((anchor) => formsIn(anchor, keyword));
  const branches = openingBranches(rule.pattern);
  if (branches.length < 2) return undefined;
  const forms: KeywordForm[] = [];
  for (const branch of branches) {
    const own = keying(anchorsOf(branch));
    if (own.length === 0) return undefined;
    forms.push(...own.flatMap((anchor) => formsIn(anchor, keyword)));
  }
  return forms;
}

function formKey(form: KeywordForm): string {
  return JSON.stringify([form.bytes.toString('latin1'), form.caseless, form.at, form.notAfter && [...form.notAfter], form.followedBy.map(followingKey)]);
}

const anchorsByPattern = new Map<string, Anchor[]>();

/** A pattern's anchors, read once per pattern (a rule lists up to a dozen keywords). */
function anchorsOf(pattern: string): Anchor[] {
  let found = anchorsByPattern.get(pattern);
  if (!found) anchorsByPattern.set(pattern, (found = anchors(pattern)));
  return found;
}

/** The places of `keyword` (up to ASCII case) inside an anchor's texts. */
function formsIn(anchor: Anchor, keyword: string): KeywordForm[] {
  const found: KeywordForm[] = [];
  for (const text of anchor.texts) {
    if (!/^[\x20-\x7e]*$/.test(text)) continue;
    const folded = text.toLowerCase();
    const bytes = Buffer.from(anchor.caseless ? folded : text, 'latin1');
    for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + 1)) {
      found.push({ bytes, caseless: anchor.caseless, at, notAfter: anchor.notAfter, followedBy: anchor.followedBy });
    }
  }
  return found;
}

/** True when the hit starting at `hitStart` takes one of the forms. */
export function takesAForm(content: Buffer, hitStart: number, forms: readonly KeywordForm[]): boolean {
  for (const form of forms) if (takesForm(content, hitStart - form.at, form)) return true;
  return false;
}

function takesForm(content: Buffer, start: number, form: KeywordForm): boolean {
  const { bytes, notAfter } = form;
  if (start < 0 || start + bytes.length > content.length) return false;
  if (form.caseless) {
    for (let i = 0; i < bytes.length; i++) if (LOWER[content[start + i]!] !== bytes[i]) return false;
  } else for (let i = 0; i < bytes.length; i++) if (content[start + i] !== bytes[i]) return false;
  if (notAfter && start > 0 && notAfter[content[start - 1]!] === 1) return false;
  let at = start + bytes.length;
  for (const following of form.followedBy) {
    const { allowed, count, upTo, then } = following;
    if (then !== undefined) return endsWith(content, at, allowed, count, upTo!, then);
    if (following.words) return reachesWord(content, at, following);
    const end = at + count;
    if (end > content.length) return false;
    for (; at < end; at++) if (allowed[content[at]!] !== 1) return false;
  }
  return true;
}

/** True when content from `at` runs `count` to `upTo` bytes in `allowed`, then holds `then`. */
function endsWith(content: Buffer, at: number, allowed: Uint8Array, count: number, upTo: number, then: number): boolean {
  const limit = Math.min(content.length, at + upTo);
  let end = at;
  while (end < limit && allowed[content[end]!] === 1) end++;
  return end - at >= count && content[end] === then;
}

/**
 * True when content from `at` runs `count` to `upTo` bytes in `allowed`, then holds one of the words. Caseless, a byte
 * past ASCII counts as a match: RE2 folds `k` to the Kelvin sign and `s` to the long s, which no ASCII table holds.
 */
function reachesWord(content: Buffer, at: number, { allowed, count, upTo, words }: FollowingBytes): boolean {
  const { texts, caseless } = words!;
  const limit = Math.min(content.length, at + upTo!);
  for (let end = at; ; end++) {
    if (end - at >= count) for (const text of texts) if (opensWith(content, end, text, caseless)) return true;
    if (end >= limit) return false;
    const byte = content[end]!;
    if (caseless && byte >= 0x80) return true;
    if (allowed[byte] !== 1) return false;
  }
}

/**
 * True when `text` stands at `at`: caseless, in any ASCII case, and true as well once a byte past ASCII is reached
 * before any mismatch (it may be a folded `k` or `s`, see reachesWord).
 */
function opensWith(content: Buffer, at: number, text: Buffer, caseless: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const byte = content[at + i];
    if (byte === undefined) return false;
    if (!caseless) {
      if (byte !== text[i]) return false;
    } else if (byte >= 0x80) return true;
    else if (LOWER[byte] !== text[i]) return false;
  }
  return true;
}
