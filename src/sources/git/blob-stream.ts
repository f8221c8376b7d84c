import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit } from './run.js';

/** What `git cat-file --batch` gave for one requested object. */
export interface BlobRead {
  /** `missing` when the object store does not have it (partial clone, damaged store); `too-large` past the cap. */
  type: 'blob' | 'missing' | 'not-a-blob' | 'too-large';
  size: number;
  /**
   * Set for a blob within the cap. Valid only during the callback: it is a view of git's pipe buffer or of a scratch
   * buffer reused for the next blob, so nothing may keep it (the scanners copy what they report).
   */
  content?: Buffer;
}

export type OnBlob<T> = (job: T, read: BlobRead) => void;

interface Current<T> {
  job: T;
  type: BlobRead['type'];
  size: number;
  /** Content bytes plus the trailing newline still to come. */
  remaining: number;
  keep: boolean;
  /** Bytes copied into the scratch buffer so far (a blob that spans pipe chunks). */
  filled: number;
}

/**
 * One long-lived `git cat-file --batch`, read as a stream: requests are written ahead (git inflates the next objects
 * while this thread scans), and each object is handed to `onBlob` synchronously as soon as its last byte arrives, in
 * request order. No promise and no buffer per object: a blob inside one pipe chunk is a view of it, one that spans
 * chunks is copied once into a scratch buffer kept from blob to blob (fresh memory is slow to touch on small VMs),
 * and content past the cap streams by unkept.
 */
export class BlobStream<T extends { sha: string }> {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: T[] = [];
  private head = 0;
  private headerParts: Buffer[] = [];
  private current?: Current<T>;
  private scratch = Buffer.allocUnsafeSlow(1 << 20);
  private stderr = '';
  private closed = false;
  private idleWaiters: (() => void)[] = [];
  private readonly exit: Promise<void>;

  constructor(repoDir: string, private readonly maxBlobSize: number, private readonly onBlob: OnBlob<T>) {
    // GIT_NO_LAZY_FETCH (git 2.44+): a partial clone must not fetch each missing blob from its remote one by one.
    this.child = spawnGit(repoDir, ['cat-file', '--batch'], { GIT_NO_LAZY_FETCH: '1' });
    this.child.stdin.on('error', () => {});
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += chunk.toString('utf8');
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.exit = new Promise((resolve) => {
      this.child.on('close', () => resolve());
      this.child.on('error', () => resolve());
    });
    this.child.on('close', () => this.onClose());
    this.child.on('error', (error) => {
      this.stderr += error.message;
      this.onClose();
    });
  }

  /** Requests these objects (one write for all of them); each comes back through `onBlob`. */
  add(jobs: readonly T[]): void {
    if (jobs.length === 0) return;
    if (this.closed) {
      for (const job of jobs) this.onBlob(job, { type: 'missing', size: 0 });
      return;
    }
    let request = '';
    for (const job of jobs) {
      this.queue.push(job);
      request += `${job.sha}\n`;
    }
    this.child.stdin.write(request);
  }

  /** Objects requested and not yet handed back, the one whose content is still arriving included. */
  get inFlight(): number {
    return this.queue.length - this.head + (this.current ? 1 : 0);
  }

  /** Resolves once every object requested so far has been handed back. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Resolves once git has exited (after `close`), so that its CPU time shows among this process's children's. */
  exited(): Promise<void> {
    return this.exit;
  }

  /** What git said on stderr, for a notice when the process died early. */
  get errorText(): string {
    return this.stderr.trim();
  }

  private next(): T | undefined {
    const job = this.queue[this.head];
    if (job === undefined) return undefined;
    this.head += 1;
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    return job;
  }

  private hand(job: T, read: BlobRead): void {
    this.onBlob(job, read);
    if (this.inFlight === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private onData(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (!this.current) {
        const newline = chunk.indexOf(10, pos);
        if (newline === -1) {
          this.headerParts.push(Buffer.from(chunk.subarray(pos)));
          return;
        }
        this.startObject(this.headerParts.length ? Buffer.concat([...this.headerParts, chunk.subarray(pos, newline)]) : chunk.subarray(pos, newline));
        this.headerParts = [];
        pos = newline + 1;
        continue;
      }
      pos = this.takeContent(chunk, pos);
    }
  }

  /** `<sha> <type> <size>`, or `<sha> missing`. */
  private startObject(header: Buffer): void {
    const job = this.next();
    if (job === undefined) return;
    const [, type = '', sizeText] = header.toString('latin1').split(' ');
    if (sizeText === undefined || type === 'missing' || type === 'ambiguous') {
      this.hand(job, { type: 'missing', size: 0 });
      return;
    }
    const size = Number(sizeText);
    const keep = type === 'blob' && size <= this.maxBlobSize;
    const kind: BlobRead['type'] = type !== 'blob' ? 'not-a-blob' : keep ? 'blob' : 'too-large';
    this.current = { job, type: kind, size, remaining: size + 1, keep, filled: 0 };
    if (keep && size > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(Math.max(size, this.scratch.length * 2));
  }

  private takeContent(chunk: Buffer, pos: number): number {
    const current = this.current!;
    const take = Math.min(current.remaining, chunk.length - pos);
    const whole = current.filled === 0 && take === current.remaining;
    if (current.keep && !whole) {
      const bytes = Math.min(take, current.size - current.filled);
      chunk.copy(this.scratch, current.filled, pos, pos + bytes);
      current.filled += bytes;
    }
    current.remaining -= take;
    if (current.remaining > 0) return pos + take;
    this.current = undefined;
    let content: Buffer | undefined;
    if (current.keep) content = whole ? chunk.subarray(pos, pos + current.size) : this.scratch.subarray(0, current.size);
    this.hand(current.job, { type: current.type, size: current.size, content });
    return pos + take;
  }

  private onClose(): void {
    if (this.closed) return;
    this.closed = true;
    // Anything still waiting will never come: report it as missing rather than hang.
    const current = this.current;
    this.current = undefined;
    if (current) this.hand(current.job, { type: 'missing', size: 0 });
    for (let job = this.next(); job !== undefined; job = this.next()) this.hand(job, { type: 'missing', size: 0 });
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
