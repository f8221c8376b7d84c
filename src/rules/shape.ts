/**
 * Token shapes: one small notation for a credential's layout, from which a rule's pattern is compiled and from which
 * its tests draw true examples and near misses. `sgp_<hex:40>` is the literal `sgp_` then 40 lowercase hex digits;
 * `<b64:76>AZDO<alnum:4>` puts a fixed signature inside; `<alnum:20-40>` is a range; `<[AQgw]:1>` is a character class.
 */

/** The token alphabets the catalogue uses, as regex character-class bodies. One spelling of each, used everywhere. */
export const ALPHABETS = {
  hex: 'a-f0-9',
  HEX: 'A-F0-9',
  anyhex: 'a-fA-F0-9',
  digit: '0-9',
  lower: 'a-z',
  upper: 'A-Z',
  alpha: 'A-Za-z',
  alnum: 'A-Za-z0-9',
  lowalnum: 'a-z0-9',
  upalnum: 'A-Z0-9',
  /** Alphanumerics plus `_` and `-` (URL-safe base64 without padding, most `prefix_...` tokens). */
  word: 'A-Za-z0-9_-',
  b64: 'A-Za-z0-9+/',
  b64url: 'A-Za-z0-9_-',
  /** RFC 4648 base32, upper case (AWS key ids, TOTP seeds). */
  b32: 'A-Z2-7',
  b32l: 'a-z2-7',
  /** crypt(3)'s base64 alphabet: the salts and hashes of `$apr1$`, `$6$`, `$2b$`, `$y$` password hashes. */
  crypt: 'A-Za-z0-9./',
} as const;
/** A UUID in either case, as providers print them. */
export const UUID = '<anyhex:8>-<anyhex:4>-<anyhex:4>-<anyhex:4>-<anyhex:12>';
/** A UUID in lower case, as most providers issue their UUID-shaped keys. */
export const LOWER_UUID = '<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>';

/** An assignment operator as config files and code write it: `:`, `=`, Go's `:=`, Ruby's and PHP's `=>`. */
export const ASSIGN_OPERATOR = '(?::|=|:=|=>)';

/** Between a name and its value: the name's closing quote, the operator, the value's opening quote (`"key": "`, `KEY=`). */
export const ASSIGNMENT = String.raw`["']?\s*${ASSIGN_OPERATOR}\s*["']?`;

/** A typed declaration's `: Type =`: `apiKey: string = `, Rust's `API_KEY: &str = ` and `&'static str`. */
export const TYPED_ASSIGN = String.raw`:[ \t]*&?(?:'static[ \t]+)?[A-Za-z_][\w:<>]{0,30}[ \t]*=`;

/**
 * Between a context rule's name and its value: the name's closing quote (escaped inside JSON strings, as in notebooks),
 * a subscript's `]`, then `:`, `=`, `:=`, `=>`, `, "value":` (Postman's key/value pairs), `,` (a second argument), `>` (an XML element), ` value=` (an XML
 * attribute pair) or a typed declaration (`: String =`, `: &str =`, Go's `apiKey string =`); then the value's opening quote.
 */
export const CONTEXT_SEPARATOR = String.raw`(?:\\?["'])?\]?\s*(?:${ASSIGN_OPERATOR}|,[ \t]*"value"[ \t]*:|,|>|value=|${TYPED_ASSIGN}|string[ \t]*=)\s*(?:\\?["'${'`'}])?`;

/** A JSON Web Token (header, claims, signature), for providers whose API keys are JWTs. */
export const JWT = 'eyJ<b64url:10-500>.eyJ<b64url:10-1000>.<b64url:16-500>';

export type AlphabetName = keyof typeof ALPHABETS;

export type ShapePiece = { literal: string } | { charClass: string; min: number; max: number };

const PIECE = /<([A-Za-z0-9]+|\[[^\]]+\]):(\d+)(?:-(\d+))?>/g;

