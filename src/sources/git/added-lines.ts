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
  private texts: Buffer[] = [];
  /** Per line of the piece: its number in the new file, or NOT_IN_FILE for a gap marker. */
  private numbers: number[] = [];
  private added: boolean[] = [];
  private pieceBytes = 0;
  private pieceHasAdded = false;
  private previous = -2;
  private noticed = false;
  private readonly outcome: FileOutcome = { binary: false, lfs: false, unscannedBytes: 0, scannedBytes: 0 };
  addedLines = 0;

  constructor(readonly path: string, private readonly scanner: Scanner, private readonly maxBytes: number, private readonly sink: AddedLinesSink) {}

  /** One hunk line: `number` in the new file, `added` unless context; `length` is its full length when it was cut. */
  line(number: number, text: Buffer, added: boolean, length = text.length): void {
    if (added) this.addedLines += 1;
    const gap = this.numbers.length > 0 && number !== this.previous + 1;
    this.previous = number;
    const size = length + 1 + (gap ? GAP.length + 1 : 0);
    if (length > text.length || this.outcome.scannedBytes + size > this.maxBytes) {
      if (added) this.outcome.unscannedBytes += length + 1;
      return;
    }
    this.outcome.scannedBytes += size;
    if (gap) this.push(GAP, NOT_IN_FILE, false);
    this.push(text, number, added);
    if (this.pieceBytes >= CHUNK_BYTES) this.scanPiece(true);
  }

  /** Scans what is left and returns the counts. */
  finish(): FileOutcome {
    this.scanPiece(false);
    return this.outcome;
  }

  private push(text: Buffer, number: number, added: boolean): void {
    this.texts.push(text);
    this.numbers.push(number);
    this.added.push(added);
    this.pieceBytes += text.length + 1;
    if (added) this.pieceHasAdded = true;
  }

  private content(): Buffer {
    const content = Buffer.allocUnsafe(this.pieceBytes);
    let at = 0;
    for (const text of this.texts) {
      at += text.copy(content, at);
      content[at++] = 10;
    }
    return content;
  }

  private scanPiece(more: boolean): void {
    if (this.pieceHasAdded) {
      const result = this.scanner.scanBuffer(this.content(), this.path);
      if (result.skipped === 'binary') this.outcome.binary = true;
      if (result.skipped === 'lfs-pointer') this.outcome.lfs = true;
      // One file, one notice of each: a later piece of the same file says nothing new.
      if (!this.noticed) for (const notice of result.notices) this.sink.notice(notice);
      this.noticed ||= result.notices.length > 0;
      for (const finding of result.findings) this.place(finding);
    }
    if (more) this.keepOverlap();
    else this.texts = [];
  }

  private place(finding: Finding): void {
    if (!this.added.slice(finding.line - 1, finding.endLine).includes(true)) return; // wholly in context lines
    const line = this.numbers[finding.line - 1] ?? finding.line;
    const endLine = this.numbers[finding.endLine - 1] ?? line;
    this.sink.finding({ ...finding, line, endLine: endLine < 0 ? line : endLine });
  }

  /** Starts the next piece with the last lines of this one; a match they hold is found again and dropped as seen. */
  private keepOverlap(): void {
    let keep = 0;
    let bytes = 0;
    for (let i = this.texts.length - 1; i >= 0 && bytes + this.texts[i]!.length + 1 <= OVERLAP_BYTES; i--) {
      bytes += this.texts[i]!.length + 1;
      keep += 1;
    }
    const from = this.texts.length - keep;
    this.texts = this.texts.slice(from);
    this.numbers = this.numbers.slice(from);
    this.added = this.added.slice(from);
    this.pieceBytes = bytes;
    this.pieceHasAdded = false;
  }
}
