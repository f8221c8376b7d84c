/**
 * Judging a generic value (entropy, character classes, shapes of hashes, identifiers and paths): shared by the rules'
 * validators and the engine, so it sits below both.
 */
import { UUID, shapeRegex } from '../shape.js';
import { hasValidSasFields } from './azure-sas.js';
import { isPlaceholder, isReference } from './placeholders.js';

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
const UUID_VALUE = new RegExp(`^${shapeRegex(UUID)}$`);
const SRI = /^(?:sha1|sha256|sha384|sha512)[-:]/i;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z_$.]*$/;
const PATH_OR_URL = /^(?:\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/[^@\s]*$|[A-Za-z]:\\)/i;
/** `prod/payments/api-key`: a relative path or secret-store name of lowercase words; base64 segments mix cases. */
const WORD_PATH = /^\.?[a-z0-9]+(?:[-_.][a-z0-9]+)*(?:\/\.?[a-z0-9]+(?:[-_.][a-z0-9]+)*)+\/?$/;
/** Alternations of words, as in a regular expression's source: `password|passwd|api[_-]?key`. */
const ALTERNATION = /^[\w[\]?-]+(?:\|[\w[\]?-]+){2,}$/;
/** `https://publickey@host/...` (a Sentry DSN, a git remote with a user name): a user and no password. */
const URL_USER_ONLY = /^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]+@[^\s@]*$/i;
const CRYPT_HASH = /^\$(?:1|2[abxy]?|5|6|y|7|apr1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$/;
const ALGORITHM = /^(?:argon2(?:id|i|d)?|bcrypt(?:_sha256)?|scrypt|pbkdf2(?:_sha(?:1|256|512))?|sha-?(?:1|224|256|384|512)|md5|[hre]s(?:256|384|512)|aes-?(?:128|192|256)(?:-?(?:gcm|cbc|ctr))?|chacha20(?:-poly1305)?)$/i;
/** Public keys, Stripe's publishable keys and Lob's (`live_pub_`, made to be published in JavaScript). */
const PUBLIC_KEY = /^(?:(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-ssh-ed25519@openssh\.com) AAAA|pk_(?:live|test)_|(?:live|test)_pub_)/;
/** A Salesforce connected app's consumer key (`3MVG9...`): the OAuth client id, sent in every authorization URL. */
const CLIENT_ID = /^3MVG9[A-Za-z0-9._]{60,100}$/;
const AWS_ID = /^(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA)[A-Za-z0-9]{16}$/;
const WORD_LIST = /^[A-Za-z]+(?:[:._-][A-Za-z]+)*(?:,[A-Za-z]+(?:[:._-][A-Za-z]+)*)+$/;
const HEADER_LIKE = /^(?:[A-Z]+|[A-Z][a-z]+)(?:[-_](?:[A-Z]+|[A-Z][a-z]+))+$/;
const BASE64_TEXT = /^[A-Za-z0-9+/]{8,}={0,2}$/;
/**
 * Code, not a value: a member chain with a call, an index or `::` (`PaymentGateway.tokenize(user.card)`,
 * `params[:company].smtp_password,`, `BCrypt::Password.create(password)`, `key_generator.generate_key(`), as
 * Markdown guides and changelogs show it. Each step starts with its own character, so matching stays linear.
 */
const CODE_CHAIN = /^[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*|\([\w$:.,'" ]*\)|\[[\w$:'"]*\])*\(?[,;]?$/;
/** A file name passed beside a credential's name (`KnAM4a_development.yml.enc`): where it is kept, not the value. */
const FILE_NAME = /^[\w-]+(?:\.[\w-]+)*\.(?:ya?ml|json|toml|ini|conf|cfg|xml|txt|enc|rb|py|js|ts|md)$/i;
/** A setting of words, as a cookie attribute (`SameSite=Lax`) or an option (`mode=strict`). */
const WORD_SETTING = /^[A-Za-z]+=[A-Za-z]+$/;
/** A command-line option name (`--http-password`): the flag that takes a password, not the password. */
const CLI_FLAG = /^--?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A JWT's opening (`eyJ`, a base64url JSON header) with a character no base64 holds (`^`, `$`, `&`): a mangled sample. */
const BROKEN_JWT = /^eyJ[A-Za-z0-9_=.+/-]*[^A-Za-z0-9_=.+/-]/;
/** A JWT's layout: a base64url header opening with `eyJ` (`{"`), then a payload and a signature after dots. */
const JWT_LAYOUT = /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function isJsonObject(part: string): boolean {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * A token laid out as a JWT of which neither the header nor the claims decode to a JSON object: no issuer signs such
 * a token and no server reads it, so it is a look-alike, not a credential. (One unreadable part may be a typo in a
 * copy of a real token, which still grants access once fixed.)
 */
function isUnreadableJwt(value: string): boolean {
  if (!JWT_LAYOUT.test(value)) return false;
  const [header, claims] = value.split('.');
  return !isJsonObject(header!) && !isJsonObject(claims!);
}
/** A host name (`4f2a9c.invoiceocean.com`): lower-case labels and a top-level domain of letters. */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,12}$/;
/** A query string of settings, `st=2025-03-04T07:24:52Z&sp=r&sr=c`: two or more `name=value` pairs. */
const QUERY_PAIRS = /^[\w.-]+=[^&=\s]*(?:&[\w.-]+=[^&=\s]*)+$/;
/** A Rails route target, `active_storage/disk#update`: controller path and action. */
const ROUTE_TARGET = /^[a-z][a-z0-9_]*(?:\/[a-z][a-z0-9_]*)+#[a-z_][a-z0-9_]*$/;
/** Query parameters none of which is random (an Azure SAS token's dates and flags without its `sig`). */
function isQueryOfSettings(value: string): boolean {
  return QUERY_PAIRS.test(value) && !value.split('&').some((pair) => rejectGenericValue(pair.slice(pair.indexOf('=') + 1), 3.5) === undefined);
}

/** The text inside standard base64 (length a multiple of 4) when it decodes to printable ASCII; random bytes never do. */
export function decodeBase64Text(value: string): string | undefined {
  if (value.length < 12 || value.length % 4 !== 0 || !BASE64_TEXT.test(value)) return undefined;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  if (decoded.length < 6 || !/^[\x20-\x7e]+$/.test(decoded)) return undefined;
  return decoded;
}

/** A URL or connection string with a random-looking piece: a webhook's token, a signature (host names do not count). */
export function hasSecretPart(text: string): boolean {
  if (!/[:/;=]/.test(text)) return false;
  return text.split(/[/?&=;:@,]/).some((part) => part.length >= 20 && !part.includes('.') && rejectGenericValue(part, 3.5) === undefined);
}

/** `scheme://user:password@host`, or an empty user as Redis writes it (`redis://:password@host`). */
export function hasUrlPassword(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/[^:/\s@]*:[^@\s/]{6,}@[A-Za-z0-9.-]/i.test(value);
}

/**
 * Judges a value assigned to a secret-looking name (the generic rules). Entropy alone flags hashes, UUIDs and long
 * identifiers; this uses the charset, the length and the shape to keep only values that look like credentials.
 * Returns the reason a value is rejected, or undefined when it looks like a secret.
 */
export function rejectGenericValue(value: string, minEntropy: number): string | undefined {
  if (value.length < 8) return 'too short';
  // Base64 that decodes to text (a Kubernetes Secret's `data:`, a wrapped setting) is judged by what it says.
  const decoded = decodeBase64Text(value);
  if (decoded !== undefined) {
    if (isPlaceholder(decoded) || isReference(decoded)) return 'encoded placeholder';
    if (PUBLIC_KEY.test(decoded) || CRYPT_HASH.test(decoded)) return 'encoded public key or hash';
    const inner = rejectGenericValue(decoded, minEntropy);
    if (inner && !hasUrlPassword(decoded) && !hasSecretPart(decoded)) return `encoded ${inner}`;
    return undefined;
  }
  // Password hashes (crypt(3), htpasswd, argon2), algorithm names, public keys and Stripe's publishable keys.
  if (CRYPT_HASH.test(value)) return 'password hash';
  if (ALGORITHM.test(value)) return 'algorithm name';
  if (PUBLIC_KEY.test(value)) return 'public key';
  // An access key ID (or a user, role or group ID) names a key; it is not the key. Valid IDs have their own rule.
  if (AWS_ID.test(value)) return 'key id';
  if (CLIENT_ID.test(value)) return 'client id';
  // A provider's prefix on a value without that provider's format (or failing its checksum) is judged by the engine
  // against the rules' own patterns and validators (src/engine/provider-prefixes.ts).
  // Scope and permission lists (`repo,read:org,workflow`) and header names (`XSRF-TOKEN`, `X-Api-Key`).
  if (WORD_LIST.test(value) || HEADER_LIKE.test(value)) return 'identifier-like';
  if (ALTERNATION.test(value) || /\(\?(?:[:!=]|<[=!]|i\))/.test(value)) return 'regular expression';
  if (/\s/.test(value)) return 'contains whitespace';
  if (HASH_SHAPED.test(value)) return 'hash-shaped';
  if (UUID_VALUE.test(value)) return 'uuid';
  if (SRI.test(value)) return 'integrity digest';
  if (URL_USER_ONLY.test(value)) return 'URL without password';
  if (CODE_CHAIN.test(value) && /[([]|::/.test(value)) return 'code expression';
  if (ROUTE_TARGET.test(value)) return 'route';
  if (BROKEN_JWT.test(value) || isUnreadableJwt(value)) return 'malformed token';
  if (isQueryOfSettings(value)) return 'query string';
  // An Azure SAS whose signed fields Azure would refuse: the SAS rule judges SAS tokens, and this one signs nothing.
  if (QUERY_PAIRS.test(value) && /(?:^|&)sig=/.test(value) && !hasValidSasFields(value)) return 'malformed token';
  if (CLI_FLAG.test(value)) return 'command-line flag';
  if (FILE_NAME.test(value)) return 'file name';
  if (WORD_SETTING.test(value)) return 'identifier-like';
  if (PATH_OR_URL.test(value) || WORD_PATH.test(value) || /^urn:[a-z0-9][a-z0-9-]{0,31}:/i.test(value)) return 'path or URL';
  const classes = charClasses(value);
  const entropy = shannonEntropy(value);
  // Words joined by dashes or underscores (`use-credentials`, `refresh_token_rotation`) and `?Sentinel` constants are
  // names and modes, not credentials (also behind a `!` or `?` sentinel mark, `!real_csrf_token`, or a leading `_`,
  // `_aj_ruby2_keywords`); generated values carry digits or mixed case.
  if (/^[!?_]?[a-z]+[0-9]*(?:[-_][a-z]+[0-9]*)+$/.test(value) || /^\?[A-Za-z]+$/.test(value)) return 'identifier-like';
  if (IDENTIFIER.test(value)) {
    // Letters only: identifiers (`passwordResetToken`, `XMLHttpRequest`, `my.config.key`) split into whole words;
    // generated values break into one- and two-letter fragments.
    const words = value.split(/[._$]+|(?=[A-Z][a-z])/).filter(Boolean);
    if (words.every((word) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]{2,})$/.test(word))) return 'identifier-like';
  }
  // Class and constant names with a version digit (`OAuth2RefreshTokenGranter`, `Sha256Digest`): whole words.
  if (/^[A-Za-z][A-Za-z0-9]*$/.test(value)) {
    const words = value.split(/(?=[A-Z][a-z])/);
    // A version digit sits inside the name (`OAuth2Refresh`), not at its end, where people put a password's digits.
    const last = words[words.length - 1]!;
    if (/^[A-Z]?[a-z]{2,}$/.test(last) && words.every((word) => /^(?:[A-Z]?[a-z]{2,}|[A-Z]+)[0-9]{0,3}$/.test(word)) && words.filter((word) => /[a-z]{3}/.test(word)).length >= 2) return 'identifier-like';
  }
  if (HOST_NAME.test(value)) return 'host name';
  if (/^[0-9]+$/.test(value) && value.length < 16) return 'short number';
  // Each character class missing makes a random-looking value less likely to be a generated secret.
  const required = minEntropy + (classes.count <= 1 ? 0.7 : classes.count === 2 ? 0.2 : 0);
  if (entropy < required) return 'low entropy';
  return undefined;
}
