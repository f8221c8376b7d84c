/**
 * The byte sets of simple regex classes (`[A-Za-z0-9_-]`, `\d`, `\w`), as 256-entry tables: what the anchor walk (see
 * anchors.ts) knows a class matches. Only ASCII is read; anything else makes the reader give up.
 */

const DIGITS: [number, number][] = [[48, 57]];
/** RE2's `\s`: tab, newline, form feed, carriage return, space. */
const SPACES: [number, number][] = [[9, 10], [12, 13], [32, 32]];
const WORD_RANGES: [number, number][] = [[48, 57], [65, 90], [97, 122], [95, 95]];
/** RE2's escapes of single control bytes. */
const CONTROL_ESCAPES: Partial<Record<string, number>> = { t: 9, n: 10, v: 11, f: 12, r: 13 };

/** The set with both ASCII cases of every letter in it. */
export function folded(set: Uint8Array): Uint8Array {
  const both = set.slice();
  for (let c = 65; c <= 90; c++) both[c] = both[c + 32] = set[c]! | set[c + 32]!;
  return both;
}

/** The bytes a class body lists (`A-Za-z0-9_\-`), or undefined for what it cannot read (`\p`, `[:alpha:]`, non-ASCII). */
export function byteSet(body: string): Uint8Array | undefined {
  const set = new Uint8Array(256);
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\') {
      const next = body[++i] ?? '';
      if (next === 'd' || next === 'w' || next === 's') {
        for (const [from, to] of next === 'd' ? DIGITS : next === 'w' ? WORD_RANGES : SPACES) fill(set, from, to);
        continue;
      }
      const control = CONTROL_ESCAPES[next];
      if (control !== undefined) {
        set[control] = 1;
        continue;
      }
      if (next === '' || /[A-Za-z0-9]/.test(next)) return undefined;
      c = next;
    } else if (c === '[') return undefined;
    const code = c.charCodeAt(0);
    if (code > 0x7e) return undefined;
    const rangeEnd = body[i + 1] === '-' && i + 2 < body.length && body[i + 2] !== '\\' ? body.charCodeAt(i + 2) : -1;
    if (rangeEnd > 0x7e) return undefined;
    if (rangeEnd >= 0) {
      fill(set, code, rangeEnd);
      i += 2;
    } else set[code] = 1;
  }
  return set;
}

/** `\w`: the bytes of a word. */
export const WORD = byteSet('A-Za-z0-9_')!;

function fill(set: Uint8Array, from: number, to: number): void {
  for (let c = from; c <= to; c++) set[c] = 1;
}

/** ASCII lower case of every byte. */
export const LOWER = Uint8Array.from({ length: 256 }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c));
