import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawnGit } from './run.js';

/** What `git cat-file --batch` gave for one requested object. */
export interface BlobRead {
  /** `missing` when the object store does not have it (partial clone, damaged store); `too-large` past the cap. */
  type: 'blob' | 'missing' | 'not-a-blob' | 'too-large';
  size: number;
  /**
   * Set for a blob within the cap. Valid only during the callback: it is a view of one of git's pipe chunks, and
   * nothing may keep it (the scanners copy what they report).
   */
  content?: Buffer;
}

/** An object read whole, waiting for its turn in `onBlob`. */
interface Ready<T> {
  job: T;
  read: BlobRead;
}

export type OnBlob<T> = (job: T, read: BlobRead) => void;

interface Current<T> {
  job: T;
  type: BlobRead['type'];
  size: number;
  /** Content bytes plus the trailing newline still to come. */
  remaining: number;
  keep: boolean;
  /** Bytes of the content collected so far (a blob that spans pipe chunks), and where. */
  filled: number;
  collected?: Buffer;
}

/** How long `onBlob` runs before this thread reads git's pipe again: git inflates on while the blobs are scanned. */
const SLICE_MS = 2;
/** Read-ahead at most: past this many bytes of blobs waiting, git's pipe is left to fill and git waits. */
const MAX_READY_BYTES = 32 * 1024 * 1024;

/**
 * One long-lived `git cat-file --batch`, read as a stream: requests are written ahead, and the objects are read as git
 * prints them and handed to `onBlob` in request order, a few milliseconds' worth at a time, so that this thread reads
 * the pipe again between them. Otherwise git could run ahead by no more than the pipe holds, and the two would take
 * turns on the CPU (on a loaded machine this thread and git each waited for the other about half the time). No
 * promise per object: a blob inside one pipe chunk is a view of it, one that spans chunks is copied once, and content
 * past the cap streams by unkept.
 */
export class BlobStream<T extends { sha: string }> {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: T[] = [];
  private head = 0;
  private headerParts: Buffer[] = [];
  private current?: Current<T>;
  /** Read whole, not yet handed on: from `readyHead` on (handed ones are cleared so their content can go). */
  private ready: (Ready<T> | undefined)[] = [];
  private readyHead = 0;
  private readyBytes = 0;
  private draining = false;
  private paused = false;
  private stderr = '';
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(repoDir: string, private readonly maxBlobSize: number, private readonly onBlob: OnBlob<T>) {
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

  /** Requests these objects (one write for all of them); each comes back through `onBlob`. */
  add(jobs: readonly T[]): void {
    if (jobs.length === 0) return;
    if (this.closed) {
      for (const job of jobs) this.hand(job, { type: 'missing', size: 0 });
      return;
    }
    let request = '';
    for (const job of jobs) {
      this.queue.push(job);
      request += `${job.sha}\n`;
    }
    this.child.stdin.write(request);
  }

  /** Objects requested and not yet handed back: the one whose content is still arriving and those read ahead included. */
  get inFlight(): number {
    return this.queue.length - this.head + (this.current ? 1 : 0) + this.ready.length - this.readyHead;
  }

  /** Resolves once every object requested so far has been handed back. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.child.stdin.end();
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

  /** Queues an object read whole; the drain hands it on. */
  private hand(job: T, read: BlobRead): void {
    this.ready.push({ job, read });
    this.readyBytes += read.content?.length ?? 0;
    if (!this.paused && this.readyBytes > MAX_READY_BYTES) {
      this.paused = true;
      this.child.stdout.pause();
    }
    if (!this.draining) {
      this.draining = true;
      setImmediate(() => this.drain());
    }
  }

  /** Hands ready objects to `onBlob` for one slice, then lets the event loop read git's pipe before the next. */
  private drain(): void {
    const until = performance.now() + SLICE_MS;
    while (this.readyHead < this.ready.length) {
      const { job, read } = this.ready[this.readyHead]!;
      this.ready[this.readyHead++] = undefined;
      this.readyBytes -= read.content?.length ?? 0;
      this.onBlob(job, read);
      if (performance.now() >= until) break;
    }
    if (this.readyHead === this.ready.length) {
      this.ready = [];
      this.readyHead = 0;
    }
    if (this.paused && this.readyBytes <= MAX_READY_BYTES / 2) {
      this.paused = false;
      this.child.stdout.resume();
    }
    if (this.readyHead < this.ready.length) {
      setImmediate(() => this.drain());
      return;
    }
    this.draining = false;
    this.settleIdle();
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
  }

  private takeContent(chunk: Buffer, pos: number): number {
    const current = this.current!;
    const take = Math.min(current.remaining, chunk.length - pos);
    const whole = current.filled === 0 && take === current.remaining;
    if (current.keep && !whole) {
      const bytes = Math.min(take, current.size - current.filled);
      current.collected ??= Buffer.allocUnsafe(current.size);
      chunk.copy(current.collected, current.filled, pos, pos + bytes);
      current.filled += bytes;
    }
    current.remaining -= take;
    if (current.remaining > 0) return pos + take;
    this.current = undefined;
    let content: Buffer | undefined;
    if (current.keep) content = whole ? chunk.subarray(pos, pos + current.size) : current.collected;
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
    this.settleIdle();
  }

  private settleIdle(): void {
    if (this.draining || this.inFlight > 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
