import type { StrategyChoice } from './strategy.js';
import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { KeywardConfig } from '../../engine/config/types.js';
import type { Scanner } from '../../engine/types.js';

export interface GitSourceResult {
  /** Each with `commit` set, except for staged changes. */
  findings: Finding[];
  notices: ScanNotice[];
  stats: { commits: number; blobs: number; bytes: number; durationMs: number; shallow?: { boundaryCommits: string[] }; strategy?: StrategyChoice; threads?: number };
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
   * History scans only: scan blobs on worker threads too (each with its own `git cat-file --batch`), so every core
   * scans. Without it, or under a TypeScript test runner, blobs are scanned in the calling thread alone.
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
  /** Worker threads besides the calling one, which scans too. Default: one per core but one, between 1 and 3. */
  count?: number;
}
