import { sep } from 'node:path';
import type { Finding, ScanNotice } from '../engine/finding.js';
import type { Scanner, ScanResult } from '../engine/types.js';
import { ReadBuffer, readScannable } from './read.js';

/** A file read and scanned: the result, the bytes read, and why it was not scanned if it was not. */
export interface FileScanResult extends ScanResult {
  bytes: number;
}

/** Many files scanned: totals, and the results of only those files that had findings or notices. */
export interface FilesScanResult {
  files: number;
  bytes: number;
  skipped: { binary: number; tooLarge: number };
  /** `index` is the file's position in the list given; in ascending order. */
  results: { index: number; findings: Finding[]; notices: ScanNotice[] }[];
}

export type OnListProgress = (files: number, bytes: number) => void;

/** How often a thread busy with a list reports progress. */
const PROGRESS_MS = 100;

/** What a thread needs to scan files: its scanner, the size cap, and a read buffer kept from file to file. */
export interface FileScanContext {
  scanner: Scanner;
  maxFileSize: number;
  scratch?: ReadBuffer;
}

/** `root` and a listed path joined without path.join's normalising, which is a per-file cost in a tree scan. */
function underRoot(root: string, path: string): string {
  if (root === '') return path;
  return root.endsWith('/') || root.endsWith(sep) ? root + path : root + sep + path;
}

export function scanFileWith(context: FileScanContext, root: string, path: string): FileScanResult {
  const read = readScannable(underRoot(root, path), path, context.maxFileSize, context.scratch);
  if (!read.content) return { findings: [], notices: read.notice ? [read.notice] : [], skipped: read.tooLarge ? 'too-large' : undefined, bytes: 0 };
  return { ...context.scanner.scanBuffer(read.content, path), bytes: read.content.length };
}

export const emptyOutcome = (): FilesScanResult => ({ files: 0, bytes: 0, skipped: { binary: 0, tooLarge: 0 }, results: [] });

function addResult(outcome: FilesScanResult, index: number, result: FileScanResult): void {
  outcome.files += 1;
  outcome.bytes += result.bytes;
  if (result.skipped === 'binary') outcome.skipped.binary += 1;
  else if (result.skipped === 'too-large') outcome.skipped.tooLarge += 1;
  if (result.findings.length > 0 || result.notices.length > 0) outcome.results.push({ index, findings: result.findings, notices: result.notices });
}

/** Reports the files and bytes done since its last report, at most every PROGRESS_MS. */
class ProgressTicker {
  private at = performance.now();
  private files = 0;
  private bytes = 0;
  constructor(private readonly onProgress: OnListProgress) {}

  tick(outcome: FilesScanResult, now: number): void {
    if (now - this.at >= PROGRESS_MS) this.flush(outcome, now);
  }

  flush(outcome: FilesScanResult, now = performance.now()): void {
    if (outcome.files > this.files) this.onProgress(outcome.files - this.files, outcome.bytes - this.bytes);
    this.at = now;
    this.files = outcome.files;
    this.bytes = outcome.bytes;
  }
}

/** A share of a list, claimed file by file from a counter all threads share: [0] of `next` is the next index. */
export interface ClaimedList {
  root: string;
  paths: readonly string[];
  next: Int32Array;
}

/**
 * Claims and scans files of the list until the shared counter runs past the end, or until `until` (a
 * `performance.now()` time) when given; `done` says which.
 */
export function scanClaimed(context: FileScanContext, list: ClaimedList, onProgress?: OnListProgress, until = Infinity): FilesScanResult & { done: boolean } {
  const outcome = emptyOutcome();
  const ticker = onProgress ? new ProgressTicker(onProgress) : undefined;
  const timed = ticker !== undefined || until !== Infinity;
  const { root, paths, next } = list;
  let done = true;
  for (let index = Atomics.add(next, 0, 1); index < paths.length; index = Atomics.add(next, 0, 1)) {
    addResult(outcome, index, scanFileWith(context, root, paths[index]!));
    if (!timed) continue;
    const now = performance.now();
    ticker?.tick(outcome, now);
    if (now >= until) {
      done = false;
      break;
    }
  }
  ticker?.flush(outcome);
  return { ...outcome, done };
}

export function mergeLists(parts: readonly FilesScanResult[]): FilesScanResult {
  const merged = emptyOutcome();
  for (const part of parts) {
    merged.files += part.files;
    merged.bytes += part.bytes;
    merged.skipped.binary += part.skipped.binary;
    merged.skipped.tooLarge += part.skipped.tooLarge;
    merged.results.push(...part.results);
  }
  merged.results.sort((a, b) => a.index - b.index);
  return merged;
}
