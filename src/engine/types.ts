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
}
