import { rejectGenericValue } from './generic.js';
import { isPlaceholder, isReference, isStorePlaceholder } from './placeholders.js';

/** Words people put where a password goes in samples and templates: not a credential. */
const STAND_INS = /^(?:pass(?:word|wd|phrase)?|pwd|secret|test(?:ing)?|example|sample|none|null|nil|undefined|empty|default|required|optional|string|hidden|masked|unset|todo|tbd|fixme|n\/a|-+|x+|\*+|\?+|\.+|0+)$/i;
/**
 * Code, not a literal: calls, member access, comparisons and assignments (`a.type==`), interpolation, markup, escapes,
 * paths and URLs.
 */
const CODE = /[(){}[\]<>\\`=]|&(?:[a-z]+|#\d+);|^[$%@#&:!~^|/.]|:\/\/|^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+$|^(?:true|false|yes|no|on|off)$/i;
/** A command-line flag (`password: "--password"` in a table of tool options), not its value. */
const FLAG = /^--[a-z][a-z0-9-]*$/;
/** A version (`1.0.0`, `^2.3`, `v4.1.2-beta`): a package named `parse-passwd` in a manifest, not a password. */
const VERSION = /^[~^v]?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/;

/**
 * A literal under a password's name that a person chose (`admin123`, `RedisPass1!`): weak, so the entropy-based
 * generic rules pass over it, yet it is a hardcoded credential. Placeholders, stand-in words, references, code and
 * values the generic judgment names (hashes, identifiers, paths) are not passwords.
 */
export function isHumanPassword(value: string): boolean {
  if (value.length < 4 || value.length > 64) return false;
  if (STAND_INS.test(value) || CODE.test(value) || FLAG.test(value) || VERSION.test(value) || isPlaceholder(value) || isReference(value)) return false;
  // A person's password mixes letters with digits or symbols; letters alone are labels and words (`Password`, `hunter`).
  if (/^[A-Za-z]+$/.test(value) || (/^[0-9]+$/.test(value) && value.length < 6)) return false;
  // Long random values are the generic rules' to report; a person's password is short or low in entropy.
  if (value.length >= 14 && rejectGenericValue(value, 3) === undefined) return false;
  // Hashes, identifiers and the like are what the generic judgment names; `low entropy` and `too short` are a person's.
  const reason = rejectGenericValue(value, 3);
  return reason === undefined || reason === 'low entropy' || reason === 'too short' || reason === 'short number';
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
/** Words a template or a test writes for a password it does not mean (`cachepass`, `badpass`, `testpassword`). */
const STAND_IN_WORDS = /^(?:pass(?:word|wd)?|pwd|secret|bad|wrong|invalid|cache|test|user|db|admin|root|guest|dev|demo|app|my|your|some|foo|bar|baz|dummy|fake|sample|local|default|postgres|mysql|redis|mongo|rabbit|change|me|not|real)+$/i;

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

/** A URL whose user is itself an encoded path or URL (`openid.aol.com%2Fname:...@host`, an escaping test): not a login. */
export function hasEncodedPathUser(before: string): boolean {
  return /%2F/i.test(before.slice(before.lastIndexOf('://') + 3));
}
