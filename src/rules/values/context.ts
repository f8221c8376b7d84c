/**
 * Judging a generic value by its name and its place rather than by the value: some random values under secret-looking
 * names authenticate nothing. Both the text before the value and the text after it are hostile input, read with
 * linear-time patterns anchored at the value.
 */
import { malformedStructure } from './structured.js';

/** Names of anti-forgery tokens: per-session values a page or a log shows, not credentials. */
const CSRF_NAME = String.raw`(?:authenticity|csrf|xsrf)[_-]?token|csrfmiddlewaretoken|__RequestVerificationToken|_csrf`;
/** `"authenticity_token"=>"`, `csrf_token: '`, `_csrf=`: the anti-forgery name right before the value. */
const CSRF_ASSIGNED = new RegExp(String.raw`(?:${CSRF_NAME})\\?["']?\s*(?:=>|:=|=|:)\s*\\?["'\x60]?$`, 'i');
/** `<input name="authenticity_token" value="`, `<meta name="csrf-token" content="`: the same in markup. */
const CSRF_ATTRIBUTE = new RegExp(String.raw`\bname=\\?["'](?:${CSRF_NAME})\\?["'][^<>]{0,120}?\b(?:value|content)=\\?["']?$`, 'i');
/** A bare `token` name right before the value, as a webhook payload's field. */
const BARE_TOKEN = /(?:^|[^\w-])token\\?["']?\s*(?:=>|=|:)\s*\\?["']?$/i;
const TIMESTAMP_FIELD = /(?:^|[^\w-])["']?timestamp\\?["']?\s*(?:=>|=|:)/i;
const SIGNATURE_FIELD = /(?:^|[^\w-])["']?signature\\?["']?\s*(?:=>|=|:)/i;
/** The `key`/`id` query of a Google Docs, Sheets or Drive link names a document, not a credential. */
const DOCUMENT_LINK_KEY = /\b(?:docs|spreadsheets|sheets|drive)\.google\.com\/[^\s"'<>]*[?&](?:key|id)=$/i;

/**
 * The characters machine-issued tokens are written in: base64 and base64url, hex, `.` between a JWT's or a dotted
 * token's parts, `:` between an id and its secret, `~` (Azure's client secrets), `%` of URL encoding (Twitter's bearer
 * tokens, Azure SAS signatures). Brackets pass too: detectors' alphabets typed as `A-z` (which spans `[\]^_\``) take
 * them, and the labelled corpora keep such values as true examples.
 */
const TOKEN_CHARACTERS = /[A-Za-z0-9+/=_.~:%[\]-]/g;
/** The name right before a value: the last run of name characters once the operator and quotes are left out. */
const LAST_NAME = /([A-Za-z0-9_.-]+)[^A-Za-z0-9_.-]*$/;
const CREDENTIAL_WORD = /key|token|secret|auth|credential|bearer/i;
const PASSWORD_WORD = /pass|pwd/i;
/** Django's and Flask's `SECRET_KEY`, which `get_random_secret_key()` draws from `a-z0-9!@#$%^&*(-_=+)`. */
const PUNCTUATED_KEY_NAME = /^SECRET_KEY$/;

/** How many of the value's characters no token alphabet holds (`?`, `|`, `^`, `!`, `@`, `$`, `&`, `#`). */
export function strayCharacters(value: string): number {
  return value.replace(TOKEN_CHARACTERS, '').length;
}

/**
 * `=` is base64's padding: it brings the length to a multiple of 4. Base64 padded to another length (45 characters,
 * the last an `=`) is not the output of an encoder.
 */
function isBrokenBase64(secret: string): boolean {
  return /^[A-Za-z0-9+/]+={1,2}$/.test(secret) && secret.length % 4 !== 0;
}

/**
 * Under a key, token or secret name, a value in a token alphabet save one to three characters (`...Yl5E?vzdv`,
 * `...3gSD-c^`), or base64 whose padding does not fit its length, is a mangled token: a typo, a paste that caught
 * markup, a test's invalid variant. A secret whose own alphabet holds punctuation uses it throughout (WordPress salts;
 * Django's SECRET_KEY, which is named for it), and the few providers whose tokens hold a `!` or a `*` have their own
 * rules. Passwords, which people type, are left alone.
 */
function isMangledToken(line: string, secret: string): boolean {
  // A URL's own syntax holds `@`, `?`, `&` and `#`: its parts are judged by the URL rules.
  if (secret.includes('://')) return false;
  const strays = strayCharacters(secret);
  if (!isBrokenBase64(secret) && (strays === 0 || strays > 3 || strays * 8 > secret.length)) return false;
  const name = LAST_NAME.exec(line)?.[1] ?? '';
  return CREDENTIAL_WORD.test(name) && !PASSWORD_WORD.test(name) && !PUNCTUATED_KEY_NAME.test(name);
}

/**
 * Why `secret`, between `before` and `after`, is not a credential, or undefined when its place says nothing:
 * - an anti-forgery (CSRF) token, which a rendered form or a request log prints for one session;
 * - the `token` of a signed webhook payload (Mailgun's `timestamp`, `token`, `signature`): a one-time nonce that the
 *   signature covers, so the sender's key is what matters and the nonce is public;
 * - the `?key=` of a document-sharing link (`spreadsheets.google.com/ccc?key=...`), which names the document;
 * - a mangled token under a key, token or secret name (isMangledToken);
 * - a provider's structure in a form the provider does not issue (malformedStructure: an Atlassian Data Center PAT of
 *   the wrong length or with a mistyped id).
 */
export function notACredentialHere(before: string, after: string, secret = ''): string | undefined {
  const line = before.slice(before.lastIndexOf('\n') + 1).slice(-200);
  if (CSRF_ASSIGNED.test(line) || CSRF_ATTRIBUTE.test(line)) return 'anti-forgery token';
  if (DOCUMENT_LINK_KEY.test(line)) return 'document key in a sharing link';
  if (isMangledToken(line, secret)) return 'mangled token';
  const structure = malformedStructure(line, secret);
  if (structure) return structure;
  if (BARE_TOKEN.test(line)) {
    const around = `${before}\n${after}`;
    if (TIMESTAMP_FIELD.test(around) && SIGNATURE_FIELD.test(around)) return 'signed webhook nonce';
  }
  return undefined;
}

/** A name whose last word is `token` (`JEKYLL_GITHUB_TOKEN=`, `"accessToken": "`) right before the value. */
const TOKEN_NAME = /(?:^|[^A-Za-z0-9])(?:[A-Za-z0-9]+[_.-])*(?:[A-Za-z0-9]*[a-z0-9])?(?:_?TOKEN|_?[Tt]oken|token)\\?["']?[ \t]*(?:=>|:=|=|:)[ \t]*\\?["']?$/;
/** Names of values that are digests or one-time values, not credentials, even when they end in `token`. */
const DIGEST_WORDS = /hash|sha|digest|checksum|commit|etag|nonce|csrf|xsrf|authenticity|integrity|revision/i;

/**
 * Whether the name before a hash-shaped value (40 hex characters) vouches that it is a credential: GitHub's classic
 * tokens and many APIs' tokens are bare hex, so under a `*_TOKEN` name hex is a token, not a checksum.
 */
export function tokenNameBeforeHex(before: string): boolean {
  const line = before.slice(before.lastIndexOf('\n') + 1).slice(-120);
  return TOKEN_NAME.test(line) && !DIGEST_WORDS.test(line);
}
