import type { StrategyChoice } from './strategy.js';
import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { KeywardConfig } from '../../engine/config/types.js';
import type { Scanner } from '../../engine/types.js';

export interface GitSourceResult {
  /** Each with `commit` set, except for staged changes. */
  findings: Finding[];
  notices: ScanNotice[];
  stats: { commits: number; blobs: number; bytes: number; durationMs: number; shallow?: { boundaryCommits: string[] }; strategy?: StrategyChoice };
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
  /**
   * History scans only: scan blobs on worker threads (each with its own `git cat-file --batch`), so both cores scan.
   * Without it, or under a TypeScript test runner, blobs are scanned in the calling thread.
   */
  workers?: GitWorkerOptions;
}

/** How history scans may use worker threads: each worker runs its own `git cat-file --batch` and its own scanner. */
export interface GitWorkerOptions {
  /** `import.meta.url` of the bundled entry point, which must call `serveGitWorkerIfAsked()` first thing. */
  entry: string;
  /** The scanner's config and baseline: workers build their own scanner from them. */
  config: KeywardConfig;
  baseline?: string[];
  /** Default: 2 (one per core of a GitHub runner). */
  count?: number;
}
