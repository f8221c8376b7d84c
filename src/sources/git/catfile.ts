import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit } from './run.js';

export interface BlobRead {
  sha: string;
  /** `missing` when the object store does not have it (partial clone, damaged store). */
  type: string;
  size: number;
  /** Absent when missing or over the size cap: oversized content is skipped as it streams past, never buffered. */
  content?: Buffer;
}

interface Waiting {
  maxSize: number;
  resolve: (read: BlobRead) => void;
}

interface Current {
  waiting: Waiting;
  sha: string;
  type: string;
  size: number;
  /** Content bytes plus the trailing newline still to come. */
  remaining: number;
  keep: boolean;
  parts: Buffer[];
}

/**
 * One long-lived `git cat-file --batch` process. Requests are written as they come, so git inflates the next objects
 * while the caller scans the previous ones; replies arrive in request order.
 */
export class CatFile {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Waiting[] = [];
  private head = 0;
  private headerParts: Buffer[] = [];
  private current?: Current;
  private stderr = '';
  private closed = false;

  constructor(repoDir: string) {
    // GIT_NO_LAZY_FETCH (git 2.44+): a partial clone must not fetch each missing blob from its remote one by one.
    this.child = spawnGit(repoDir, ['cat-file', '--batch'], { GIT_NO_LAZY_FETCH: '1' });
    this.child.stdin.on('error', () => {});
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.on('close', () => this.onClose());
    this.child.on('error', (error) => {
      this.stderr += error.message;
      this.onClose();
    });
  }

  read(sha: string, maxSize: number): Promise<BlobRead> {
    if (this.closed) return Promise.resolve({ sha, type: 'missing', size: 0 });
    return new Promise((resolve) => {
      this.queue.push({ maxSize, resolve });
      this.child.stdin.write(`${sha}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  /** What git said on stderr, for a notice when the process died early. */
  get errorText(): string {
    return this.stderr.trim();
  }

  private next(): Waiting | undefined {
    const waiting = this.queue[this.head];
    if (!waiting) return undefined;
    this.head += 1;
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return waiting;
  }

  private onData(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (!this.current) {
        const newline = chunk.indexOf(10, pos);
        if (newline === -1) {
          this.headerParts.push(chunk.subarray(pos));
          return;
        }
        const headerBytes = this.headerParts.length ? Buffer.concat([...this.headerParts, chunk.subarray(pos, newline)]) : chunk.subarray(pos, newline);
        this.headerParts = [];
        pos = newline + 1;
        const waiting = this.next();
        if (!waiting) continue;
        const [sha = '', type = '', sizeText] = headerBytes.toString('latin1').split(' ');
        if (sizeText === undefined || type === 'missing' || type === 'ambiguous') {
          waiting.resolve({ sha, type: 'missing', size: 0 });
          continue;
        }
        const size = Number(sizeText);
        this.current = { waiting, sha, type, size, remaining: size + 1, keep: size <= waiting.maxSize, parts: [] };
      }
      const current = this.current;
      const take = Math.min(current.remaining, chunk.length - pos);
      if (current.keep) current.parts.push(chunk.subarray(pos, pos + take));
      current.remaining -= take;
      pos += take;
      if (current.remaining === 0) {
        this.current = undefined;
        let content: Buffer | undefined;
        if (current.keep) content = (current.parts.length === 1 ? current.parts[0]! : Buffer.concat(current.parts)).subarray(0, current.size);
        current.waiting.resolve({ sha: current.sha, type: current.type, size: current.size, content });
      }
    }
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    // Anything still waiting will never come: report it as missing rather than hang.
    for (let waiting = this.next(); waiting; waiting = this.next()) waiting.resolve({ sha: '', type: 'missing', size: 0 });
    if (this.current) {
      this.current.waiting.resolve({ sha: this.current.sha, type: 'missing', size: 0 });
      this.current = undefined;
    }
  }
}
