import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import type { CatFile } from './catfile.js';

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

/** Reads issued ahead of the one being scanned, so git always has work queued. */
const READ_AHEAD = 64;

export function scanBlobContent(scanner: Scanner, job: BlobJob, size: number, content: Buffer): BlobOutcome {
  const result = scanner.scanBuffer(content, job.path);
  const status: BlobStatus = result.skipped === 'ignored' ? 'skipped' : (result.skipped ?? 'scanned');
  return { index: job.index, status, size, findings: result.findings, notices: result.notices };
}

/** Reads and scans the jobs in order through one cat-file process, handing each outcome to `done`. */
export async function scanBlobJobs(catFile: CatFile, scanner: Scanner, jobs: readonly BlobJob[], maxBlobSize: number, done: (outcome: BlobOutcome) => void): Promise<void> {
  const reads: Promise<import('./catfile.js').BlobRead>[] = [];
  let issued = 0;
  for (let i = 0; i < jobs.length; i++) {
    while (issued < jobs.length && issued <= i + READ_AHEAD) reads.push(catFile.read(jobs[issued++]!.sha, maxBlobSize));
    const job = jobs[i]!;
    const read = await reads[i]!;
    reads[i] = undefined as never;
    if (read.type === 'missing') done({ index: job.index, status: 'missing', size: 0, findings: [], notices: [] });
    else if (read.type !== 'blob') done({ index: job.index, status: 'skipped', size: 0, findings: [], notices: [] });
    else if (!read.content) done({ index: job.index, status: 'too-large', size: read.size, findings: [], notices: [] });
    else done(scanBlobContent(scanner, job, read.size, read.content));
  }
}
