import type { Rule } from '../rules/types.js';
import type { Finding, ScanNotice } from './finding.js';

export interface ScanResult {
  findings: Finding[];
  notices: ScanNotice[];
  /** Set when the content was not scanned as text: not at all, or (binary) for provider key formats only. */
  skipped?: 'binary' | 'too-large' | 'ignored' | 'lfs-pointer';
}

/** Scans content. Stateless between calls, so sources may call it from any number of places (or worker threads). */
export interface Scanner {
  /** `path` is relative to the scan root, `/`-separated; it decides path ignores, per-rule path skips and lockfile handling. */
  scanBuffer(content: Buffer, path: string): ScanResult;
  /** True when config or defaults exclude this path; sources use it to avoid even reading such files. */
  isPathIgnored(path: string): boolean;
  readonly rules: readonly Rule[];
  /**
   * The raw secrets of the findings `scanBuffer` would report for this content, with their fingerprints. Only the
   * verify stage calls it, on content it re-read itself, so raw secrets never travel inside Findings. Inline-suppressed
   * lines count (a pull request's findings include them); baseline membership does not matter.
   */
  secretsIn(content: Buffer, path: string): FoundSecret[];
}

/** A raw secret and what identifies it in reports; lives in memory for the verify stage only. */
export interface FoundSecret {
  ruleId: string;
  fingerprint: string;
  secret: string;
}
