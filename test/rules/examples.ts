import type { Rule } from '../../src/rules/index.js';
import { isPlaceholder } from '../../src/rules/values/placeholders.js';
import { rejectGenericValue, shannonEntropy } from '../../src/rules/values/generic.js';
import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { classChars } from '../../src/rules/shape.js';
import { randomFrom } from '../helpers/fake-secrets.js';

/**
 * A rule's examples as the catalogue test reads them, each holding a freshly generated fake secret: true examples the
 * rule must report and near misses it must not.
 */
export interface RuleFixture {
  /** The main true example. */
  positive: () => string;
  /** The main near miss. */
  negative: () => string;
  positives: () => string[];
  negatives: () => string[];
  /** Where the snippets live, when the rule cares (config-file rules skip source code); `src/config.ts` otherwise. */
  path?: string;
}

/** What the engine rightly takes for a placeholder (`bbbbbb`, `***`, `...`, `qwerty`); a random draw can land on one. */
const LOOKS_PLACEHOLDER = /(.)\1{4,}|\*{3}|\.{3}|x{5}|example|changeme|placeholder|redacted|dummy|sample|foobar|lorem|abcdefgh|0123456|1234567|qwerty/i;

function shannon(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * A random draw that cannot be mistaken for a placeholder and is not in the low-entropy tail (about one draw in a
 * hundred) that entropy floors are there to drop, so a true example never fails by chance.
 */
function r(alphabet: string, length: number): string {
  for (;;) {
    const value = randomFrom(alphabet, length);
    if (LOOKS_PLACEHOLDER.test(value) || isPlaceholder(value)) continue;
    if (alphabet.length >= 16 && length >= 16 && shannon(value) < (length >= 20 ? 3.5 : 3.2)) continue;
    return value;
  }
}

const PIECE = /<(\[[^\]]+\]|[A-Za-z0-9]+):(\d+)(?:-(\d+))?>/g;

/** The GitHub/npm checksum tail: the text, then the CRC32 of it in six base62 digits. */
const withCrc32 = (text: string) => text + base62(crc32(text), 6);

/**
 * What an example cannot write down but can compute from its drawn text: `{{base64:...:base64}}` (and `base64-unpadded`,
 * `base64url`) encodes it, `{{crc32:...:crc32}}` appends the GitHub/npm checksum, `{{bad-crc32:...:bad-crc32}}` a checksum off by one digit.
 */
const TRANSFORMS: Record<string, (text: string) => string> = {
  base64: (text) => Buffer.from(text).toString('base64'),
  'base64-unpadded': (text) => Buffer.from(text).toString('base64').replace(/=+$/, ''),
  base64url: (text) => Buffer.from(text).toString('base64url'),
  crc32: withCrc32,
  'bad-crc32': (text) => {
    const token = withCrc32(text);
    return token.slice(0, -1) + (token.at(-1) === 'A' ? 'B' : 'A');
  },
};
const TRANSFORM = /\{\{(base64-unpadded|base64url|base64|bad-crc32|crc32):([\s\S]*?):\1\}\}/g;

/** An example template with each `<alphabet:n>` piece replaced by fresh random characters (ranges pick a length), then its transforms applied. */
export function expand(template: string, alphabets: Record<string, string>): string {
  return fillPieces(template, alphabets).replace(TRANSFORM, (_whole, name: string, text: string) => TRANSFORMS[name]!(text));
}

function fillPieces(template: string, alphabets: Record<string, string>): string {
  return template.replace(PIECE, (_whole, name: string, min: string, max: string | undefined) => {
    const body = name.startsWith('[') ? name.slice(1, -1) : alphabets[name];
    if (body === undefined) throw new Error(`unknown alphabet ${name} in ${template}`);
    const low = Number(min);
    const high = max === undefined ? low : Number(max);
    const length = low + Math.floor(Math.random() * (high - low + 1));
    return length === 0 ? '' : tokenLike(classChars(body), length);
  });
}

/**
 * A random piece as real tokens look: drawn without repeats when the alphabet is large enough, and holding both a
 * letter and a digit when the alphabet has both. Plain draws sometimes came out with no digit or too many repeats, which
 * the generic value checks rightly reject, so a rule's example failed about one run in twenty.
 */
function tokenLike(chars: string, length: number): string {
  const mixed = /[0-9]/.test(chars) && /[A-Za-z]/.test(chars) && length >= 6;
  for (let attempt = 0; attempt < 50; attempt++) {
    const drawn = length * 2 <= chars.length ? withoutRepeats(chars, length) : r(chars, length);
    // The engine's own placeholder judgement (a draw holding `abc123` is rightly taken for one) decides, not a copy.
    if (isPlaceholder(drawn) || LOOKS_PLACEHOLDER.test(drawn)) continue;
    // Nor a draw it reads as camel-cased words (`VrwRsp20OmnbUcux`), which keyed rules rightly refuse as a name.
    if (rejectGenericValue(drawn, 0) === 'identifier-like') continue;
    // Nor an unlucky draw from a small alphabet with too few distinct symbols (25 digits at 2.47 bits, under a rule's
    // entropy floor of 2.5): real tokens of that alphabet sit near its maximum.
    if (shannonEntropy(drawn) < 0.8 * Math.log2(Math.min(chars.length, length))) continue;
    if (!mixed || (/[0-9]/.test(drawn) && /[A-Za-z]/.test(drawn))) return drawn;
  }
  return r(chars, length);
}

function withoutRepeats(chars: string, length: number): string {
  const pool = [...chars];
  let out = '';
  for (let i = 0; i < length; i++) out += pool.splice(Math.floor(Math.random() * pool.length), 1)[0];
  return out;
}

/** A rule's own examples as the catalogue test reads fixtures: drawn afresh on every call. */
export function fixtureOf(rule: Rule, alphabets: Record<string, string>): RuleFixture {
  const examples = rule.examples!;
  const positives = () => examples.positives.map((t) => expand(t, alphabets));
  const negatives = () => examples.negatives.map((t) => expand(t, alphabets));
  return { positive: () => positives()[0]!, negative: () => negatives()[0]!, positives, negatives, ...(examples.path ? { path: examples.path } : {}) };
}
