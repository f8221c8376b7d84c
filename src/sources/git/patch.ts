import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { AddedLines, PieceBuffer } from './added-lines.js';
import { unquotePath } from './run.js';

/**
 * Header line that starts each commit in our `git log` format: \x01 sha \0 author \0 email \0 date. No subject: a
 * commit message can hold a secret, so it is scanned (messages.ts) and never copied into a report.
 */
export const COMMIT_FORMAT = '--format=%x01%H%x00%an%x00%ae%x00%aI';

/**
 * Patch options for diff, push and staged modes (run.ts adds --text, --no-textconv and --no-ext-diff to every diff).
 * One line of context: a rotated private key changes only the body lines, and the unchanged BEGIN/END lines around
 * them are needed to recognise it. No rename or copy detection: a renamed or copied file shows as added whole at its
 * destination and is scanned whole there, attributed to the commit that did it (a rename out of an ignored path
 * must not carry its content in unseen). Merges are shown as a dense combined diff: only the lines that differ from
 * every parent (conflict resolutions, "evil" merges), so a merge never re-reports what a parent already had.
 * Prefixes are fixed because users may set diff.noprefix or diff.mnemonicPrefix.
 */
export const PATCH_ARGS = ['-p', '--unified=1', '--no-color', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/'];
export const LOG_PATCH_ARGS = [...PATCH_ARGS, '--diff-merges=dense-combined'];

export function parseCommitHeader(line: Buffer): CommitRef {
  const [sha = '', author = '', email = '', date = ''] = line.subarray(1).toString('utf8').split('\0');
  return { sha, author, email, date };
}

const HUNK = /^@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @+/;
/** Files listed by name in a notice before the rest are only counted. */
const MAX_LISTED = 20;
/** Per-file notices (each with its path and commit) before the rest are summed up in one. */
const MAX_FILE_NOTICES = 200;

/**
 * Consumes `git log -p` (or `git diff`) output line by line and scans the added lines of each file of each commit as
 * they stream past (see AddedLines). Findings are reported once per secret and path, at the first commit (oldest
 * first) that added them.
 */
export class PatchScanner {
  readonly findings: Finding[] = [];
  readonly notices: ScanNotice[] = [];
  commits = 0;
  readonly commitShas = new Set<string>();
  bytes = 0;
  files = 0;
  private commit?: CommitRef;
  private file?: AddedLines;
  private nextLine = 0;
  /** Prefix columns of hunk lines: 1 for a plain diff, one per parent for a combined (merge) diff. */
  private columns = 1;
  private inHunk = false;
  private submoduleHeader = false;
  private readonly seen = new Set<string>();
  private binary = 0;
  private submodules = 0;
  private lfs = 0;
  private readonly tooLarge: string[] = [];
  private readonly piece = new PieceBuffer();
  private fileNotices = 0;
  private fileNoticesDropped = 0;

  constructor(private readonly scanner: Scanner, private readonly maxBlobSize = 25 * 1024 * 1024) {}

  /** One line of git's output; `length` is its full length when the reader cut it (a line over the cap). */
  line(raw: Buffer, length = raw.length): void {
    if (this.inHunk) {
      const first = raw[0];
      if (first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x20 /* space */) {
        this.hunkLine(raw, length);
        return;
      }
      if (first === 0x5c /* \ No newline at end of file */) return;
      this.inHunk = false;
    }
    this.headerLine(raw);
  }

  private headerLine(raw: Buffer): void {
    const first = raw[0];
    if (first === 0x01) {
      this.flushFile();
      this.commit = parseCommitHeader(raw);
      this.commits += 1;
      this.commitShas.add(this.commit.sha);
      return;
    }
    if (first === 0x40 /* @ */ && raw[1] === 0x40) {
      const header = raw.subarray(0, 200).toString('latin1');
      const match = HUNK.exec(header);
      if (match && this.file) {
        this.nextLine = Number(match[1]);
        this.columns = Math.max(1, /^@+/.exec(header)![0].length - 1);
        this.inHunk = true;
      }
      return;
    }
    if (first === 0x2b && raw[1] === 0x2b && raw[2] === 0x2b && raw[3] === 0x20) {
      this.startFile(raw.subarray(4));
      return;
    }
    if (first === 0x64 /* d */ && raw.subarray(0, 5).toString('latin1') === 'diff ') {
      this.flushFile();
      this.submoduleHeader = false;
      return;
    }
    const text = raw.subarray(0, 40).toString('latin1');
    if (/^(?:new file mode|new mode|index \S+) 160000$/.test(text.trimEnd()) || /^index \S+ 160000/.test(text)) this.submoduleHeader = true;
  }

  private hunkLine(raw: Buffer, length: number): void {
    const columns = this.columns;
    let added = true;
    for (let i = 0; i < columns; i++) {
      const mark = raw[i];
      if (mark === 0x2d) return; // removed relative to some parent: not in the result
      if (mark !== 0x2b) added = false;
    }
    const number = this.nextLine++;
    // In a combined diff a line counts as added only when it is new relative to every parent; other lines of the
    // result are context, scanned so that a match may span them but never reported on their own.
    this.file?.line(number, raw.subarray(columns), added, length - columns);
  }

  private startFile(target: Buffer): void {
    this.flushFile();
    let end = target.length;
    if (target[end - 1] === 0x09) end -= 1; // git appends a tab to names containing a space
    const name = target.subarray(0, end);
    if (name.toString('latin1') === '/dev/null') return;
    if (this.submoduleHeader) {
      this.submodules += 1;
      return;
    }
    const unquoted = unquotePath(name);
    const path = unquoted.startsWith('b/') ? unquoted.slice(2) : unquoted;
    this.files += 1;
    if (this.scanner.isPathIgnored(path)) return;
    this.file = new AddedLines(path, this.scanner, this.maxBlobSize, this.piece, {
      finding: (finding) => this.report(finding),
      notice: (notice) => this.fileNotice({ ...notice, ...(this.commit ? { commit: this.commit.sha } : {}) }),
    });
  }

  private report(finding: Finding, commit = this.commit): void {
    const key = `${finding.fingerprint}\0${finding.path}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(commit ? { ...finding, commit } : finding);
  }

  /**
   * The stream broke off (git died at a missing object): scans what the open file had, and leaves the scanner ready
   * for a stream that goes on with the next commit.
   */
  cut(): void {
    this.flushFile();
  }

  /** Findings of `commit` found another way (its blobs scanned whole), reported once per secret and path like the rest. */
  addScanned(commit: CommitRef, findings: readonly Finding[], bytes: number): void {
    if (!this.commitShas.has(commit.sha)) {
      this.commitShas.add(commit.sha);
      this.commits += 1;
    }
    this.bytes += bytes;
    for (const finding of findings) this.report(finding, commit);
  }

  private fileNotice(notice: ScanNotice): void {
    if (this.fileNotices++ < MAX_FILE_NOTICES) this.notices.push(notice);
    else this.fileNoticesDropped += 1;
  }

  private flushFile(): void {
    const file = this.file;
    this.file = undefined;
    this.inHunk = false;
    if (!file) return;
    const outcome = file.finish();
    this.bytes += outcome.scannedBytes;
    if (outcome.binary) this.binary += 1;
    if (outcome.lfs) this.lfs += 1;
    if (outcome.unscannedBytes > 0) {
      const where = `${file.path}${this.commit ? ` at ${this.commit.sha.slice(0, 12)}` : ''}`;
      this.tooLarge.push(where);
      this.fileNotice({
        kind: 'too-large',
        path: file.path,
        ...(this.commit ? { commit: this.commit.sha } : {}),
        unscanned: true,
        message: `${where}: ${outcome.unscannedBytes} bytes of added lines past the ${this.maxBlobSize}-byte limit were not scanned (the first ${outcome.scannedBytes} were)`,
      });
    }
  }

  /** Ends the stream: scans the last file and turns the counts into notices. */
  finish(): void {
    this.flushFile();
    if (this.binary > 0) this.notices.push({ kind: 'binary', message: `${this.binary} binary file change(s) scanned for provider key formats only` });
    if (this.submodules > 0) this.notices.push({ kind: 'submodule', message: `${this.submodules} submodule change(s) skipped: a submodule is a separate repository; scan it on its own` });
    if (this.lfs > 0) this.notices.push({ kind: 'lfs-pointer', message: `${this.lfs} Git LFS pointer(s) not scanned: their content lives in LFS storage, not in git` });
    if (this.fileNoticesDropped > 0) {
      const listed = this.tooLarge.slice(0, MAX_LISTED).join(', ') + (this.tooLarge.length > MAX_LISTED ? `, and ${this.tooLarge.length - MAX_LISTED} more` : '');
      this.notices.push({ kind: 'other', unscanned: true, message: `${this.fileNoticesDropped} more file notice(s) not listed one by one; over the ${this.maxBlobSize}-byte limit in all: ${listed}` });
    }
  }
}
