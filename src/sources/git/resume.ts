import { GitError, gitText, readGit, type OnRecord } from './run.js';

/** The commits of `revisions`, parents before children: the order every history walk reads them in. */
export async function commitsOldestFirst(repoDir: string, revisions: readonly string[]): Promise<string[]> {
  return (await gitText(repoDir, ['rev-list', '--topo-order', '--reverse', ...revisions, '--'])).split('\n').filter(Boolean);
}

/**
 * The commits a history scan reads and whether the repository is a partial clone, each asked of git once, on first
 * use: the strategy probe and the scan after it share them (on jquery, rev-list alone is 0.2-0.3 s).
 */
export class HistoryListing {
  private commitList?: Promise<string[]>;
  private partialClone?: Promise<boolean>;

  constructor(readonly repoDir: string, readonly revisions: readonly string[]) {}

  commits(): Promise<string[]> {
    this.commitList ??= commitsOldestFirst(this.repoDir, this.revisions);
    return this.commitList;
  }

  isPartialClone(): Promise<boolean> {
    this.partialClone ??= gitText(this.repoDir, ['config', '--get-regexp', '^(extensions\\.partialclone|remote\\..*\\.promisor)$']).then(
      (promisor) => promisor !== '',
      () => false,
    );
    return this.partialClone;
  }
}

/**
 * Which commit a git that died was reading. `git log -p` prints a commit's header before its patches, so a missing
 * blob kills it inside the last commit it showed; `git log --raw` prints the header only once the tree diff is made,
 * so a missing tree kills it before the next commit's header.
 */
export type Culprit = 'last-shown' | 'next';

export interface ResumingWalk {
  repoDir: string;
  /** Oldest first (see commitsOldestFirst). */
  commits: readonly string[];
  /** `git log` options: the commits are given on stdin, one walk per stretch between missing objects. */
  logArgs: readonly string[];
  culprit: Culprit;
  maxRecord?: number;
  onRecord: OnRecord;
  /** The walk lost commit `index` (git died in it): called before the walk goes on with the next one. */
  onLost: (index: number, error: string) => Promise<void> | void;
}

/** Restarts past which the rest of a badly damaged history is left unscanned rather than read a commit at a time. */
export const MAX_RESTARTS = 200;

/**
 * `git log --no-walk=unsorted --stdin` over the commits, in their order. A git that dies (a missing blob, tree or
 * commit in a damaged mirror) does not throw the walk away: what it printed has been handed on, the commit it died in
 * goes to `onLost`, and a new git goes on from the commit after. Returns how many commits were never reached (only
 * past MAX_RESTARTS).
 */
export async function walkResuming(walk: ResumingWalk): Promise<number> {
  const { commits } = walk;
  let from = 0;
  for (let restarts = 0; from < commits.length; restarts++) {
    if (restarts > MAX_RESTARTS) return commits.length - from;
    let shown = 0;
    const onRecord: OnRecord = (data, length) => {
      if (data[0] === 0x01) shown += 1;
      walk.onRecord(data, length);
    };
    try {
      await readGit(walk.repoDir, ['log', '--no-walk=unsorted', '--stdin', ...walk.logArgs, '--'], { maxRecord: walk.maxRecord, input: `${commits.slice(from).join('\n')}\n` }, onRecord);
      return 0;
    } catch (error) {
      if (!(error instanceof GitError)) throw error;
      const lost = walk.culprit === 'last-shown' && shown > 0 ? from + shown - 1 : from + shown;
      if (lost >= commits.length) return 0;
      await walk.onLost(lost, error.message.split('\n')[0]!);
      from = lost + 1;
    }
  }
  return 0;
}
