import type { Scanner } from '../engine/index.js';
import type { ScanArgs } from './args.js';
import { UsageError } from './args.js';
import type { ProgressLine } from './progress.js';
import type { CollectedScan } from './scan.js';

/** Git modes (diff, push, staged, history); wired to src/sources/git once it lands. */
export async function scanGit(args: ScanArgs, _root: string, _scanner: Scanner, _maxFileSize: number, _progress: ProgressLine): Promise<CollectedScan> {
  void args;
  throw new UsageError('git modes are not available in this build');
}
