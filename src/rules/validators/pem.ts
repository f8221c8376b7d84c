/**
 * The body between BEGIN and END lines must be base64 (line breaks, literal `\n` escapes and RFC 1421 headers such as
 * `Proc-Type:` allowed) long enough to hold a key. Rejects `...`, prose and truncated examples.
 */
export function hasKeyBody(block: string): boolean {
  const inner = block.replace(/-----(?:BEGIN|END)[^-]*-----/g, '');
  if (isBase64Body(inner)) return true;
  const joined = joinedLiterals(inner);
  return joined !== undefined && isBase64Body(joined);
}

/** What joins string literals in code: `+` (JS, Java, C#, Go), `.` (PHP), `&` (VB), adjacency (Python, C), line ends. */
const JOIN = /^(?:\s|[+.&,\\@]|Environment\.NewLine|System\.lineSeparator\(\)|vbCrLf|vbNewLine|PHP_EOL|os\.EOL)*$/;

/**
 * A key split across string concatenation (`"-----BEGIN ...\n" + "MIIE..." + ...`): the block begins and ends inside
 * a literal, so splitting it at the quote leaves literals at even places and the code between them at odd places. The
 * literals joined, when everything between them only joins strings; undefined otherwise.
 */
function joinedLiterals(inner: string): string | undefined {
  const quote = /["'`]/.exec(inner)?.[0];
  if (quote === undefined) return undefined;
  const pieces = inner.split(quote);
  if (pieces.length < 3 || pieces.length % 2 === 0) return undefined;
  const literals = pieces.filter((_, index) => index % 2 === 0);
  const joins = pieces.filter((_, index) => index % 2 === 1);
  return joins.every((join) => JOIN.test(join)) ? literals.join('\n') : undefined;
}

function isBase64Body(inner: string): boolean {
  const body = inner
    .replace(/\\n|\\r/g, '\n')
    .split(/\r?\n/)
    // RFC 1421/4880 armor: header lines (`Proc-Type: ...`) and the `=XXXX` CRC line are not body.
    .filter((line) => !/^[A-Za-z-]+:\s/.test(line.trim()) && !/^=[A-Za-z0-9+/]{4}$/.test(line.trim()))
    .join('')
    .replace(/\s+/g, '');
  return body.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(body);
}

/** PuTTY private lines: base64 only. */
export function isBase64Block(value: string): boolean {
  const body = value.replace(/\s+/g, '');
  return body.length >= 40 && /^[A-Za-z0-9+/]+={0,2}$/.test(body);
}

/** `"auth": "base64(user:password)"` in docker config.json. */
export function isBasicAuthPair(value: string, options: { multilinePassword?: boolean } = {}): boolean {
  try {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    // A registry's `_json_key` password is a whole service-account key, newlines included.
    const printable = (char: string) => char.charCodeAt(0) >= 0x20 || (options.multilinePassword === true && /[\t\n\r]/.test(char));
    return colon > 0 && colon < decoded.length - 1 && [...decoded].every(printable);
  } catch {
    return false;
  }
}
