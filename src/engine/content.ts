import { storeVerdict } from '../rules/stores/formats.js';
import type { FileSyntax } from '../rules/types.js';
import type { Finding, ScanNotice } from './finding.js';
import type { ScanResult } from './types.js';
import { decodeUtf16, mapUtf16Finding, utf16Bom, utf16Pattern, type DecodedUtf16, type Utf16Order } from './utf16.js';

/** How much of the start git (and Keyward's first look) reads to judge content. */
const HEAD = 8000;

/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. Keyward uses it only as a first look. */
export function looksBinary(content: Uint8Array): boolean {
  // indexOf on a Buffer is memchr: ten times the speed of a JS loop over the same 8000 bytes.
  const head = Buffer.from(content.buffer, content.byteOffset, Math.min(content.length, HEAD));
  return head.indexOf(0) !== -1;
}

/**
 * The 1-based UTF-16 column of a byte offset, given the byte offset its line starts at: what GitHub's annotations and
 * SARIF's `utf16CodeUnits` count. The one conversion from Keyward's byte columns; equal to them on ASCII lines.
 */
export function utf16Column(content: Buffer, lineStart: number, offset: number): number {
  let ascii = true;
  for (let i = lineStart; i < offset && ascii; i++) ascii = content[i]! < 0x80;
  return ascii ? offset - lineStart + 1 : content.toString('utf8', lineStart, offset).length + 1;
}

/**
 * What a piece of content is, decided in this one place for every source (tree, blobs, patches): text to scan (decoded
 * from UTF-16 when it is UTF-16), a Git LFS pointer of exactly the pointer shape, a binary file, or over the size cap.
 * A NUL byte alone does not make content binary: text that holds a few is scanned.
 */
export type ContentClass =
  | { kind: 'text'; text: Buffer; utf16?: DecodedUtf16 }
  | { kind: 'lfs-pointer' }
  | { kind: 'binary'; notice?: ScanNotice }
  | { kind: 'too-large'; notice: ScanNotice };

export function classifyContent(content: Buffer, path: string, maxSize: number): ContentClass {
  if (content.length > maxSize) {
    return { kind: 'too-large', notice: { kind: 'too-large', path, unscanned: true, message: `${path}: ${content.length} bytes is over the ${maxSize}-byte limit (maxFileSize); not scanned` } };
  }
  const head = content.subarray(0, HEAD - (Math.min(content.length, HEAD) % 2));
  // A BOM alone proves little (FF FE may open any bytes); with it, a few NULs in the right places make it UTF-16. UTF-16
  // without a single NUL has no ASCII character, so no secret to find: it is scanned as it is.
  const bom = utf16Bom(content);
  if (bom && utf16Pattern(head.subarray(2), 0.05) === bom) return utf16Text(content, bom);
  if (!looksBinary(content)) return isLfsPointer(content) ? { kind: 'lfs-pointer' } : { kind: 'text', text: content };
  const order = utf16Pattern(head);
  if (order) return utf16Text(content, order);
  if (mostlyText(content)) return { kind: 'text', text: content };
  const store = credentialStore(content, path);
  if (store) {
    return { kind: 'binary', notice: { kind: 'binary', path, unscanned: true, message: `${path}: ${/^an? /.test(store) ? store : `a binary ${store}`}, which can hold keys Keyward cannot read; not scanned (review it, or keep it out of the repository)` } };
  }
  return { kind: 'binary' };
}

function utf16Text(content: Buffer, order: Utf16Order): ContentClass {
  const decoded = decodeUtf16(content, order);
  return { kind: 'text', text: decoded.text, utf16: decoded };
}

/**
 * Classifies, scans what is text with `scanText`, and maps findings on decoded UTF-16 back to the original bytes.
 * Binaries are scanned for provider keys only and come back as `skipped: 'binary'` (the sources count them in one
 * notice); binaries of credential-store types and content over the cap come back with their own `unscanned` notice.
 */