/** The pieces of a shape, in order. Throws on an unknown alphabet so a typo fails at load, not silently. */
export function parseShape(shape: string): ShapePiece[] {
  const pieces: ShapePiece[] = [];
  let last = 0;
  for (const m of shape.matchAll(PIECE)) {
    if (m.index > last) pieces.push({ literal: shape.slice(last, m.index) });
    const name = m[1]!;
    const charClass = name.startsWith('[') ? name.slice(1, -1) : ALPHABETS[name as AlphabetName];
    if (charClass === undefined) throw new Error(`unknown alphabet ${name} in shape ${shape}`);
    const min = Number(m[2]);
    pieces.push({ charClass, min, max: m[3] === undefined ? min : Number(m[3]) });
    last = m.index + m[0].length;
  }
  if (last < shape.length) pieces.push({ literal: shape.slice(last) });
  return pieces;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The shape as an RE2 pattern body, without groups or guards. */
export function shapeRegex(shape: string): string {
  return parseShape(shape)
    .map((piece) => {
      if ('literal' in piece) return escapeRegex(piece.literal);
      const count = piece.min === piece.max ? `{${piece.min}}` : `{${piece.min},${piece.max}}`;
      return `[${piece.charClass}]${count}`;
    })
    .join('');
}

/** The non-alphanumeric characters a class or literal admits (`+/` for base64, `_-` for word). */
function symbolsOf(piece: ShapePiece): string {
  const body = 'literal' in piece ? piece.literal : piece.charClass.replace(/[A-Za-z0-9]-[A-Za-z0-9]/g, '');
  return [...new Set(body.replace(/[A-Za-z0-9]/g, ''))].join('');
}

/** A class body matching alphanumerics and the given symbols, escaped for use inside `[...]`. */
function tokenClass(symbols: string): string {
  return 'A-Za-z0-9' + symbols.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * The shape as a whole token: not preceded or followed by another character the token's own alphabet holds, so a
 * longer run of the same alphabet (a hash, a base64 blob) never yields a match cut out of its middle.
 */
export function tokenPattern(shape: string, gluedPrefix = false): string {
  const pieces = parseShape(shape);
  const first = pieces[0]!;
  // A prefix literal needs only a word boundary before it (`=ghp_`, `"sgp_`); one opening with a symbol, or one the
  // rule lets a letter precede (`gluedPrefix`), none.
  const bounded = 'literal' in first && /^\w/.test(first.literal) && !gluedPrefix;
  const head = 'literal' in first ? (bounded ? '(?:^|[^A-Za-z0-9_])' : '') : `(?:^|[^${tokenClass(symbolsOf(first))}])`;
  const last = pieces.at(-1)!;
  // A token that ends in a literal (`...@`, `==`) ends there, whatever follows.
  const tail = 'literal' in last ? '' : `(?:[^${tokenClass(symbolsOf(last))}]|$)`;
  return `${head}(${shapeRegex(shape)})${tail}`;
}

/** Every character a class body admits: `a-f0-9` -> `abcdef0123456789`, `A-Za-z0-9\\-_` -> letters, digits, `-_`. */
export function classChars(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === '\\') c = body[++i]!;
    else if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let code = c.charCodeAt(0); code <= body.charCodeAt(i + 2); code++) out += String.fromCharCode(code);
      i += 2;
      continue;
    }
    out += c;
  }
  return [...new Set(out)].join('');
}

/**
 * How much a value of the shape says by its look alone: the bits of its shortest random draw, and whether every random
 * piece is hex (commit ids, digests and UUIDs share that look with secrets).
 */
export function shapeStrength(shape: string): { bits: number; hexOnly: boolean } {
  const random = parseShape(shape).filter((piece): piece is Extract<ShapePiece, { min: number }> => 'min' in piece);
  const chars = random.map((piece) => classChars(piece.charClass));
  return {
    bits: random.reduce((sum, piece, i) => sum + piece.min * Math.log2(Math.max(chars[i]!.length, 1)), 0),
    hexOnly: chars.every((set) => /^[0-9a-fA-F]+$/.test(set)),
  };
}

/** The longest text the shape matches. */
export function shapeMaxLength(shape: string): number {
  return parseShape(shape).reduce((sum, piece) => sum + ('literal' in piece ? piece.literal.length : piece.max), 0);
}

/** The literals inside a shape, lowercased: the prefilter keywords when a rule names none. */
export function shapeLiterals(shape: string): string[] {
  return parseShape(shape)
    .filter((piece): piece is { literal: string } => 'literal' in piece)
    .map((piece) => piece.literal.toLowerCase());
}

function pieceText(piece: ShapePiece, length?: number): string {
  if ('literal' in piece) return piece.literal;
  return `<[${piece.charClass}]:${length ?? piece.min}${length === undefined && piece.max !== piece.min ? `-${piece.max}` : ''}>`;
}

/** The shape with its longest random piece one character short of its minimum: a near miss every token rule must skip. */
export function shortenedShape(shape: string): string {
  const pieces = parseShape(shape);
  let longest = -1;
  pieces.forEach((piece, index) => {
    if ('min' in piece && (longest < 0 || piece.min > (pieces[longest] as { min: number }).min)) longest = index;
  });
  return pieces.map((piece, index) => pieceText(piece, index === longest ? (piece as { min: number }).min - 1 : undefined)).join('');
}

/** The shape with its literals' letter case swapped (`sgp_` -> `SGP_`), or undefined when no literal has letters. */
export function caseSwappedShape(shape: string): string | undefined {
  const pieces = parseShape(shape);
  const swap = (text: string) => [...text].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
  if (!pieces.some((piece) => 'literal' in piece && /[A-Za-z]/.test(piece.literal))) return undefined;
  return pieces.map((piece) => ('literal' in piece ? swap(piece.literal) : pieceText(piece))).join('');
}

/** The shape filled with `x` where every random piece admits it (`sgp_xxxx...`), as documentation writes a token. */
export function placeholderShape(shape: string): string | undefined {
  const pieces = parseShape(shape);
  const random = pieces.filter((piece): piece is Extract<ShapePiece, { min: number }> => 'min' in piece);
  if (!random.every((piece) => new RegExp(`[${piece.charClass}]`).test('x')) || !random.some((piece) => piece.min >= 5)) return undefined;
  return pieces.map((piece) => ('literal' in piece ? piece.literal : 'x'.repeat(piece.min))).join('');
}

/** `LOWER_UUID` as an RE2 pattern body, for hand-written patterns. */
export const LOWER_UUID_REGEX = shapeRegex(LOWER_UUID);
