import { execFile } from 'node:child_process';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { ScanResult } from '../engine/types.js';

/** What the tree source needs from a scanner: a synchronous Scanner's method or a worker pool. */
export interface TreeScanTarget {
  scan(content: Buffer, path: string): Promise<ScanResult> | ScanResult;
  isPathIgnored(path: string): boolean;
}

const run = promisify(execFile);

export interface TreeProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
}

export interface TreeScanResult {
  findings: Finding[];
  notices: ScanNotice[];
  stats: { files: number; bytes: number; durationMs: number; skipped: { binary: number; tooLarge: number; ignored: number } };
}

/**
 * Files under `root`: in a git work tree, what git tracks plus untracked files it does not ignore (so `.gitignore`
 * applies); elsewhere every regular file. Paths are relative to root and `/`-separated.
 */
export async function listFiles(root: string): Promise<{ paths: string[]; git: boolean }> {
  try {
    const { stdout } = await run('git', ['-C', root, 'ls-files', '-z', '--cached', '--others', '--exclude-standard'], { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' });
    const paths = [...new Set(stdout.toString('utf8').split('\0').filter(Boolean))];
    // An ignored folder inside a work tree lists nothing: the user asked for it by name, so walk it instead.
    if (paths.length > 0) return { paths, git: true };
    throw new Error('nothing listed');
  } catch {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const paths = entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => !path.startsWith('.git/'));
    return { paths, git: false };
  }
}

/** Reads and scans up to `concurrency` files at once, so reading overlaps scanning (on worker threads with a pool). */
export async function scanTree(options: { root: string; target: TreeScanTarget; maxFileSize: number; concurrency?: number; onProgress?: (p: TreeProgress) => void }): Promise<TreeScanResult> {
  const started = performance.now();
  const { root, target } = options;
  const { paths } = await listFiles(root);
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [];
  const skipped = { binary: 0, tooLarge: 0, ignored: 0 };
  let bytes = 0;
  let done = 0;
  const wanted = paths.filter((path) => {
    if (target.isPathIgnored(path)) {
      skipped.ignored += 1;
      return false;
    }
    return true;
  });

  const read = async (path: string): Promise<Buffer | undefined> => {
    const full = join(root, path);
    try {
      const info = await lstat(full);
      if (info.isSymbolicLink()) return undefined;
      if (info.isDirectory()) {
        notices.push({ kind: 'submodule', path, message: `${path}: a submodule or nested repository; not scanned (scan it on its own)` });
        return undefined;
      }
      if (!info.isFile()) return undefined;
      if (info.size > options.maxFileSize) {
        skipped.tooLarge += 1;
        notices.push({ kind: 'too-large', path, message: `${path}: ${info.size} bytes is over the ${options.maxFileSize}-byte limit (max-file-size); not scanned` });
        return undefined;
      }
      return await readFile(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') notices.push({ kind: 'unreadable', path, message: `${path}: cannot read (${code ?? (error as Error).message})` });
      return undefined;
    }
  };

  const record = (path: string, result: ScanResult) => {
    if (result.skipped === 'binary') skipped.binary += 1;
    if (result.skipped === 'too-large') skipped.tooLarge += 1;
    findings.push(...result.findings);
    notices.push(...result.notices);
  };
  let next = 0;
  const lane = async () => {
    while (next < wanted.length) {
      const path = wanted[next++]!;
      const content = await read(path);
      if (content) {
        bytes += content.length;
        record(path, await target.scan(content, path));
      }
      done += 1;
      options.onProgress?.({ filesDone: done, filesTotal: wanted.length, bytesDone: bytes });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, lane));
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { findings, notices, stats: { files: done, bytes, durationMs: performance.now() - started, skipped } };
}
