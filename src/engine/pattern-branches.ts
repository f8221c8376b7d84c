/**
 * A pattern as the alternatives it opens with: `(?i:(?:a|b\w)c)d` reads as `(?i:(?:a)c)d` and `(?i:(?:b\w)c)d`, whose
 * matches together are the pattern's. Only a group a sequence opens with is split (the keyed rules' forms of a name:
 * `name...secret-word...value`, `name on the line above`, `name = value`), so the count stays small.
 */
import { alternatives, readAtom, readQuantifier } from './required-bytes.js';

/** More alternatives than this and the pattern is left whole. */
const MAX_BRANCHES = 16;

export function openingBranches(pattern: string): string[] {
  const branches = expand(pattern);
  return branches.length <= MAX_BRANCHES ? branches : [pattern];
}

function expand(pattern: string): string[] {
  const parts = alternatives(pattern);
  if (parts === undefined) return [pattern];
  if (parts.length > 1) return parts.flatMap(expand);
  let i = 0;
  while (i < pattern.length) {
    const atom = readAtom(pattern, i, false);
    if (atom === undefined) return [pattern];
    const text = pattern.slice(i, atom.end);
    // Zero-width atoms (`^`, `\b`, inline flags) come before the opening group as they are.
    if (atom.skip || text === '\\b' || text === '\\B') {
      i = atom.end;
      continue;
    }
    if (!text.startsWith('(') || readQuantifier(pattern, atom.end)?.end !== atom.end) return [pattern];
    const head = /^\((?:\?[a-zA-Z]*(?:-[a-zA-Z]*)?:|\?P?<[A-Za-z_][A-Za-z0-9_]*>)?/.exec(text)![0];
    if (text.startsWith('(?') && head.length <= 2) return [pattern];
    const inner = expand(text.slice(head.length, -1));
    if (inner.length > MAX_BRANCHES) return [pattern];
    return inner.map((branch) => pattern.slice(0, i) + head + branch + ')' + pattern.slice(atom.end));
  }
  return [pattern];
}
