import type { CommitRef, ScanNotice } from '../../engine/finding.js';
import type { BlobJob } from './blobs.js';
import { COMMIT_FORMAT, parseCommitHeader } from './patch.js';
import { MAX_RESTARTS, walkResuming, type HistoryListing } from './resume.js';
import { gitLines, unquotePath } from './run.js';

export interface Introductions {
  /** Unique blobs in the order they first appear, oldest commit first. */
  jobs: BlobJob[];
  /** For each job, the commit that introduced the blob (at `job.path`). */
  commits: CommitRef[];
  commitCount: number;
  /** A blob already introduced that shows up at another path (a rename or copy): its findings are reported there too. */
  copies: { index: number; path: string; commit: CommitRef }[];
}

const RAW_ARGS = ['--raw', '--no-abbrev', '--no-renames', '--diff-merges=first-parent', '--no-color', COMMIT_FORMAT];

const ZEROS = /^0+$/;

/**
 * One `git log --raw` change line, `:100644 100644 <old> <new> M\t<path>`; undefined for a deletion or an odd line.
 * Read by offsets rather than split: a long history has hundreds of thousands of these, each split into six strings.
 */
function parseRawLine(line: Buffer): { mode: string; sha: string; path: string } | undefined {
  const tab = line.indexOf(9);
  const newMode = line.indexOf(32, 1) + 1;
  const oldSha = line.indexOf(32, newMode) + 1;
  const newSha = line.indexOf(32, oldSha) + 1;
  const status = line.indexOf(32, newSha) + 1;
  if (tab === -1 || newMode === 0 || oldSha === 0 || newSha === 0 || status === 0 || status > tab) return undefined;
  const mode = line.toString('latin1', newMode, oldSha - 1);
  const sha = line.toString('latin1', newSha, status - 1);
  if (line[status] === 0x44 /* D */ || !mode || !sha || ZEROS.test(sha)) return undefined;
  return { mode, sha, path: unquotePath(line.subarray(tab + 1)) };
}

export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** Turns `git log --raw` lines into introductions; `onJob` hears of each new blob the moment it is seen. */
class IntroductionParser {
  readonly intro: Introductions = { jobs: [], commits: [], commitCount: 0, copies: [] };
  submodules = 0;
  private readonly seen = new Map<string, number>();
  /** Whether each path is ignored: a history changes the same paths again and again. */
  private readonly ignoredPaths = new Map<string, boolean>();
  private commit?: CommitRef;

  constructor(private readonly ignored: (path: string) => boolean, private readonly onJob: (job: BlobJob, commitsSeen: number) => void) {}

  line(line: Buffer): void {
    if (line[0] === 0x01) {
      this.commit = parseCommitHeader(line);
      this.intro.commitCount += 1;
      return;
    }
    if (line[0] !== 0x3a /* : */ || !this.commit) return;
    const change = parseRawLine(line);
    if (!change) return;
    if (change.mode === '160000') {
      this.submodules += 1;
      return;
    }
    // Marked seen only once at a scanned path: a blob first added under an ignored path and then renamed or copied
    // into a scanned one is scanned there.
    if (change.mode === '120000' || this.isIgnored(change.path)) return; // a symlink's blob is its target path
    const { intro } = this;
    const known = this.seen.get(change.sha);
    if (known !== undefined) {
      if (intro.jobs[known]!.path !== change.path) intro.copies.push({ index: known, path: change.path, commit: this.commit });
      return;
    }
    const job = { index: intro.jobs.length, sha: change.sha, path: change.path };
    this.seen.set(change.sha, job.index);
    intro.jobs.push(job);
    intro.commits.push(this.commit);
    this.onJob(job, intro.commitCount);
  }

  private isIgnored(path: string): boolean {
    let ignored = this.ignoredPaths.get(path);
    if (ignored === undefined) this.ignoredPaths.set(path, (ignored = this.ignored(path)));
    return ignored;
  }
}

/**
 * Where each blob first appeared: `git log --raw` oldest first lists, per commit, the new blob of every changed path;
 * the first (commit, path) a blob shows up at introduced it. Merges are diffed against their first parent, so a blob
 * made by a conflict resolution is introduced by the merge. A commit git cannot read (a missing tree) is skipped with
 * a notice and the walk goes on after it (see walkResuming). Each new blob goes to `onJob` as the walk finds it, so
 * reading and scanning start while git is still walking.
 */
export async function blobIntroductions(listing: HistoryListing, notices: ScanNotice[], ignored: (path: string) => boolean, onJob: (job: BlobJob, commitsSeen: number) => void = () => {}): Promise<Introductions> {
  const parser = new IntroductionParser(ignored, onJob);
  const { repoDir } = listing;
  let commits: string[];
  try {
    commits = await listing.commits();
  } catch (error) {
    notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk could not list the commits (${firstLine(error)}); nothing was scanned` });
    return parser.intro;
  }
  const lost: { sha: string; error: string }[] = [];
  const unreached = await walkResuming({ repoDir, commits, logArgs: RAW_ARGS, culprit: 'next', onRecord: (line) => parser.line(line), onLost: (index, error) => void lost.push({ sha: commits[index]!, error }) });
  if (lost.length > 0) {
    const first = lost[0]!;
    notices.push({ kind: 'missing-object', unscanned: true, commit: first.sha, message: `${lost.length} commit(s) could not be read and were not scanned (first ${first.sha.slice(0, 12)}: ${first.error}); the walk went on past them and scanned the other ${commits.length - lost.length}` });
  }
  if (unreached > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk stopped after ${MAX_RESTARTS} missing objects; ${unreached} later commit(s) were not scanned` });
  if (parser.submodules > 0) notices.push({ kind: 'submodule', message: `${parser.submodules} submodule change(s) skipped: a submodule is a separate repository; scan it on its own` });
  return parser.intro;
}

/** In a partial clone, the blobs it never fetched; listed up front so that no read triggers a fetch per blob. */
export async function missingInPartialClone(listing: HistoryListing): Promise<Set<string>> {
  const missing = new Set<string>();
  if (!(await listing.isPartialClone())) return missing;
  for await (const line of gitLines(listing.repoDir, ['rev-list', '--objects', '--missing=print', '--no-object-names', ...listing.revisions, '--'])) {
    if (line[0] === 0x3f /* ? */) missing.add(line.subarray(1).toString('latin1'));
  }
  return missing;
}
