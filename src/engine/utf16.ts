import type { Finding } from './finding.js';

export type Utf16Order = 'le' | 'be';

/** UTF-16 text decoded to UTF-8 for scanning, with what is needed to map positions back to the original bytes. */
export interface DecodedUtf16 {
  text: Buffer;
  /** Per line: the original bytes before the line's first code unit (a BOM, the odd byte of the previous newline). */
  lead: Uint8Array;
  /** Byte offsets in `text` where each line starts. */
  starts: number[];
}

/** A BOM (FF FE little-endian, FE FF big-endian) at the start, or nothing. */
export function utf16Bom(content: Buffer): Utf16Order | undefined {
  if (content.length < 2) return undefined;
  if (content[0] === 0xff && content[1] === 0xfe) return 'le';
  if (content[0] === 0xfe && content[1] === 0xff) return 'be';
  return undefined;
}

/**
 * The alternating-NUL shape of mostly-ASCII UTF-16: NUL in many of every other byte (`minShare` of the pairs; less is
 * asked when a BOM already says UTF-16) and almost never in the others. Odd positions mean little-endian. A patch's added lines, or text cut at a line start, may begin on the
 * odd byte of a newline; that reads as the other byte order, and the per-line decoding below handles either.
 */
export function utf16Pattern(sample: Buffer, minShare = 0.3): Utf16Order | undefined {
  const pairs = sample.length >> 1;
  if (pairs < 2) return undefined;
  // Per byte order: pairs whose high byte is NUL and whose low byte is a printable or whitespace character, and
  // pairs whose low byte is NUL (which UTF-16 text almost never has).
  let leText = 0;
  let beText = 0;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const even = sample[i]!;
    const odd = sample[i + 1]!;
    if (even === 0) evenZeros++;
    if (odd === 0) oddZeros++;
    if (odd === 0 && textByte(even)) leText++;
    if (even === 0 && textByte(odd)) beText++;
  }
  if (leText >= pairs * minShare && evenZeros <= pairs * 0.02) return 'le';
  if (beText >= pairs * minShare && oddZeros <= pairs * 0.02) return 'be';
  return undefined;
}

const textByte = (byte: number) => byte >= 0x20 || byte === 9 || byte === 10 || byte === 13;

/**
 * Decodes line by line, splitting where git does (at every 0x0A byte), so line numbers stay git's. In little-endian
 * text the byte after a newline's 0x0A is that newline's 0x00: a line of odd length starting with 0x00 drops it (in
 * big-endian text, one ending with 0x00 drops that). Each line decodes on its own, so a patch's gaps or a cut in the
 * middle of a file never shift the byte pairing of the lines after it.
 */
export function decodeUtf16(content: Buffer, order: Utf16Order): DecodedUtf16 {
  const lines: string[] = [];
  const leads: number[] = [];
  let start = 0;
  for (;;) {
    const newline = content.indexOf(10, start);
    const end = newline === -1 ? content.length : newline;
    let from = start;
    let to = end;
    let lead = 0;
    if (start === 0 && utf16Bom(content) === order) {
      from += 2;
      lead = 2;
    }
    if ((to - from) % 2 === 1) {
      if (order === 'le' && content[from] === 0) {
        from += 1;
        lead += 1;
      } else to -= 1;
    }
    lines.push(decodeUnits(content.subarray(from, to), order));
    leads.push(lead);
    if (newline === -1) break;
    start = newline + 1;
  }
  const text = Buffer.from(lines.join('\n'), 'utf8');
  const starts = [0];
  for (let at = text.indexOf(10); at !== -1; at = text.indexOf(10, at + 1)) starts.push(at + 1);
  return { text, lead: Uint8Array.from(leads), starts };
}

function decodeUnits(units: Buffer, order: Utf16Order): string {
  if (order === 'le') return units.toString('utf16le');
  const swapped = Buffer.from(units);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** A decoded line and UTF-8 column back to the original file's byte column: two bytes per UTF-16 code unit. */
function originalColumn(decoded: DecodedUtf16, line: number, column: number): number {
  const start = decoded.starts[line - 1] ?? 0;
  const units = decoded.text.toString('utf8', start, start + column - 1).length;
  return (decoded.lead[line - 1] ?? 0) + 2 * units + 1;
}

/**
 * A finding made on the decoded text, placed on the original bytes: lines are the same, byte columns count the file's
 * two bytes per code unit, and the UTF-16 columns are the decoded text's (the file's own code units).
 */
export function mapUtf16Finding(finding: Finding, decoded: DecodedUtf16): Finding {
  return {
    ...finding,
    column: originalColumn(decoded, finding.line, finding.column),
    endColumn: originalColumn(decoded, finding.endLine, finding.endColumn),
    utf16Column: finding.utf16Column ?? finding.column,
    utf16EndColumn: finding.utf16EndColumn ?? finding.endColumn,
  };
}
