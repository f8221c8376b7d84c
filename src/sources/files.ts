import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { ScanPool } from './pool.js';

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
 * applies), without symlinks and submodules; elsewhere every regular file. Paths are relative to root, `/`-separated.
 */
export async function listFiles(root: string): Promise<{ paths: string[]; git: boolean; notices: ScanNotice[] }> {
  const notices: ScanNotice[] = [];
  try {
    const git = (args: string[]) => run('git', ['-C', root, ...args], { maxBuffer: 1024 * 1024 * 1024, encoding: 'buffer' }).then(({ stdout }) => stdout.toString('utf8'));
    const [staged, others] = await Promise.all([git(['ls-files', '-z', '--stage']), git(['ls-files', '-z', '--others', '--exclude-standard'])]);
    const paths = new Set<string>();
    for (const record of staged.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab === -1) continue;
      const mode = record.slice(0, 6);
      const path = record.slice(tab + 1);
      if (mode === '160000') notices.push({ kind: 'submodule', path, message: `${path}: a submodule; not scanned (scan it on its own)` });
      else if (mode !== '120000') paths.add(path);
    }
    for (const path of others.split('\0')) if (path) paths.add(path);
    // An ignored folder inside a work tree lists nothing: the user asked for it by name, so walk it instead.
    if (paths.size > 0 || notices.length > 0) return { paths: [...paths], git: true, notices };
  } catch {
    // Not a git work tree: walk it.
  }
  // Synchronous: nothing else waits on this thread meanwhile (workers start on their own), and the promise-based
  // recursive readdir costs several times the CPU for the same listing. A walk of our own, because Node's recursive
  // readdirSync stats every entry, where the directory listing already says what each entry is.
  const paths: string[] = [];
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // An unreadable folder, or one whose path is past PATH_MAX, is a notice; the rest of the tree is still walked.
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      notices.push({ kind: 'unreadable', path: prefix || '.', unscanned: true, message: `${prefix || '.'}: cannot list (${code}); not scanned` });
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(join(dir, entry.name), prefix + entry.name + '/');
      } else if (entry.isFile()) paths.push(prefix + entry.name);
    }
  };
  walk(root, '');
  return { paths, git: false, notices };
}

/** Scans every listed file through the pool: the workers share the list and send back only files with something to say. */
export async function scanTree(options: { root: string; pool: ScanPool; onProgress?: (p: TreeProgress) => void }): Promise<TreeScanResult> {
  const started = performance.now();
  const { root, pool } = options;
  const listed = await listFiles(root);
  const findings: Finding[] = [];
  const notices: ScanNotice[] = [...listed.notices];
  const skipped = { binary: 0, tooLarge: 0, ignored: 0 };
  const wanted = listed.paths.filter((path) => {
    if (!pool.isPathIgnored(path)) return true;
    skipped.ignored += 1;
    return false;
  });
  let filesDone = 0;
  let bytesDone = 0;
  const onProgress = options.onProgress;
  const scanned = await pool.scanFiles(
    root,
    wanted,
    onProgress &&
      ((files, bytes) => {
        filesDone += files;
        bytesDone += bytes;
        onProgress({ filesDone, filesTotal: wanted.length, bytesDone });
      }),
  );
  skipped.binary += scanned.skipped.binary;
  skipped.tooLarge += scanned.skipped.tooLarge;
  for (const result of scanned.results) {
    findings.push(...result.findings);
    notices.push(...result.notices);
  }
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { findings, notices, stats: { files: scanned.files, bytes: scanned.bytes, durationMs: performance.now() - started, skipped } };
}
