import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';

/** Added lines are scanned in pieces of about this size, so memory follows the piece, not the patch. */
const CHUNK_BYTES = 1 << 20;
/**
 * The last lines of a piece are scanned again at the start of the next one, so a match that spans the cut (a PEM
 * block) is seen whole: more than the widest multi-line window of any rule (24 KB).
 */
const OVERLAP_BYTES = 32 * 1024;
/**
 * Stands between lines that are apart in the file: a line holding one NUL. It keeps them from forming one match, and
 * with its newline it is two bytes, so UTF-16 text around it keeps its byte pairing (content.ts decodes line by line).
 */
const GAP = Buffer.from([0]);
const NOT_IN_FILE = -1;

/**
 * The bytes and line facts of the piece being collected, in flat buffers reused from file to file: a patch of five
 * million short lines makes no object per line, so the heap stays the size of one piece.
 */
export class PieceBuffer {
  bytes: Buffer = Buffer.allocUnsafeSlow(64 * 1024);
  used = 0;
  /** Per line: where it ends in `bytes` (after its newline), its number in the new file, and whether it was added. */
  ends = new Int32Array(4096);
  numbers = new Int32Array(4096);
  added = new Uint8Array(4096);
  lines = 0;

  append(text: Buffer, number: number, added: boolean): void {
    const size = text.length + 1;
    if (this.used + size > this.bytes.length) this.bytes = grown(this.bytes, this.used, this.used + size);
    if (this.lines === this.ends.length) {
      this.ends = growArray(this.ends);
      this.numbers = growArray(this.numbers);
      this.added = growArray(this.added);
    }
    text.copy(this.bytes, this.used);
    this.used += size;
    this.bytes[this.used - 1] = 10;
    this.ends[this.lines] = this.used;
    this.numbers[this.lines] = number;
    this.added[this.lines] = added ? 1 : 0;
    this.lines += 1;
  }

  /** Keeps lines [from, lines) and moves them to the front. */
  keepFrom(from: number): void {
    const offset = from === 0 ? 0 : this.ends[from - 1]!;
    this.bytes.copyWithin(0, offset, this.used);
    this.used -= offset;
    for (let i = from; i < this.lines; i++) this.ends[i] = this.ends[i]! - offset;
    this.ends.copyWithin(0, from, this.lines);
    this.numbers.copyWithin(0, from, this.lines);
    this.added.copyWithin(0, from, this.lines);
    this.lines -= from;
  }

  clear(): void {
    this.used = 0;
    this.lines = 0;
    // A piece that grew for one very long line does not keep its size for every file after it.
    if (this.bytes.length > 4 * CHUNK_BYTES) this.bytes = Buffer.allocUnsafeSlow(64 * 1024);
  }
}

function grown(bytes: Buffer, used: number, needed: number): Buffer {
  const next = Buffer.allocUnsafeSlow(Math.max(needed, bytes.length * 2));
  bytes.copy(next, 0, 0, used);
  return next;
}

function growArray<T extends Int32Array | Uint8Array>(array: T): T {
  const next = new (array.constructor as new (length: number) => T)(array.length * 2);
  next.set(array);
  return next;
}

/** What one file change came to, for the caller's counts. */
export interface FileOutcome {
  binary: boolean;
  lfs: boolean;
  /** Bytes of lines past the cap: counted, never kept, not scanned. */
  unscannedBytes: number;
  /** Bytes of lines scanned (each counted once, however many pieces it was in). */
  scannedBytes: number;
}

export interface AddedLinesSink {
  finding(finding: Finding): void;
  notice(notice: ScanNotice): void;
}

/**
 * The added lines (with their context lines) of one file change, scanned in bounded pieces as they arrive. Lines
 * past `maxBytes` are counted and dropped: a change over the cap costs its first `maxBytes` bytes, never all of it.
 */
export class AddedLines {
  private pieceHasAdded = false;
  private previous = -2;
  private noticed = false;
  private readonly outcome: FileOutcome = { binary: false, lfs: false, unscannedBytes: 0, scannedBytes: 0 };

  constructor(readonly path: string, private readonly scanner: Scanner, private readonly maxBytes: number, private readonly piece: PieceBuffer, private readonly sink: AddedLinesSink) {
    piece.clear();
  }

  /** One hunk line: `number` in the new file, `added` unless context; `length` is its full length when it was cut. */
  line(number: number, text: Buffer, added: boolean, length = text.length): void {
    const gap = this.piece.lines > 0 && number !== this.previous + 1;
    this.previous = number;
    const size = length + 1 + (gap ? GAP.length + 1 : 0);
    if (length > text.length || this.outcome.scannedBytes + size > this.maxBytes) {
      if (added) this.outcome.unscannedBytes += length + 1;
      return;
    }
    this.outcome.scannedBytes += size;
    if (gap) this.piece.append(GAP, NOT_IN_FILE, false);
    this.piece.append(text, number, added);
    if (added) this.pieceHasAdded = true;
    if (this.piece.used >= CHUNK_BYTES) this.scanPiece(true);
  }

  /** Scans what is left and returns the counts. */
  finish(): FileOutcome {
    this.scanPiece(false);
    return this.outcome;
  }

  private scanPiece(more: boolean): void {
    const piece = this.piece;
    if (this.pieceHasAdded) {
      const result = this.scanner.scanBuffer(piece.bytes.subarray(0, piece.used), this.path);
      if (result.skipped === 'binary') this.outcome.binary = true;
      if (result.skipped === 'lfs-pointer') this.outcome.lfs = true;
      // One file, one notice of each: a later piece of the same file says nothing new.
      if (!this.noticed) for (const notice of result.notices) this.sink.notice(notice);
      this.noticed ||= result.notices.length > 0;
      for (const finding of result.findings) this.place(finding);
    }
    this.pieceHasAdded = false;
    if (more) this.keepOverlap();
    else piece.clear();
  }

  private place(finding: Finding): void {
    const { added, numbers } = this.piece;
    let addedInSpan = false;
    for (let i = finding.line - 1; i < finding.endLine && !addedInSpan; i++) addedInSpan = added[i] === 1;
    if (!addedInSpan) return; // wholly in context lines
    const line = numbers[finding.line - 1] ?? finding.line;
    const endLine = numbers[finding.endLine - 1] ?? line;
    this.sink.finding({ ...finding, line, endLine: endLine < 0 ? line : endLine });
  }

  /** Starts the next piece with the last lines of this one; a match they hold is found again and dropped as seen. */
  private keepOverlap(): void {
    const { ends, lines, used } = this.piece;
    let from = lines;
    while (from > 0 && used - (from > 1 ? ends[from - 2]! : 0) <= OVERLAP_BYTES) from -= 1;
    this.piece.keepFrom(from);
  }
}
