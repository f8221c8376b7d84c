import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { Finding, Scanner, ScanNotice } from '../engine/index.js';
import { readScannable } from '../sources/read.js';
import { UsageError } from './args.js';

/** One thing named on the command line: a directory tree, a file, or standard input. */
export type Target = { kind: 'tree' | 'file'; full: string; shown: string } | { kind: 'stdin'; shown: string };

const posixRelative = (path: string) => {
  const rel = relative(process.cwd(), path).split(sep).join('/');
  return rel === '' ? '.' : rel;
};

/** Checks every argument before anything is scanned, so a typo fails at once with the path named. */
export function resolveTargets(paths: readonly string[]): Target[] {
  return paths.map((path) => {
    if (path === '-') return { kind: 'stdin', shown: 'stdin' };
    const full = resolve(path);
    let info;
    try {
      info = statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`${path}: ${code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code})`}`);
    }
    if (info.isDirectory()) return { kind: 'tree', full, shown: posixRelative(full) };
    if (info.isFile()) return { kind: 'file', full, shown: posixRelative(full) };
    throw new UsageError(`${path}: not a regular file or directory`);
  });
}

export interface ContentScan {
  findings: Finding[];
  notices: ScanNotice[];
  bytes: number;
  scanned: boolean;
  /** Standard input as read, kept for `--verify` to re-read (a stream cannot be read twice). */
  content?: Buffer;
}

/** Scans one buffer as `path`, turning a skip into a notice (a file named on the command line is never silently passed). */
export function scanContent(scanner: Scanner, content: Buffer, path: string): ContentScan {
  const result = scanner.scanBuffer(content, path);
  const notices = [...result.notices];
  // Named on the command line, so said out loud (reports leave `ignored` notices out of their text).
  if (result.skipped === 'ignored') notices.push({ kind: 'other', path, message: `${path}: matches ignore-paths or an allowlisted path; not scanned` });
  if (result.skipped === 'binary') notices.push({ kind: 'binary', path, message: `${path}: binary content; not scanned` });
  return { findings: result.findings, notices, bytes: content.length, scanned: result.skipped === undefined };
}

export function scanFile(scanner: Scanner, target: { full: string; shown: string }, maxFileSize: number): ContentScan {
  const read = readScannable(target.full, target.shown, maxFileSize);
  if (!read.content) {
    const notice: ScanNotice = read.notice ? { ...read.notice, unscanned: true } : { kind: 'unreadable', path: target.shown, message: `${target.shown}: vanished before it was read; not scanned`, unscanned: true };
    return { findings: [], notices: [notice], bytes: 0, scanned: false };
  }
  return scanContent(scanner, read.content, target.shown);
}

/** Standard input read whole, up to the size cap; more than that is reported, not scanned. */
export async function scanStdin(scanner: Scanner, maxFileSize: number): Promise<ContentScan> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size <= maxFileSize) chunks.push(chunk as Buffer);
  }
  if (size > maxFileSize) {
    return { findings: [], notices: [{ kind: 'too-large', path: 'stdin', message: `stdin: ${size} bytes is over the ${maxFileSize}-byte limit (max-file-size); not scanned`, unscanned: true }], bytes: 0, scanned: false };
  }
  const content = Buffer.concat(chunks);
  return { ...scanContent(scanner, content, 'stdin'), content };
}
