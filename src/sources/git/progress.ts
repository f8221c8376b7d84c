import type { GitProgress } from './types.js';

export interface GitProgressReporter {
  /** Pass as `onProgress` to a git scan. */
  onProgress: (progress: GitProgress) => void;
  /** Clears the line; call when the scan ends (also after a failure). */
  done: () => void;
}

interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function formatGitProgress(progress: GitProgress, elapsedSeconds: number): string {
  const commits = progress.commitsTotal !== undefined ? `${progress.commitsDone}/${progress.commitsTotal}` : `${progress.commitsDone}`;
  const mb = progress.bytesDone / 1e6;
  const rate = mb / Math.max(elapsedSeconds, 0.001);
  return `keyward: ${commits} commits, ${progress.blobsDone} blobs, ${mb.toFixed(1)} MB, ${rate.toFixed(rate < 10 ? 1 : 0)} MB/s`;
}

/**
 * A one-line progress display for history scans on a terminal (stderr by default), redrawn at most every
 * `intervalMs`. Silent when the stream is not a TTY (CI logs, pipes), so nothing pollutes captured output.
 */
export function createGitProgressReporter(stream: ProgressStream = process.stderr, options: { enabled?: boolean; intervalMs?: number } = {}): GitProgressReporter {
  const enabled = options.enabled ?? stream.isTTY === true;
  const interval = options.intervalMs ?? 200;
  const started = performance.now();
  let last = -Infinity;
  let shown = false;
  return {
    onProgress(progress) {
      if (!enabled) return;
      const now = performance.now();
      if (now - last < interval) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2K${formatGitProgress(progress, (now - started) / 1000)}`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
