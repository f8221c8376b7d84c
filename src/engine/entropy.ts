/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  symbol: boolean;
  count: number;
}

export function charClasses(value: string): CharClasses {
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  const symbol = /[^A-Za-z0-9]/.test(value);
  return { lower, upper, digit, symbol, count: Number(lower) + Number(upper) + Number(digit) + Number(symbol) };
}

const HASH_SHAPED = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64}|[a-f0-9]{96}|[a-f0-9]{128}|[A-F0-9]{32}|[A-F0-9]{40}|[A-F0-9]{64})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SRI = /^(?:sha1|sha256|sha384|sha512)[-:]/i;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$.]*$/;
const PATH_OR_URL = /^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/[^@\s]*$|[A-Za-z]:\\)/i;
/** `prod/payments/api-key`: a relative path or secret-store name of lowercase words; base64 segments mix cases. */
const WORD_PATH = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-_.][a-z0-9]+)*)+\/?$/;

/**
 * Judges a value assigned to a secret-looking name (the generic rules). Entropy alone flags hashes, UUIDs and long
 * identifiers; this uses the charset, the length and the shape to keep only values that look like credentials.
 * Returns the reason a value is rejected, or undefined when it looks like a secret.
 */
export function rejectGenericValue(value: string, minEntropy: number): string | undefined {
  if (value.length < 8) return 'too short';
  if (/\s/.test(value)) return 'contains whitespace';
  if (HASH_SHAPED.test(value)) return 'hash-shaped';
  if (UUID.test(value)) return 'uuid';
  if (SRI.test(value)) return 'integrity digest';
  if (PATH_OR_URL.test(value) || WORD_PATH.test(value) || /^urn:[a-z0-9][a-z0-9-]{0,31}:/i.test(value)) return 'path or URL';
  const classes = charClasses(value);
  const entropy = shannonEntropy(value);
  // Words joined by dashes or underscores (`use-credentials`, `refresh_token_rotation`) and `?Sentinel` constants are
  // names and modes, not credentials; generated values carry digits or mixed case.
  if (/^[a-z]+(?:[-_][a-z]+)+$/.test(value) || /^\?[A-Za-z]+$/.test(value)) return 'identifier-like';
  if (IDENTIFIER.test(value)) {
    // Letters only: identifiers (`passwordResetToken`, `XMLHttpRequest`, `my.config.key`) split into whole words;
    // generated values break into one- and two-letter fragments.
    const words = value.split(/[._$]+|(?=[A-Z][a-z])/).filter(Boolean);
    if (words.every((word) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,})$/.test(word))) return 'identifier-like';
  }
  if (/^[0-9]+$/.test(value) && value.length < 16) return 'short number';
  // Each character class missing makes a random-looking value less likely to be a generated secret.
  const required = minEntropy + (classes.count <= 1 ? 0.7 : classes.count === 2 ? 0.2 : 0);
  if (entropy < required) return 'low entropy';
  return undefined;
}
