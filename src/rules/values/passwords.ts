import { rejectGenericValue } from './generic.js';
import { isPlaceholder, isReference, isStorePlaceholder } from './placeholders.js';

/** Words people put where a password goes in samples and templates: not a credential. */
const STAND_INS = /^(?:pass(?:word|wd|phrase)?|pwd|secret|test(?:ing)?|example|sample|none|null|nil|undefined|empty|default|required|optional|string|hidden|masked|unset|todo|tbd|fixme|n\/a|-+|x+|\*+|\?+|\.+|0+)$/i;
/**
 * Code, not a literal: calls, member access, comparisons and assignments (`a.type==`), interpolation (a pair of
 * backticks), markup, escapes, paths and URLs. A lone backtick is one of a password's characters.
 */
const CODE = /[(){}[\]<>\\=]|`[^`]*`|&(?:[a-z]+|#\d+);|^[$%@#&:!~^|/.]|:\/\/|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$|^(?:true|false|yes|no|on|off)$/i;
/** A command-line flag (`password: "--password"` in a table of tool options), not its value. */
const FLAG = /^--[a-z][a-z0-9-]*$/;
/** A version (`1.0.0`, `^2.3`, `v4.1.2-beta`): a package named `parse-passwd` in a manifest, not a password. */
const VERSION = /^[~^v]?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/;
/**
 * Lowercase words that a password field holds when it describes the password rather than being one: schema types,
 * modes of a tool's password option, validation results.
 */
const DESCRIBING_WORDS = /^(?:varchar|integer|boolean|object|secret|secrets|hidden|masked|required|optional|disabled|enabled|invalid|incorrect|mismatch|missing|prompt|prompted|random|generated|generate|encrypted|plaintext|keyring|keychain|vault|environment|stdin|inherit|inherited|ignore|ignored|unknown|unchanged|redacted|protected|sensitive|anonymous|current|confirm|confirmation|verify|forgot|forgotten|username|email|input|field|value|label|placeholder|blank|notset|unused|manual|interactive|external|internal|cleartext|unencrypted|hashed|salted|digest|nopass|nopassword|passwordless|changeit)$/;
/** The word `password` in other languages, as translation files hold it (`"password": "wachtwoord"`). */
const TRANSLATIONS = /^(?:passwort|kennwort|wachtwoord|contrase(?:n|\u00f1)a|contrasenya|senha|parola|has(?:l|\u0142)o|heslo|salasana|l(?:o|\u00f6)senord|adgangskode|passord|jelsz(?:o|\u00f3)|(?:s|\u015f)ifre|mot[ -]?de[ -]?passe)$/i;
/** A stand-in made of words a template or a test writes for a password it does not mean (`cachepass`, `testpassword`). */
const STAND_IN_WORDS = /^(?:pass(?:word|wd)?|pwd|secret|bad|wrong|invalid|cache|test|user|db|admin|root|guest|dev|demo|app|my|your|some|foo|bar|baz|dummy|fake|sample|local|default|postgres|mysql|redis|mongo|rabbit|change|me|not|real|sekrit)+$/i;
/** An e-mail address or a `name@` stub: what anonymous FTP takes as its password by convention (RFC 1635), not a secret. */
const ANONYMOUS_LOGIN = /^[A-Za-z]+@$|^[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}$/;
/** Words of messages and labels: a lowercase phrase holding one (`is required`, `does not match`) is prose, not a passphrase. */
const PROSE_WORDS = new Set('a an the is are was were be been not no too can cannot must should will does do did has have enter your my this that it you if when set use see here please required invalid missing incorrect wrong new old current confirm reset forgot change password passwords passphrase characters match blank empty short long none null field value login user type show hide of to for and or with in on at by from'.split(' '));

/** The words of a name (`POSTGRES_PASSWORD`, `redisPass`, `mail.pass`), lowercased. */
function nameWords(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((word) => word.toLowerCase());
}

/** The value is its own name, or a word of it: `POSTGRES_PASSWORD=postgres`, as containers' defaults write them. */
function repeatsTheName(value: string, name: string | undefined): boolean {
  if (name === undefined) return false;
  const plain = value.toLowerCase();
  const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return bare(name) === bare(value) || nameWords(name).includes(plain);
}

/** A lowercase word (`whiteduke`, `goodspec`): a person's password when nothing says it describes one or stands in. */
export function isChosenWord(value: string): boolean {
  return /^[a-z]{6,32}$/.test(value) && !DESCRIBING_WORDS.test(value) && !TRANSLATIONS.test(value) && !STAND_IN_WORDS.test(value) && !isPlaceholder(value);
}

/** Two to four lowercase words (`open sesame`): a passphrase, unless a word of messages and labels makes it prose. */
export function isPassphrase(value: string): boolean {
  if (value.length > 40 || !/^[a-z0-9]{2,}(?: [a-z0-9]{2,}){1,3}$/.test(value) || isPlaceholder(value) || TRANSLATIONS.test(value)) return false;
  const words = value.split(' ');
  return !words.some((word) => PROSE_WORDS.has(word)) && !words.every((word) => STAND_IN_WORDS.test(word));
}

/** Three characters mixing a symbol and letters or digits (`!12`): a short password in a config file, not a mark such as `n/a`. */
export function isTinyPassword(value: string): boolean {
  return /^[A-Za-z0-9!@^+?][A-Za-z0-9!@#%^&*+?]{2}$/.test(value) && /[0-9]/.test(value) && /[!@#%^&*+?]/.test(value);
}

/**
 * A literal under a password's name that a person chose (`admin123`, `RedisPass1!`, `super$ecret`): weak, so the
 * entropy-based generic rules pass over it, yet it is a hardcoded credential. Placeholders, stand-in words, references,
 * code, e-mail addresses, the value repeating its name (`name`, when given) and values the generic judgment names
 * (hashes, identifiers, paths) are not passwords. Letters alone and phrases count only with `words` (a config file's
 * value, a constant): in code they are far more often labels, messages and test fixtures (`password: "please"`).
 */
export function isHumanPassword(value: string, options: { name?: string; words?: boolean } = {}): boolean {
  if (/\s/.test(value)) return options.words === true && isPassphrase(value);
  if (value.length < 4 || value.length > 64) return false;
  if (STAND_INS.test(value) || CODE.test(value) || FLAG.test(value) || VERSION.test(value) || isPlaceholder(value) || isReference(value)) return false;
  if (ANONYMOUS_LOGIN.test(value) || repeatsTheName(value, options.name)) return false;
  // Letters alone: a lowercase word may be a person's password; capitalised words are labels (`Password`, `Wachtwoord`).
  if (/^[A-Za-z]+$/.test(value)) return options.words === true && isChosenWord(value);
  if (/^[0-9]+$/.test(value) && value.length < 6) return false;
  // A `$` between letters (`super$ecret`) is one of the password's characters, not an identifier's.
  const judged = value.replace(/(?<=[A-Za-z0-9])\$(?=[A-Za-z0-9])/g, '!');
  // Long random values are the generic rules' to report; a person's password is short or low in entropy.
  const reason = rejectGenericValue(judged, 3);
  if (judged.length >= 14 && reason === undefined) return false;
  // Hashes, identifiers and the like are what the generic judgment names; `low entropy` and `too short` are a person's.
  return reason === undefined || reason === 'low entropy' || reason === 'too short' || reason === 'short number';
}

/** A lowercase word or passphrase under a password's name (`whiteduke`, `open sesame`) that does not repeat the name. */
export function isPasswordWord(value: string, options: { name?: string } = {}): boolean {
  if (/[^a-z0-9 ]/.test(value) || (!/ /.test(value) && /[0-9]/.test(value))) return false;
  return isHumanPassword(value, { ...options, words: true });
}

/** Interpolation and references in a literal: `$var`, `${VAR}`, `%VAR%`, `{{ var }}`, `#{expr}`. */
const INTERPOLATED = /^\$|\$\{|\{\{|#\{|^%[\w.]+%$/;

/**
 * A literal in a position that holds nothing but a password: a credential store's password field, Gradle's
 * `credentials { password "..." }`, a `*_PASSWORD` constant, a `login()` call's second argument. Words and names count
 * there too (`mongopass`, `hardcoded_maven`), since nothing else goes in that place; placeholders, stand-in words,
 * references, interpolation, the field's own name (`name`, when given) and empty values stay out. `store` marks a value
 * a tool saved itself, where a word such as `example` in it is no placeholder.
 */
export function isPasswordInPlace(value: string, options: { name?: string; store?: boolean } = {}): boolean {
  if (value.length < 3 || value.length > 200 || /\s/.test(value)) return false;
  if (STAND_INS.test(value) || FLAG.test(value) || INTERPOLATED.test(value) || isReference(value)) return false;
  if (options.store ? isStorePlaceholder(value) : isPlaceholder(value)) return false;
  const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return options.name === undefined || bare(options.name) !== bare(value);
}

/** Hosts that only a developer's machine, a CI job or documentation reaches: loopback, reserved names (RFC 2606, 6761). */
const LOCAL_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[?::1\]?|(?:[\w-]+\.)*(?:localhost|local|test|invalid|example)|(?:[\w-]+\.)*example\.(?:com|net|org))$/i;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A URL's password that stands in for one (`postgres://postgres:postgres@localhost`, `cacheuser:cachepass@localhost`):
 * the user name repeated as the password, or stand-in words on a local or reserved host. `before` is the URL up to the
 * password (`scheme://user:`), `after` its `@host`. A real-looking password counts wherever it points, localhost too.
 */
export function isStandInUrlPassword(password: string, before: string, after: string): boolean {
  const user = decoded(before.slice(before.lastIndexOf('://') + 3).replace(/:$/, ''));
  const host = after.replace(/^@/, '').replace(/[:/?#].*$/s, '');
  const plain = decoded(password);
  if (user !== '' && plain.toLowerCase() === user.toLowerCase()) return true;
  return LOCAL_HOST.test(host) && STAND_IN_WORDS.test(plain);
}

/** Host names documentation uses (RFC 2606): `example.com`, `example.net`, `example.org` and their subdomains. */
const EXAMPLE_HOST = /(?:^|[^\w.-])(?:[\w-]+\.)*example\.(?:com|net|org)(?![\w-])/i;

/**
 * A stand-in word with a short number after it (`secret123`, `password1`, `test2024`) in a block that also names a
 * documentation host (`host=example.com`, `admin@example.org`): a sample's login, not a person's. Without such a host
 * nearby the same value is a weak password someone really uses, and stays a finding.
 */
export function isStandInBesideExampleHost(password: string, around: string): boolean {
  const word = password.replace(/[0-9]{1,4}$/, '');
  return word !== password && word.length >= 2 && STAND_IN_WORDS.test(word) && EXAMPLE_HOST.test(around);
}

/** A URL whose user is itself an encoded path or URL (`openid.aol.com%2Fname:...@host`, an escaping test): not a login. */
export function hasEncodedPathUser(before: string): boolean {
  return /%2F/i.test(before.slice(before.lastIndexOf('://') + 3));
}
