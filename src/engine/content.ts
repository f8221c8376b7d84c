/** Git's own heuristic: a NUL byte in the first 8000 bytes means binary. */
export function looksBinary(content: Uint8Array): boolean {
  // indexOf on a Buffer is memchr: ten times the speed of a JS loop over the same 8000 bytes.
  const head = Buffer.from(content.buffer, content.byteOffset, Math.min(content.length, 8000));
  return head.indexOf(0) !== -1;
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

  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low]! + 1 };
  }

  /** The text of the line holding `offset`, cut to at most `max` bytes around it. */
  lineAround(offset: number, max = 4096): string {
    const bounds = lineBounds(this.content, offset, offset, max);
    return this.content.toString('latin1', bounds.start, bounds.end);
  }
}

/**
 * The line holding [from, to), searching at most `max` bytes either way so that a 50 MB single-line file costs no more
 * per hit than a short line does.
 */
export function lineBounds(content: Buffer, from: number, to: number, max: number): { start: number; end: number } {
  const lowest = Math.max(0, from - max);
  const before = content.subarray(lowest, from).lastIndexOf(10);
  const highest = Math.min(content.length, to + max);
  const after = content.subarray(to, highest).indexOf(10);
  return { start: before === -1 ? lowest : lowest + before + 1, end: after === -1 ? highest : to + after };
}
