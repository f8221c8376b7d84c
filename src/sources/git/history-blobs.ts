import type { Finding, ScanNotice } from '../../engine/finding.js';
import { reportBlobOutcomes } from './blob-report.js';
import type { BlobOutcome } from './blobs.js';
import { blobIntroductions, missingInPartialClone } from './introductions.js';
import { BlobLanes } from './lanes.js';
import type { HistoryListing } from './resume.js';
import type { GitScanOptions } from './types.js';

export interface BlobScanTotals {
  findings: Finding[];
  blobs: number;
  bytes: number;
  commitCount: number;
  /** Threads that scanned: this one and the workers. */
  threads: number;
}

const DEFAULT_MAX_BLOB = 25 * 1024 * 1024;

/**
 * The blob strategy: every blob the history introduced is read once and scanned whole, while the walk that finds
 * them is still running, on this thread and worker threads (see BlobLanes). Partial clones list their missing blobs
 * first, so that no read asks the promisor remote for them.
 */
export async function scanIntroducedBlobs(options: GitScanOptions, listing: HistoryListing, notices: ScanNotice[], progress: (commitsTotal: number, blobsDone: number, bytesDone: number) => void): Promise<BlobScanTotals> {
  const { repoDir, scanner } = options;
  const maxBlobSize = options.maxBlobSize ?? DEFAULT_MAX_BLOB;
  const absent = await missingInPartialClone(listing).catch(() => new Set<string>());
  const outcomes = new Map<number, BlobOutcome>();
  let blobsDone = 0;
  let bytesDone = 0;
  let commitCount = 0;
  const lanes = new BlobLanes(
    { repoDir, scanner, maxBlobSize, workers: options.workers },
    {
      outcome: (outcome) => outcomes.set(outcome.index, outcome),
      progress: (blobs, bytes) => {
        blobsDone += blobs;
        bytesDone += bytes;
        progress(commitCount, blobsDone, bytesDone);
      },
    },
  );
  let skipped = 0;
  let intro;
  try {
    intro = await blobIntroductions(listing, notices, (path) => scanner.isPathIgnored(path), (job, commitsSeen) => {
      commitCount = commitsSeen;
      if (absent.has(job.sha)) skipped += 1;
      else lanes.add(job);
    });
    commitCount = intro.commitCount;
  } finally {
    await lanes.finish();
  }
  const report = reportBlobOutcomes(intro, outcomes, skipped, maxBlobSize);
  notices.push(...report.notices);
  return { findings: report.findings, blobs: intro.jobs.length, bytes: bytesDone, commitCount, threads: lanes.threads };
}
