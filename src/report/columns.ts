import type { Finding } from '../engine/finding.js';

/** A finding's columns in UTF-16 code units, as the run's columnKind says and GitHub reads them. */
export function utf16Columns(finding: Finding): { startColumn: number; endColumn: number } {
  return { startColumn: finding.utf16Column ?? finding.column, endColumn: finding.utf16EndColumn ?? finding.endColumn };
}