export function scanClassified(content: Buffer, path: string, maxSize: number, scanText: (text: Buffer, providerRulesOnly?: boolean) => Finding[]): ScanResult {
  const kind = classifyContent(content, path, maxSize);
  if (kind.kind === 'binary') {
    // A key in plain bytes inside binary noise (or text wrapped in it to look binary) is still a key: binaries are
    // scanned with the provider rules, whose shapes do not occur by chance; generic rules would report noise.
    return { findings: scanText(content, true), notices: kind.notice ? [kind.notice] : [], skipped: 'binary' };
  }
  if (kind.kind !== 'text') return { findings: [], notices: 'notice' in kind && kind.notice ? [kind.notice] : [], skipped: kind.kind };
  const findings = scanText(kind.text);
  const { utf16 } = kind;
  return { findings: utf16 ? findings.map((finding) => mapUtf16Finding(finding, utf16)) : findings, notices: [] };
}

/**
 * A Git LFS pointer is exactly: the version line, optional extension lines, `oid sha256:<64 hex>`, `size <n>`, each
 * ending in a newline, in well under 1 KB (the spec's limit for a pointer). Anything else that merely starts with the
 * version line is a file like any other, and is scanned.
 */
const LFS_SHAPE = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:ext-\d-[a-z0-9.-]+ sha256:[0-9a-f]{64}\n)*oid sha256:[0-9a-f]{64}\nsize (?:0|[1-9]\d{0,18})\n$/;
const LFS_START = Buffer.from('version https://git-lfs.github.com/spec/v1\n');

export function isLfsPointer(content: Buffer): boolean {
  if (content.length > 1024 || content.length < LFS_START.length) return false;
  if (!content.subarray(0, LFS_START.length).equals(LFS_START)) return false;
  return LFS_SHAPE.test(content.toString('latin1'));
}

/** Bytes sampled to judge content that holds NUL: the head, and windows spread over the rest. */
function samples(content: Buffer): Buffer[] {
  const parts = [content.subarray(0, HEAD)];
  const window = 4096;
  const rest = content.length - HEAD;
  if (rest <= 0) return parts;
  const count = Math.min(6, Math.ceil(rest / window));
  for (let i = 0; i < count; i++) {
    const at = HEAD + Math.floor((rest - window) * ((i + 1) / (count + 1)));
    parts.push(content.subarray(Math.max(HEAD, at), Math.max(HEAD, at) + window));
  }
  return parts;
}

/**
 * True when content that holds NUL bytes is still text: few control bytes and little that is not valid UTF-8. Binary
 * formats (compressed images, archives, executables) are full of both; a text file with a stray NUL is not.
 */
function mostlyText(content: Buffer): boolean {
  let total = 0;
  let odd = 0;
  for (const part of samples(content)) {
    total += part.length;
    odd += oddBytes(part);
  }
  return total > 0 && odd / total < 0.3;
}

/** Control bytes other than whitespace and ESC, DEL, and bytes of invalid UTF-8 sequences. */
function oddBytes(part: Buffer): number {
  let odd = 0;
  for (let i = 0; i < part.length; i++) {
    const byte = part[i]!;
    if (byte < 0x80) {
      if ((byte < 0x20 && !(byte >= 9 && byte <= 13) && byte !== 0x1b) || byte === 0x7f) odd++;
      continue;
    }
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 && byte <= 0xdf ? 2 : 0;
    let valid = length > 0 && i + length <= part.length;
    for (let k = 1; valid && k < length; k++) valid = (part[i + k]! & 0xc0) === 0x80;
    if (valid && length > 0) i += length - 1;
    else odd++;
  }
  return odd;
}

/** File types that store keys in binary form; by extension, or by the magic number of the format. */
const STORE_EXTENSIONS: Record<string, string> = {
  p12: 'PKCS#12 keystore', pfx: 'PKCS#12 keystore', jks: 'Java keystore', jceks: 'Java keystore', bks: 'Bouncy Castle keystore',
  keystore: 'keystore', kdbx: 'KeePass database', kdb: 'KeePass database', der: 'DER key or certificate', key: 'binary key file',
  pvk: 'Windows private key', snk: '.NET strong-name key', gpg: 'GnuPG keyring', pgp: 'PGP keyring', kbx: 'GnuPG keybox',
  keychain: 'macOS keychain', 'keychain-db': 'macOS keychain',
};
/** Formats the store rules do not read (src/rules/stores/formats.ts reads the others). */
const STORE_MAGIC: [bytes: number[], offset: number, name: string][] = [
  [[0x1e, 0xf1, 0xb5, 0xb0], 0, 'Windows private key'],
  [[0x4b, 0x42, 0x58, 0x66], 8, 'GnuPG keybox'],
  [[0x6b, 0x79, 0x63, 0x68], 0, 'macOS keychain'],
];

