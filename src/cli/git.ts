import type { Scanner } from '../engine/index.js';
import { describeHistoryStrategy, scanDiff, scanHistory, scanPush, scanStaged, scanTreeDiff, type GitProgress, type GitSourceResult, type GitWorkerOptions } from '../sources/git/index.js';
import type { ScanArgs } from './args.js';
import type { ProgressBar } from './progress.js';
import type { CollectedScan } from './scan.js';

/** Git modes: --diff, --push, --staged, --history. */
export async function scanGit(args: ScanArgs, root: string, scanner: Scanner, maxFileSize: number, progress: ProgressBar, workers?: GitWorkerOptions): Promise<CollectedScan> {
  const onProgress = (p: GitProgress) => progress.update({ done: p.commitsDone, total: p.commitsTotal, unit: 'commits', bytes: p.bytesDone, detail: `${p.blobsDone} blobs` });
  const common = { repoDir: root, scanner, maxBlobSize: maxFileSize, onProgress };
  let result: GitSourceResult;
  let target: string;
  if (args.diff?.range === 'two-dot') {
    result = await scanTreeDiff({ ...common, base: args.diff.base, head: args.diff.head });
    target = `diff ${args.diff.base}..${args.diff.head}`;
  } else if (args.diff) {
    result = await scanDiff({ ...common, base: args.diff.base, head: args.diff.head });
    target = `diff ${args.diff.base}...${args.diff.head}`;
  } else if (args.push) {
    result = await scanPush({ ...common, before: args.push.before, after: args.push.after });
    target = `push ${args.push.before ?? '(new branch)'}..${args.push.after}`;
  } else if (args.staged) {
    result = await scanStaged(common);
    target = 'staged changes';
  } else {
    result = await scanHistory({ ...common, since: args.since, branch: args.branch, workers });
    target = `history${args.branch ? ` of ${args.branch}` : ' (all refs)'}${args.since ? ` since ${args.since}` : ''}`;
  }
  const { strategy, threads } = result.stats;
  const history = strategy ? { history: { strategy: strategy.strategy, reason: strategy.reason, described: describeHistoryStrategy(strategy, threads), ...(threads ? { threads } : {}) } } : {};
  return { target, findings: result.findings, notices: result.notices, stats: { commits: result.stats.commits, blobs: result.stats.blobs, bytes: result.stats.bytes, durationMs: result.stats.durationMs, ...history } };
}
