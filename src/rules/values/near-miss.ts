/**
 * Near misses of a named provider's format. A generic rule reports a random value under a secret-looking name; when
 * the name (or the heading line above it) names a provider whose keyed rule documents an exact length, and the value
 * has that length and the format's alphabet save one or two symbols foreign to it (`...dJj2h:3a1t...`, a `^` at the
 * end), it is that provider's token mangled: a typo, a paste that caught markup, a test's invalid variant. The
 * provider's own rule reports a well-formed one; the generic rule defers, as it does for a value carrying a provider's
 * prefix without its format.
 *
 * Only foreign symbols count. Measured on Kingfisher's and trufflehog's published examples, values a few characters off
 * a documented length, or with letters beyond a documented hex alphabet, are as often real tokens as made-up ones
 * (providers' tokens vary more than their documentation says), so those stay the generic rules' findings.
 */
import { classChars, escapeRegex, parseShape, shapeRegex, type ShapePiece } from '../shape.js';

/** A keyed rule's provider names and the shape its credential has (src/rules/keyed.ts). */
export interface NamedShape {
  names: readonly string[];
  shape: string;
}

/** How many symbols foreign to the format a near miss may hold. */
const MAX_STRAYS = 2;
/** Shapes shorter than this say too little: a near miss of a 12-character code is any short word. */
const MIN_SHAPE_LENGTH = 16;
/** Names shorter than this (`mux`, `box`) occur inside unrelated words. */
const MIN_NAME_LENGTH = 4;

/**
 * Characters never counted as foreign: letters, digits, `-` and `_`, which providers' tokens hold more often than their
 * documentation says, the span an alphabet typed as `A-z` admits (`[\\]^_\``), and base64's `=` padding.
 */
const NEVER_FOREIGN = /[A-Za-z0-9_\-[\\\]^`=]/;

type RandomPiece = Extract<ShapePiece, { min: number }>;

interface ExactShape {
  length: number;
  /** The shape whole, and with each random piece up to MAX_STRAYS characters short (the strays left out). */
  exact: RegExp;
  shortened: RegExp;
  /** The symbols the shape admits (its classes' and its literals'). */
  symbols: string;
}

/** The shape when it has one exact length of MIN_SHAPE_LENGTH or more; undefined for ranges (`<word:16-200>`). */
function compileExact(shape: string): ExactShape | undefined {
  const pieces = parseShape(shape);
  const random = pieces.filter((piece): piece is RandomPiece => 'min' in piece);
  if (random.length === 0 || random.some((piece) => piece.min !== piece.max)) return undefined;
  const length = pieces.reduce((sum, piece) => sum + ('literal' in piece ? piece.literal.length : piece.min), 0);
  if (length < MIN_SHAPE_LENGTH) return undefined;
  const shortened = pieces.map((piece) => ('literal' in piece ? escapeRegex(piece.literal) : `[${piece.charClass}]{${Math.max(0, piece.min - MAX_STRAYS)},${piece.min}}`)).join('');
  const all = random.map((piece) => classChars(piece.charClass)).join('') + pieces.map((piece) => ('literal' in piece ? piece.literal : '')).join('');
  return { length, exact: new RegExp(`^${shapeRegex(shape)}$`), shortened: new RegExp(`^${shortened}$`), symbols: all.replace(/[A-Za-z0-9]/g, '') };
}

/** True when `value` has the shape's length and, its one or two foreign symbols left out, the shape's alphabet. */
function nearlyMatches(value: string, shape: ExactShape): boolean {
  if (value.length !== shape.length || shape.exact.test(value)) return false;
  const strays = [...value].filter((char) => !NEVER_FOREIGN.test(char) && !shape.symbols.includes(char));
  if (strays.length === 0 || strays.length > MAX_STRAYS) return false;
  return shape.shortened.test([...value].filter((char) => !strays.includes(char)).join(''));
}

/** A name as it is compared: lower case, each run of the separators people put between words (`_`, `-`, `.`, a space) as `_`. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_.-]+/g, '_');
}

/**
 * The text that names the value: its own line up to the value, and the line above when that line assigns nothing (a
 * function's or a section's heading), since an assignment above names its own value, not this one.
 */
function namingText(before: string): string {
  const lines = before.split('\n');
  const own = lines.at(-1) ?? '';
  const above = lines.length > 1 ? lines.at(-2)! : '';
  return /[=:]\s*\S/.test(above) ? own : `${above}\n${own}`;
}

/**
 * A judge of generic values against the named shapes: true when the text before the value names a provider one of
 * whose shapes the value nearly has (see the module's comment).
 */
export function nearMissOfNamedProvider(shapes: readonly NamedShape[]): (secret: string, before: string) => boolean {
  const byName = new Map<string, ExactShape[]>();
  for (const { names, shape } of shapes) {
    const exact = compileExact(shape);
    if (exact === undefined) continue;
    for (const name of new Set(names.map(normalise))) {
      if (name.replace(/_/g, '').length < MIN_NAME_LENGTH) continue;
      byName.set(name, [...(byName.get(name) ?? []), exact]);
    }
  }
  return (secret, before) => {
    const text = normalise(namingText(before));
    for (const [name, exact] of byName) if (text.includes(name) && exact.some((shape) => nearlyMatches(secret, shape))) return true;
    return false;
  };
}
