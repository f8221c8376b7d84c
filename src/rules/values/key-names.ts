/**
 * Names ending in `key` (`SIGNING_KEY`, `stripeKey`, `app.encryption-key`): most hold a credential, yet databases,
 * UIs, caches and i18n call many other things keys. These judge the name, so a broad `*_KEY` rule reports only names
 * of secrets.
 */

/** Words that, just before `key`, make it a key of something other than a credential, or a public one. */
const NOT_SECRET_QUALIFIERS = new Set(
  [
    // public halves and identifiers
    'public pub publishable site host known verify verification kms id',
    // database and data-structure keys
    'primary foreign sort partition range hash cache lookup storage local map dict object row column col table index unique composite natural surrogate group redis bucket file path prefix parent child node',
    // UI, i18n and framework keys
    'translation i18n l10n message msg label title text locale lang language route query context injection provide symbol event state config settings setting option field prop property attr attribute data value item list element component',
    // request bookkeeping and keyboard keys
    'idempotency dedup deduplication correlation request trace cursor page pagination next continuation shortcut hot keyboard press meta alt ctrl control shift mod music',
  ].join(' ').split(' '),
);

/** Words anywhere in the name that make its value a digest or a public value, not a key. */
const NOT_SECRET_WORDS = new Set(['hash', 'digest', 'checksum', 'sha', 'sha1', 'sha256', 'sha512', 'md5', 'fingerprint', 'integrity', 'public', 'pub', 'i18n']);

/** The name's words, lower-cased: `awsSigningKey` and `AWS_SIGNING_KEY` are both `aws signing key`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The last name in the text before a value (`  "signingKey": "` -> `signingKey`). */
function lastName(lead: string): string {
  const names = lead.match(/[A-Za-z0-9_.-]+/g) ?? [];
  return [...names].reverse().find((name) => /key/i.test(name)) ?? '';
}

/**
 * True when the name before a value names a secret key: it ends in `key` or `keys` with a qualifier before it that is
 * not a public, data, UI or bookkeeping word, and nothing in it says digest or public.
 */
export function isSecretKeyName(lead: string): boolean {
  const words = nameWords(lastName(lead));
  if (words.length < 2 || !/^keys?$/.test(words.at(-1)!)) return false;
  if (words.some((word) => NOT_SECRET_WORDS.has(word))) return false;
  return !NOT_SECRET_QUALIFIERS.has(words.at(-2)!);
}
