import type { ScanNotice } from '../../engine/finding.js';
import { scanBlobJobs, type BlobOutcome } from './blobs.js';
import { blobIntroductions, missingInPartialClone } from './introductions.js';
import { COMMIT_FORMAT, LOG_PATCH_ARGS, type PatchScanner } from './patch.js';
import { HistoryListing, MAX_RESTARTS, walkResuming } from './resume.js';
import type { GitScanOptions } from './types.js';

const MAX_LISTED = 20;
const DEFAULT_MAX_BLOB = 25 * 1024 * 1024;

/**
 * The patch strategy over a whole history: `git log -p` of every commit, oldest first, each line handed to `patches`.
 * A commit git cannot diff (a blob missing from a damaged mirror) is read file by file instead: the blobs that are
 * there are scanned whole, the missing ones are reported as not scanned, and the stream goes on with the next commit,
 * keeping everything it already scanned.
 */
export async function streamHistoryPatches(options: GitScanOptions, listing: HistoryListing, patches: PatchScanner, notices: ScanNotice[], onRecord?: () => void): Promise<void> {
  const maxBlobSize = options.maxBlobSize ?? DEFAULT_MAX_BLOB;
  const commits = await listing.commits();
  const stops: { sha: string; error: string }[] = [];
  const missing: string[] = [];
  const unreached = await walkResuming({
    repoDir: options.repoDir,
    commits,
    logArgs: [COMMIT_FORMAT, ...LOG_PATCH_ARGS],
    culprit: 'last-shown',
    // A hunk line is its text plus a few prefix columns; anything longer is over the cap and is only counted.
    maxRecord: maxBlobSize + 64,
    onRecord: (data, length) => {
      patches.line(data, length);
      onRecord?.();
    },
    onLost: async (index, error) => {
      patches.cut();
      stops.push({ sha: commits[index]!, error });
      missing.push(...(await scanCommitWhole(options, commits[index]!, patches, notices)));
    },
  });
  if (stops.length > 0) notices.push(stopsNotice(stops, missing));
  if (unreached > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `the history walk stopped after ${MAX_RESTARTS} missing objects; ${unreached} later commit(s) were not scanned` });
}

function stopsNotice(stops: { sha: string; error: string }[], missing: string[]): ScanNotice {
  const listed = missing.slice(0, MAX_LISTED).join(', ') + (missing.length > MAX_LISTED ? `, and ${missing.length - MAX_LISTED} more` : '');
  return {
    kind: 'missing-object',
    ...(missing.length > 0 ? { unscanned: true } : {}),
    message: `git log -p stopped ${stops.length} time(s) at a missing object (first in ${stops[0]!.sha.slice(0, 12)}: ${stops[0]!.error}); each such commit's files were read one by one and the walk went on${missing.length > 0 ? `: ${missing.length} missing blob(s) not scanned: ${listed}` : ''}`,
  };
}

/** Scans the blobs one commit changed, whole, into `patches`; returns where each missing one was (path at commit). */
async function scanCommitWhole(options: GitScanOptions, sha: string, patches: PatchScanner, notices: ScanNotice[]): Promise<string[]> {
  const { repoDir, scanner } = options;
  const maxBlobSize = options.maxBlobSize ?? DEFAULT_MAX_BLOB;
  const one = new HistoryListing(repoDir, ['--no-walk', sha]);
  const intro = await blobIntroductions(one, notices, (path) => scanner.isPathIgnored(path));
  // In a partial clone a read of a blob it never had would try to fetch it (git before 2.44 has no GIT_NO_LAZY_FETCH).
  const absent = await missingInPartialClone(one).catch(() => new Set<string>());
  const outcomes: BlobOutcome[] = intro.jobs.filter((job) => absent.has(job.sha)).map((job) => ({ index: job.index, status: 'missing', size: 0, findings: [], notices: [] }));
  await scanBlobJobs(repoDir, scanner, intro.jobs.filter((job) => !absent.has(job.sha)), maxBlobSize, (outcome) => outcomes.push(outcome));
  const missing: string[] = [];
  for (const outcome of outcomes) {
    const job = intro.jobs[outcome.index]!;
    const commit = intro.commits[outcome.index]!;
    const where = `${job.path} at ${commit.sha.slice(0, 12)}`;
    if (outcome.status === 'missing') missing.push(where);
    else if (outcome.status === 'too-large') notices.push({ kind: 'too-large', path: job.path, commit: commit.sha, unscanned: true, message: `${where} (${outcome.size} bytes): over the ${maxBlobSize}-byte limit; not scanned` });
    else for (const notice of outcome.notices) notices.push({ ...notice, commit: commit.sha });
    patches.addScanned(commit, outcome.findings, outcome.size);
  }
  for (const copy of intro.copies) patches.addScanned(copy.commit, (outcomes.find((o) => o.index === copy.index)?.findings ?? []).map((finding) => ({ ...finding, path: copy.path })), 0);
  return missing;
}
