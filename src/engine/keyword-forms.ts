import type { Rule } from '../rules/types.js';
import { anchors, type Anchor } from './anchors.js';

/**
 * How a keyword hit must look for a rule's match to hold it: the anchor (a case-sensitive literal of the pattern) it
 * sits in, with the bytes around that anchor must have.
 */
export interface KeywordForm {
  /** The anchor's bytes. */
  bytes: Buffer;
  /** Where the keyword starts inside the anchor. */
  at: number;
  notAfter?: Uint8Array;
  followedBy: Anchor['followedBy'];
}

/**
 * The forms a hit of `keyword` must take when every rule listing it needs it inside one of its anchors (`EAA` followed
 * by an upper-case letter and 100 letters or digits, for the Facebook rule's `eaa`); undefined when some rule takes it
 * in any form. A hit of no form cannot be part of a match, and the hit inside a match opens that match's window.
 * Multi-line rules are left out: their window starts at the hit's line, and a match may start lines before its anchor.
 */
export function keywordForms(keyword: string, rules: readonly Rule[]): KeywordForm[] | undefined {
  if (!/^[\x20-\x7e]+$/.test(keyword)) return undefined;
  const forms = new Map<string, KeywordForm>();
  for (const rule of rules) {
    if (rule.multilineWindow) return undefined;
    const own = anchors(rule.pattern).flatMap((anchor) => formsIn(anchor, keyword));
    if (own.length === 0) return undefined;
    for (const form of own) forms.set(JSON.stringify([form.bytes.toString('latin1'), form.at, form.notAfter && [...form.notAfter], form.followedBy.map((f) => [[...f.allowed], f.count])]), form);
  }
  return [...forms.values()];
}

/** The places of `keyword` (up to ASCII case) inside an anchor. */
function formsIn(anchor: Anchor, keyword: string): KeywordForm[] {
  if (!/^[\x20-\x7e]*$/.test(anchor.text)) return [];
  const found: KeywordForm[] = [];
  const folded = anchor.text.toLowerCase();
  for (let at = folded.indexOf(keyword); at !== -1; at = folded.indexOf(keyword, at + 1)) {
    found.push({ bytes: Buffer.from(anchor.text, 'latin1'), at, notAfter: anchor.notAfter, followedBy: anchor.followedBy });
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
  for (let i = 0; i < bytes.length; i++) if (content[start + i] !== bytes[i]) return false;
  if (notAfter && start > 0 && notAfter[content[start - 1]!] === 1) return false;
  let at = start + bytes.length;
  for (const { allowed, count } of form.followedBy) {
    const end = at + count;
    if (end > content.length) return false;
    for (; at < end; at++) if (allowed[content[at]!] !== 1) return false;
  }
  return true;
}
