import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { unquotePath } from './run.js';

/** Header line that starts each commit in our `git log` format: \x01 sha \0 author \0 email \0 date \0 subject. */
export const COMMIT_FORMAT = '--format=%x01%H%x00%an%x00%ae%x00%aI%x00%s';

/**
 * Patch options for diff, push and staged modes. One line of context: a rotated private key changes only the body
 * lines, and the unchanged BEGIN/END lines around them are needed to recognise it. Merges are shown as a dense combined diff: only the lines that differ
 * from every parent (conflict resolutions, "evil" merges), so a merge never re-reports what a parent already had.
 * Prefixes are fixed because users may set diff.noprefix or diff.mnemonicPrefix.
 */
export const PATCH_ARGS = ['-p', '--unified=1', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '-C', '--src-prefix=a/', '--dst-prefix=b/'];
export const LOG_PATCH_ARGS = [...PATCH_ARGS, '--diff-merges=dense-combined'];

export function parseCommitHeader(line: Buffer): CommitRef {
  const [sha = '', author = '', email = '', date = '', summary = ''] = line.subarray(1).toString('utf8').split('\0');
  return { sha, author, email, date, summary };
}

interface AddedLines {
  path: string;
  lines: { number: number; text: Buffer; added: boolean }[];
  added: number;
}

const LFS_POINTER = 'version https://git-lfs.github.com/spec/v1';
const HUNK = /^@+ (?:-\d+(?:,\d+)? )+\+(\d+)(?:,\d+)? @+/;

/**
 * Consumes `git log -p --unified=0` (or `git diff`) output line by line and scans the added lines of each file of
 * each commit. Findings are reported once per secret and path, at the first commit (oldest first) that added them.
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

  constructor(private readonly scanner: Scanner, private readonly maxBlobSize = 25 * 1024 * 1024) {}

  line(raw: Buffer): void {
    if (this.inHunk) {
      const first = raw[0];
      if (first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x20 /* space */) {
        this.hunkLine(raw);
        return;
      }
      if (first === 0x5c /* \ No newline at end of file */) return;
      this.inHunk = false;
    }
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
    else if (text.startsWith('Binary files ')) this.binary += 1;
  }

  private hunkLine(raw: Buffer): void {
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
    if (!this.file) return;
    this.file.lines.push({ number, text: raw.subarray(columns), added });
    if (added) this.file.added += 1;
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
    const path = unquotePath(name);
    this.file = { path: path.startsWith('b/') ? path.slice(2) : path, lines: [], added: 0 };
    this.files += 1;
  }

  private flushFile(): void {
    const file = this.file;
    this.file = undefined;
    this.inHunk = false;
    if (!file || file.added === 0) return;
    if (this.scanner.isPathIgnored(file.path)) return;
    const firstLine = file.lines[0]!;
    if (firstLine.number === 1 && firstLine.added && firstLine.text.toString('latin1', 0, LFS_POINTER.length) === LFS_POINTER) {
      this.lfs += 1;
      return;
    }
    // Added lines in order, consecutive ones kept together (a PEM block spans lines); a gap in line numbers becomes
    // an empty line so that lines apart in the file never form one match.
    const parts: Buffer[] = [];
    const lineMap: number[] = [];
    const addedAt: boolean[] = [];
    const newline = Buffer.from('\n');
    let previous = -2;
    let size = 0;
    for (const line of file.lines) {
      if (lineMap.length > 0 && line.number !== previous + 1) {
        parts.push(newline);
        lineMap.push(-1);
        addedAt.push(false);
        size += 1;
      }
      parts.push(line.text, newline);
      lineMap.push(line.number);
      addedAt.push(line.added);
      size += line.text.length + 1;
      previous = line.number;
    }
    if (size > this.maxBlobSize) {
      this.tooLarge.push(`${file.path}${this.commit ? ` at ${this.commit.sha.slice(0, 12)}` : ''} (${size} bytes added)`);
      return;
    }
    const content = Buffer.concat(parts, size);
    this.bytes += size;
    const result = this.scanner.scanBuffer(content, file.path);
    if (result.skipped === 'binary') this.binary += 1;
    this.notices.push(...result.notices);
    for (const finding of result.findings) {
      if (!addedAt.slice(finding.line - 1, finding.endLine).includes(true)) continue; // wholly in context lines
      const key = `${finding.fingerprint}\0${file.path}`;
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const line = lineMap[finding.line - 1] ?? finding.line;
      const endLine = lineMap[finding.endLine - 1] ?? line;
      const mapped: Finding = { ...finding, line, endLine: endLine < 0 ? line : endLine };
      if (this.commit) mapped.commit = this.commit;
      this.findings.push(mapped);
    }
  }

  /** Ends the stream: scans the last file and turns the counts into notices. */
  finish(): void {
    this.flushFile();
    if (this.binary > 0) this.notices.push({ kind: 'binary', message: `${this.binary} binary file change(s) not scanned` });
    if (this.submodules > 0) this.notices.push({ kind: 'submodule', message: `${this.submodules} submodule change(s) skipped: a submodule is a separate repository; scan it on its own` });
    if (this.lfs > 0) this.notices.push({ kind: 'lfs-pointer', message: `${this.lfs} Git LFS pointer(s) not scanned: their content lives in LFS storage, not in git` });
    if (this.tooLarge.length > 0) this.notices.push({ kind: 'too-large', message: `${this.tooLarge.length} file change(s) over the ${this.maxBlobSize}-byte limit not scanned: ${this.tooLarge.slice(0, 20).join(', ')}` });
  }
}
