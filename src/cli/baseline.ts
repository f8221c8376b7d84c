import { resolve } from 'node:path';
import { rewriteBaseline } from '../engine/baseline.js';
import { REPORT_FILE_MAX_BYTES, readRegularFile, writeOutputFile } from '../fs/safe-read.js';
import { UsageError } from './args.js';
import type { ScanArgs } from './args.js';
import { writeErr } from './output.js';
import { collectScan } from './scan.js';

/**
 * `keyward baseline migrate FILE [PATH]`: scans PATH (the tree, or with --history every commit) with FILE as the
 * baseline, and rewrites each old unkeyed fingerprint a finding matched to its keyed one. Entries no finding matched
 * stay as they are (their secret is gone, or lives only in history: rerun with --history).
 */
export async function migrateBaseline(file: string, args: ScanArgs): Promise<number> {
  const path = resolve(file);
  const read = readRegularFile(path, { maxBytes: REPORT_FILE_MAX_BYTES, shown: file });
  if (!read.ok) throw new UsageError(`baseline ${read.message}`);
  const text = read.text;
  const { collected } = await collectScan({ ...args, baseline: path });
  const keyedFor = new Map<string, string>();
  for (const finding of collected.findings) if (finding.migratedFrom) keyedFor.set(finding.migratedFrom, finding.fingerprint);
  const result = rewriteBaseline(text, keyedFor);
  writeOutputFile(path, result.text);
  writeErr(`keyward: ${file}: rewrote ${result.rewritten} unkeyed fingerprint(s) to keyed ones${result.rewritten === 0 ? ' (none matched a finding of this scan; try --history)' : ''}\n`);
  return 0;
}
