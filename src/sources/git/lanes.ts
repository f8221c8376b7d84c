import type { Scanner } from '../../engine/types.js';
import { BlobStream } from './blob-stream.js';
import { blobOutcome, outcomeMatters, type BlobJob, type BlobOutcome } from './blobs.js';
import type { GitWorkerOptions } from './types.js';
import { startWorkerLane, workersUsable } from './worker.js';
import { defaultWorkerCount } from '../worker-entry.js';

/** Something that reads and scans blob jobs: this thread's cat-file, or a worker thread with its own. */
export interface BlobLane {
  readonly inFlight: number;
  /** Jobs it is given at most at a time: enough queued that its cat-file never waits for this thread. */
  readonly window: number;
  send(jobs: BlobJob[]): void;
  close(): Promise<void>;
}

/** What the lanes report back: counts for every job, the outcome only of those that are not clean scans. */
export interface LaneSink {
  outcome(outcome: BlobOutcome): void;
  progress(blobs: number, bytes: number): void;
}

/** Below this many jobs this thread scans alone: a worker's start-up would cost more than it saves. */
const MIN_JOBS_FOR_WORKERS = 64;
/** Jobs sent to a lane in one go. */
const SEND_AT_MOST = 64;


function localLane(repoDir: string, scanner: Scanner, maxBlobSize: number, sink: LaneSink, onDone: () => void): BlobLane {
  const stream = new BlobStream<BlobJob>(repoDir, maxBlobSize, (job, read) => {
    const outcome = blobOutcome(scanner, job, read);
    if (outcomeMatters(outcome)) sink.outcome(outcome);
    sink.progress(1, outcome.size);
    onDone();
  });
  return {
    get inFlight() {
      return stream.inFlight;
    },
    window: 48,
    send: (jobs) => stream.add(jobs),
    close: async () => stream.close(),
  };
}

export interface LaneOptions {
  repoDir: string;
  scanner: Scanner;
  maxBlobSize: number;
  workers?: GitWorkerOptions;
}

/**
 * Spreads blob jobs over this thread and worker threads as they are found (the history walk is still running), each
 * lane topped up to its window whenever it finishes some, so a fast lane takes more and none waits at the end for a
 * long queue of another's. This thread scans between its other work (the walk's parsing), as the tree scan's does.
 */
export class BlobLanes {
  private readonly queue: BlobJob[] = [];
  private head = 0;
  private readonly lanes: BlobLane[];
  private workersStarted = false;
  private added = 0;
  private pumpScheduled = false;
  private ended = false;
  private failure?: Error;
  private settle?: { resolve: () => void; reject: (error: Error) => void };

  constructor(private readonly options: LaneOptions, private readonly sink: LaneSink) {
    this.lanes = [localLane(options.repoDir, options.scanner, options.maxBlobSize, sink, () => this.laneDone())];
  }

  /** Threads scanning: this one and the workers started. */
  get threads(): number {
    return this.lanes.length;
  }

  add(job: BlobJob): void {
    this.queue.push(job);
    this.added += 1;
    if (!this.workersStarted && this.added >= MIN_JOBS_FOR_WORKERS) this.startWorkers();
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      queueMicrotask(() => this.pump());
    }
  }

  /** No more jobs: resolves when every lane has handed back all of its own. */
  async finish(): Promise<void> {
    this.ended = true;
    const done = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));
    this.pump();
    try {
      await done;
    } finally {
      await Promise.all(this.lanes.map((lane) => lane.close()));
    }
  }

  private startWorkers(): void {
    this.workersStarted = true;
    const { workers, repoDir, maxBlobSize } = this.options;
    if (!workersUsable(workers)) return;
    const count = workers.count ?? defaultWorkerCount();
    for (let i = 0; i < count; i++) {
      this.lanes.push(
        startWorkerLane(workers, repoDir, maxBlobSize, {
          done: (blobs, bytes, outcomes) => {
            for (const outcome of outcomes) this.sink.outcome(outcome);
            this.sink.progress(blobs, bytes);
            this.laneDone();
          },
          failed: (error) => this.fail(error),
        }),
      );
    }
  }

  private laneDone(): void {
    if (!this.pumpScheduled) this.pump();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle?.reject(this.failure);
  }

  private pump(): void {
    this.pumpScheduled = false;
    if (this.failure) return;
    for (const lane of this.lanes) {
      // Topped up only once it is half empty: one write of many requests rather than one per finished blob.
      if (lane.inFlight > lane.window / 2) continue;
      for (let room = lane.window - lane.inFlight; room > 0 && this.head < this.queue.length; ) {
        const take = Math.min(SEND_AT_MOST, room, this.queue.length - this.head);
        lane.send(this.queue.slice(this.head, this.head + take));
        this.head += take;
        room -= take;
      }
    }
    if (this.head > 4096) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
    if (this.ended && this.head === this.queue.length && this.lanes.every((lane) => lane.inFlight === 0)) this.settle?.resolve();
  }
}
