/**
 * Judging a generic value by its name and its place rather than by the value: some random values under secret-looking
 * names authenticate nothing. Both the text before the value and the text after it are hostile input, read with
 * linear-time patterns anchored at the value.
 */

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
 * Why the value between `before` and `after` is not a credential, or undefined when its place says nothing:
 * - an anti-forgery (CSRF) token, which a rendered form or a request log prints for one session;
 * - the `token` of a signed webhook payload (Mailgun's `timestamp`, `token`, `signature`): a one-time nonce that the
 *   signature covers, so the sender's key is what matters and the nonce is public;
 * - the `?key=` of a document-sharing link (`spreadsheets.google.com/ccc?key=...`), which names the document.
 */
export function notACredentialHere(before: string, after: string): string | undefined {
  const line = before.slice(before.lastIndexOf('\n') + 1).slice(-200);
  if (CSRF_ASSIGNED.test(line) || CSRF_ATTRIBUTE.test(line)) return 'anti-forgery token';
  if (DOCUMENT_LINK_KEY.test(line)) return 'document key in a sharing link';
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
