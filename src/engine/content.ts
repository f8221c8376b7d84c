/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(content: Uint8Array): boolean {
  // indexOf on a Buffer is memchr: ten times the speed of a JS loop over the same 8000 bytes.
  const head = Buffer.from(content.buffer, content.byteOffset, Math.min(content.length, 8000));
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
