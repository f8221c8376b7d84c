import { spawn } from 'node:child_process';
import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { gitLines, unquotePath } from './run.js';
import type { GitScanOptions } from './types.js';

interface Introduction {
  path: string;
  commit: CommitRef;
}

const LFS_POINTER = Buffer.from('version https://git-lfs.github.com/spec/v1');

/**
 * Where each blob first appeared: `git log --raw` oldest first lists, per commit, the new blob of every changed
 * path; the first (commit, path) a blob shows up at introduced it. Merges are diffed against their first parent.
 */
export async function blobIntroductions(repoDir: string, revisions: string[], notices: ScanNotice[]): Promise<{ blobs: Map<string, Introduction>; commits: number }> {
  const blobs = new Map<string, Introduction>();
  let commit: CommitRef | undefined;
  let commits = 0;
  let submodules = 0;
  const args = ['log', '--topo-order', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--format=%x01%H%x00%an%x00%ae%x00%aI%x00%s', ...revisions, '--'];
  for await (const line of gitLines(repoDir, args)) {
    if (line[0] === 0x01) {
      const [sha = '', author = '', email = '', date = '', summary = ''] = line.subarray(1).toString('utf8').split('\0');
      commit = { sha, author, email, date, summary };
      commits += 1;
      continue;
    }
    if (line[0] !== 0x3a /* : */ || !commit) continue;
    // :100644 100644 <old> <new> M\t<path>
    const tab = line.indexOf(9);
    if (tab === -1) continue;
    const fields = line.subarray(1, tab).toString('latin1').split(' ');
    const mode = fields[1];
    const sha = fields[3];
    const status = fields[4];
    if (!sha || status === 'D' || /^0+$/.test(sha)) continue;
    if (mode === '160000') {
      submodules += 1;
      continue;
    }
    if (mode === '120000') continue;
    if (!blobs.has(sha)) blobs.set(sha, { path: unquotePath(line.subarray(tab + 1)), commit });
  }
  if (submodules > 0) notices.push({ kind: 'submodule', message: `${submodules} submodule change(s) skipped: submodules are separate repositories; scan them on their own` });
  return { blobs, commits };
}

/**
 * Reads blobs through one long-lived `git cat-file --batch` process: git inflates objects while this thread scans
 * the previous ones, so both cores work. Missing objects (partial clones, damaged stores) are counted, not fatal.
 */
export async function scanBlobs(
  options: GitScanOptions & { blobs: Map<string, Introduction>; notices: ScanNotice[]; onBlob?: (bytes: number) => void },
): Promise<{ findings: Finding[]; bytes: number; scanned: number }> {
  const { repoDir, scanner, blobs, notices } = options;
  const maxBlobSize = options.maxBlobSize ?? 25 * 1024 * 1024;
  const child = spawn('git', ['-C', repoDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const order = [...blobs.keys()];
  child.stdin.on('error', () => {});
  const feeder = (async () => {
    for (const sha of order) {
      if (!child.stdin.write(`${sha}\n`)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    }
    child.stdin.end();
  })();
  const findings: Finding[] = [];
  let bytes = 0;
  let scanned = 0;
  let missing = 0;
  let lfs = 0;
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  const consume = () => {
    for (;;) {
      const newline = pending.indexOf(10);
      if (newline === -1) return;
      const header = pending.subarray(0, newline).toString('latin1');
      const [sha = '', type = '', sizeText = ''] = header.split(' ');
      if (type === 'missing' || sizeText === '') {
        missing += 1;
        index += 1;
        pending = pending.subarray(newline + 1);
        continue;
      }
      const size = Number(sizeText);
      if (pending.length < newline + 1 + size + 1) return;
      const content = pending.subarray(newline + 1, newline + 1 + size);
      pending = pending.subarray(newline + 2 + size);
      index += 1;
      const intro = blobs.get(sha);
      if (!intro || type !== 'blob') continue;
      bytes += size;
      options.onBlob?.(size);
      if (size > maxBlobSize) {
        notices.push({ kind: 'too-large', path: intro.path, message: `${intro.path} at ${intro.commit.sha.slice(0, 12)}: ${size} bytes is over the ${maxBlobSize}-byte limit; not scanned` });
        continue;
      }
      if (content.subarray(0, LFS_POINTER.length).equals(LFS_POINTER)) {
        lfs += 1;
        continue;
      }
      scanned += 1;
      const result = scanBlob(scanner, Buffer.from(content), intro);
      findings.push(...result);
    }
  };
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    consume();
  }
  await feeder;
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.on('close', resolve)));
  if (missing > 0) notices.push({ kind: 'missing-object', message: `${missing} blob(s) missing from the object store (partial or damaged clone); the rest was scanned` });
  if (lfs > 0) notices.push({ kind: 'lfs-pointer', message: `${lfs} Git LFS pointer(s) skipped: the content lives in LFS storage, not in git` });
  void index;
  return { findings, bytes, scanned };
}

function scanBlob(scanner: Scanner, content: Buffer, intro: Introduction): Finding[] {
  if (scanner.isPathIgnored(intro.path)) return [];
  return scanner.scanBuffer(content, intro.path).findings.map((finding) => ({ ...finding, commit: intro.commit }));
}
