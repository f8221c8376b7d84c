import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { BlobStream, type BlobRead } from './blob-stream.js';

/** A blob to read and scan; `index` is its place in introduction order (oldest first). */
export interface BlobJob {
  index: number;
  sha: string;
  path: string;
}

export type BlobStatus = 'scanned' | 'missing' | 'too-large' | 'lfs-pointer' | 'binary' | 'skipped';

export interface BlobOutcome {
  index: number;
  status: BlobStatus;
  size: number;
  /** Engine findings, line numbers relative to the blob; the caller adds the commit. */
  findings: Finding[];
  notices: ScanNotice[];
}

/** Scans what cat-file gave for one job; synchronous, so a reused read buffer is safe. */
export function blobOutcome(scanner: Scanner, job: BlobJob, read: BlobRead): BlobOutcome {
  if (read.type === 'missing') return { index: job.index, status: 'missing', size: 0, findings: [], notices: [] };
  if (read.type === 'not-a-blob') return { index: job.index, status: 'skipped', size: 0, findings: [], notices: [] };
  if (!read.content) return { index: job.index, status: 'too-large', size: read.size, findings: [], notices: [] };
  const result = scanner.scanBuffer(read.content, job.path);
  const status: BlobStatus = result.skipped === 'ignored' ? 'skipped' : (result.skipped ?? 'scanned');
  return { index: job.index, status, size: read.size, findings: result.findings, notices: result.notices };
}

/** Whether the caller must keep this outcome: anything but a clean scan (counts aside). */
export function outcomeMatters(outcome: BlobOutcome): boolean {
  return outcome.status !== 'scanned' || outcome.findings.length > 0 || outcome.notices.length > 0;
}

/** Reads and scans the jobs in this thread through one cat-file process, handing each outcome to `done`. */
export async function scanBlobJobs(repoDir: string, scanner: Scanner, jobs: readonly BlobJob[], maxBlobSize: number, done: (outcome: BlobOutcome) => void): Promise<void> {
  const stream = new BlobStream<BlobJob>(repoDir, maxBlobSize, (job, read) => done(blobOutcome(scanner, job, read)));
  try {
    stream.add(jobs);
    await stream.idle();
  } finally {
    stream.close();
  }
}