/**
 * What kind of credential store a binary is, for the not-scanned notice: by its bytes (a truststore of certificates
 * only is none), else by its extension. Stores whose bytes show secrets are also a store rule's finding.
 */
function credentialStore(content: Buffer, path: string): string | undefined {
  const verdict = storeVerdict(content);
  if (verdict) return verdict.holds === 'public' ? undefined : verdict.reason;
  for (const [bytes, offset, name] of STORE_MAGIC) {
    if (bytes.every((byte, i) => content[offset + i] === byte)) return name;
  }
  const dot = path.lastIndexOf('.');
  return dot === -1 || path.indexOf('/', dot) !== -1 ? undefined : STORE_EXTENSIONS[path.slice(dot + 1).toLowerCase()];
}

/** Programming languages by extension: where an unquoted right-hand side is an expression, not a value. */
const CODE_EXTENSIONS = new Set('js mjs cjs jsx ts mts cts tsx java kt kts scala groovy go rs c h cc cpp hpp cs swift m php rb py lua dart vue svelte'.split(' '));
/** Extensions that say the syntax is not code: config, data, markup, shell. */
const TEXT_EXTENSIONS = new Set('yaml yml json jsonc json5 env ini toml conf cfg cnf properties props xml plist md markdown rst adoc html htm sh bash zsh ksh fish ps1 psm1 bat cmd tf tfvars hcl sql csv tsv pem crt key pub gradle sbt'.split(' '));
/** Suffixes of copies and backups: `app.js.bak` is judged as `app.js`. */
const COPY_SUFFIXES = new Set('bak orig old tmp swp save backup dist sample example template tpl'.split(' '));

/**
 * The extension that names a path's syntax, lower-cased, past backup suffixes; '' for none: the piece after the last dot
 * of the file name, or, while that is a copy suffix and another dot comes before it, the piece before it. Asked once
 * per file, so it walks the dots instead of splitting the name.
 */
export function syntaxExtension(path: string): string {
  const nameStart = path.lastIndexOf('/') + 1;
  let end = path.length;
  let dot = end > nameStart ? path.lastIndexOf('.', end - 1) : -1;
  if (dot < nameStart) return '';
  for (;;) {
    const extension = path.slice(dot + 1, end).toLowerCase();
    const before = dot > nameStart ? path.lastIndexOf('.', dot - 1) : -1;
    if (before < nameStart || !COPY_SUFFIXES.has(extension)) return extension;
    end = dot;
    dot = before;
  }
}

/**
 * What a file is written in: by its extension when that names a language or a config format, else (`.txt`, none, a
 * backup, an unknown one) by what its content looks like, so JavaScript saved as `.txt` is judged as JavaScript.
 */
export function fileSyntax(path: string, content: Buffer): FileSyntax {
  const extension = syntaxExtension(path);
  if (CODE_EXTENSIONS.has(extension)) return 'code';
  if (TEXT_EXTENSIONS.has(extension)) return 'text';
  return looksLikeCode(content.toString('latin1', 0, Math.min(content.length, CODE_SAMPLE))) ? 'code' : 'text';
}

const CODE_SAMPLE = 16384;
/** An interpreter line of a programming language (shell scripts are judged as text: `export TOKEN=...` is an env line). */
const CODE_SHEBANG = /^#!\S*(?:\/|env\s+)(?:node|nodejs|deno|bun|ts-node|python[0-9.]*|ruby|perl|php|lua|groovy|kotlin)\b/;
/** Lines only code writes: statements and declarations by their keyword, and the ends of statements and blocks. */
const CODE_LINE = new RegExp(
  [
    String.raw`^(?:export\s+)?(?:(?:async\s+)?function\b|var\s|let\s|const\s|class\s|import\s|return\b|package\s|def\s|func\s|fn\s|namespace\s|using\s|#include\b|#define\b|module\.exports\b|require\(|(?:public|private|protected|static)\s)`,
    String.raw`^from\s+\S+\s+import\s`,
    String.raw`^(?:if|for|while|switch|catch|else\s+if)\s*\(`,
    String.raw`^(?:if|elif|else|for|while|try|except|with)\b.*:$`,
    String.raw`^(?:\}|\]\)|\)\s*[;,)]|<\?php\b)`,
    String.raw`(?:;|[)=]\s*\{|=>\s*\{?|\);?,?)$`,
  ].join('|'),
);

