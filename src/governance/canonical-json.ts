import { createHash } from 'node:crypto';

/** Lone UTF-16 surrogates replaced by U+FFFD, as jq reads them: JSON files Keyward writes hold only real text. */
export function wellFormed(value: string): string {
  return value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A string as jq prints it: JSON.stringify's escapes, plus DEL as `\u007f`. */
function jqString(value: string): string {
  return JSON.stringify(wellFormed(value)).replace(/\x7f/g, '\\u007f');
}

/** Code point order (UTF-8 byte order), as jq sorts keys; JavaScript's default compares UTF-16 code units. */
function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Canonical JSON: object keys sorted by code point at every level, no whitespace, `undefined` members dropped, strings
 * escaped as jq escapes them. The same bytes as `jq -cjS .` prints for every file Keyward writes (integers, and any
 * text: control characters, DEL, non-ASCII), so an auditor can recompute a checksum without Keyward.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return jqString(value);
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonical JSON cannot hold ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort(byCodePoint);
  return `{${keys.map((key) => `${jqString(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
