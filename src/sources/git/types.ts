import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';

export interface GitSourceResult {
  /** Each with `commit` set, except for staged changes. */
  findings: Finding[];
  notices: ScanNotice[];
  stats: { commits: number; blobs: number; bytes: number; durationMs: number; shallow?: { boundaryCommits: string[] } };
}

export interface GitProgress {
  commitsDone: number;
  commitsTotal?: number;
  blobsDone: number;
  bytesDone: number;
}

export interface GitScanOptions {
  repoDir: string;
  scanner: Scanner;
  maxBlobSize?: number;
  onProgress?: (progress: GitProgress) => void;
}
