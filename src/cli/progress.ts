import { formatBytes } from '../report/bytes.js';

export interface ProgressCounts {
  /** Units done (files, commits) and how many in all when known. */
  done: number;
  total?: number;
  unit: string;
  bytes: number;
  /** Extra counts shown after the main one, e.g. `12 blobs`. */
  detail?: string;
}

export interface ProgressOptions {
  /** Nothing is drawn before this many milliseconds: short scans stay quiet. */
  delayMs?: number;
  /** Redraws at most this often. */
  intervalMs?: number;
  width?: number;
  now?: () => number;
}

const BAR_WIDTH = 24;

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m` : `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** The line drawn for `counts` after `elapsed` seconds: a bar, percentage and ETA when the total is known. */
export function progressLine(counts: ProgressCounts, elapsed: number): string {
  const rate = `${formatBytes(Math.round(counts.bytes / Math.max(elapsed, 0.001)))}/s`;
  const tail = [counts.detail, formatBytes(counts.bytes), rate].filter(Boolean).join(', ');
  if (!counts.total) return `keyward: ${counts.done} ${counts.unit}, ${tail}`;
  const fraction = Math.min(1, counts.done / counts.total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const eta = counts.done > 0 ? clock((elapsed * (counts.total - counts.done)) / counts.done) : '?';
  return `keyward: [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}% ${counts.done}/${counts.total} ${counts.unit}, ${tail}, ETA ${eta}`;
}

/**
 * A progress bar on standard error, redrawn in place at most every 200 ms, shown only once a scan has run for a second;
 * silent when disabled (not a terminal, --quiet). Reports go to standard output, never mixed with it.
 */
export class ProgressBar {
  private last = -Infinity;
  private shown = false;
  private readonly now: () => number;
  private readonly started: number;

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly enabled: boolean,
    private readonly options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
  }

  update(counts: ProgressCounts): void {
    if (!this.enabled) return;
    const now = this.now();
    if (now - this.started < (this.options.delayMs ?? 1000) || now - this.last < (this.options.intervalMs ?? 200)) return;
    this.last = now;
    this.shown = true;
    const width = this.options.width ?? this.stream.columns ?? 120;
    this.stream.write(`\r\u001b[2K${progressLine(counts, (now - this.started) / 1000).slice(0, Math.max(20, width - 1))}`);
  }

  done(): void {
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}