/**
 * True when a sample of text reads as a programming language: a code interpreter line, a third of the lines being
 * statements or block ends (config lines are `key: value` and `KEY=value`), or minified code on a few long lines.
 */
export function looksLikeCode(sample: string): boolean {
  if (CODE_SHEBANG.test(sample)) return true;
  let lines = 0;
  let code = 0;
  for (let start = 0; start <= sample.length; ) {
    const newline = sample.indexOf('\n', start);
    const end = newline === -1 ? sample.length : newline;
    const line = sample.slice(start, end).trim();
    start = end + 1;
    // Comments (`# ...`, `// ...`) are neither; C's preprocessor lines are code.
    if (line.length === 0 || COMMENT_LINE.test(line)) continue;
    lines++;
    if (CODE_LINE.test(line)) code++;
  }
  if (lines === 0) return false;
  if (lines <= 3 && sample.length > 2000) return (sample.match(/[;{}]/g)?.length ?? 0) > sample.length / 100 && /\bfunction\b|=>/.test(sample);
  return code >= 2 && code / lines >= 0.3;
}

const COMMENT_LINE = /^(?:#(?!include|define|if|endif)|\/\/)/;

/** Maps byte offsets to 1-based line and column; built lazily, only for content that has findings. */
export class LineIndex {
  private starts?: number[];
  constructor(private readonly content: Buffer) {}

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      for (let at = this.content.indexOf(10); at !== -1; at = this.content.indexOf(10, at + 1)) starts.push(at + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** Line, byte column and UTF-16 column of a byte offset. */
  position(offset: number): { line: number; column: number; utf16Column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    const start = starts[low]!;
    return { line: low + 1, column: offset - start + 1, utf16Column: utf16Column(this.content, start, offset) };
  }

  /** The bytes in [from, to) as latin1 text, clamped to the content. */
  text(from: number, to: number): string {
    return this.content.toString('latin1', Math.max(0, from), Math.min(this.content.length, Math.max(from, to)));
  }

  /** The text of the line holding `offset`, cut to at most `max` bytes around it. */
  lineAround(offset: number, max = 4096): string {
    const bounds = lineBounds(this.content, offset, offset, max);
    return this.content.toString('latin1', bounds.start, bounds.end);
  }
}

/** How far lineBounds looks for a newline byte by byte before handing the search to memchr. */
const NEAR = 256;

/**
 * The line holding [from, to), searching at most `max` bytes either way so that a 50 MB single-line file costs no more
 * per hit than a short line does. Most lines are short: the newlines are looked for byte by byte nearby first, and
 * only a long line pays for the (allocating) subarray searches. Called once per keyword hit, so it must not allocate.
 */
export function lineBounds(content: Buffer, from: number, to: number, max: number): { start: number; end: number } {
  const lowest = Math.max(0, from - max);
  const highest = Math.min(content.length, to + max);
  let start = from;
  const nearStart = Math.max(lowest, from - NEAR);
  while (start > nearStart && content[start - 1] !== 10) start--;
  if (start === nearStart && start > lowest && content[start - 1] !== 10) {
    const before = content.subarray(lowest, start).lastIndexOf(10);
    start = before === -1 ? lowest : lowest + before + 1;
  }
  let end = to;
  const nearEnd = Math.min(highest, to + NEAR);
  while (end < nearEnd && content[end] !== 10) end++;
  if (end === nearEnd && end < highest) {
    const after = content.subarray(end, highest).indexOf(10);
    end = after === -1 ? highest : end + after;
  }
  return { start, end };
}
