import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { unquotePath } from './run.js';

/** Header line that starts each commit in our `git log` format: \x01 sha \0 author \0 email \0 date \0 subject. */
export const COMMIT_FORMAT = '--format=%x01%H%x00%an%x00%ae%x00%aI%x00%s';

interface AddedLines {
  path: string;
  lines: { number: number; text: Buffer }[];
}

/**
 * Consumes `git log -p --unified=0` (or `git diff`) output line by line and scans the added lines of each file of
 * each commit. Findings are reported once per secret and path, at the first commit (oldest first) that added them.
 */
export class PatchScanner {
  readonly findings: Finding[] = [];
  readonly notices: ScanNotice[] = [];
  commits = 0;
  bytes = 0;
  private commit?: CommitRef;
  private file?: AddedLines;
  private nextLine = 0;
  private readonly seen = new Set<string>();

  constructor(private readonly scanner: Scanner) {}

  line(raw: Buffer): void {
    if (raw[0] === 0x01) {
      this.flush();
      const [sha = '', author = '', email = '', date = '', summary = ''] = raw.subarray(1).toString('utf8').split('\0');
      this.commit = { sha, author, email, date, summary };
      this.commits += 1;
      return;
    }
    const first = raw[0];
    if (first === 0x2b /* + */) {
      if (raw[1] === 0x2b && raw[2] === 0x2b && raw[3] === 0x20 && !this.inHunk) {
        this.startFile(raw.subarray(4));
        return;
      }
      if (this.file && this.inHunk) this.file.lines.push({ number: this.nextLine++, text: Buffer.from(raw.subarray(1)) });
      return;
    }
    if (first === 0x40 /* @ */ && raw[1] === 0x40) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(raw.subarray(0, 80).toString('latin1'));
      if (match) {
        this.nextLine = Number(match[1]);
        this.inHunk = true;
      }
      return;
    }
    if (first === 0x64 /* d */ && raw.subarray(0, 11).toString('latin1') === 'diff --git ') {
      this.flushFile();
      this.inHunk = false;
      return;
    }
    if (first === 0x42 /* B */ && raw.subarray(0, 13).toString('latin1') === 'Binary files ') {
      this.notices.push({ kind: 'binary', message: `${raw.toString('utf8')} (${this.commit?.sha.slice(0, 12) ?? 'staged'}); binary content is not scanned in diffs` });
    }
  }

  private inHunk = false;

  private startFile(target: Buffer): void {
    this.flushFile();
    this.inHunk = false;
    const text = target.toString('latin1');
    if (text === '/dev/null') return;
    const path = unquotePath(target);
    const clean = path.startsWith('b/') ? path.slice(2) : path;
    this.file = { path: clean, lines: [] };
  }

  private flushFile(): void {
    const file = this.file;
    this.file = undefined;
    if (!file || file.lines.length === 0) return;
    if (this.scanner.isPathIgnored(file.path)) return;
    // Added lines in order; a gap in line numbers becomes an empty line so non-adjacent lines never form one match.
    const parts: Buffer[] = [];
    const lineMap: number[] = [];
    let previous = -2;
    for (const line of file.lines) {
      if (lineMap.length > 0 && line.number !== previous + 1) {
        parts.push(Buffer.from('\n'));
        lineMap.push(-1);
      }
      parts.push(line.text, Buffer.from('\n'));
      lineMap.push(line.number);
      previous = line.number;
    }
    const content = Buffer.concat(parts);
    this.bytes += content.length;
    const result = this.scanner.scanBuffer(content, file.path);
    this.notices.push(...result.notices);
    for (const finding of result.findings) {
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

  flush(): void {
    this.flushFile();
    this.inHunk = false;
  }
}
