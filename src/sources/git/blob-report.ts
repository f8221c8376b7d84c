import type { Finding, ScanNotice } from '../../engine/finding.js';
import type { BlobOutcome } from './blobs.js';
import type { Introductions } from './introductions.js';

const MAX_LISTED = 20;
/** Blobs over the cap reported one by one before the rest are summed up in one notice. */
const MAX_FILE_NOTICES = 200;

/** What the outcomes of a blob scan came to, in introduction order. */
export interface BlobReport {
  findings: Finding[];
  notices: ScanNotice[];
}

interface Counts {
  missing: number;
  lfs: number;
  binary: number;
  tooLarge: string[];
}

/**
 * Findings go to the commit and path that introduced their blob, and the same secret at the same path is reported
 * once, at its oldest commit (a later edit of the file does not re-introduce it); a copy or rename of a blob carries
 * its findings to the new path. `outcomes` holds only the outcomes that are not clean scans, by job index.
 */
export function reportBlobOutcomes(intro: Introductions, outcomes: ReadonlyMap<number, BlobOutcome>, absent: number, maxBlobSize: number): BlobReport {
  const report: BlobReport = { findings: [], notices: [] };
  const reported = new Set<string>();
  const add = (finding: Finding, path: string, commit: Finding['commit']) => {
    const key = `${finding.fingerprint}\0${path}`;
    if (reported.has(key)) return;
    reported.add(key);
    report.findings.push({ ...finding, path, commit });
  };
  const counts: Counts = { missing: absent, lfs: 0, binary: 0, tooLarge: [] };
  for (const index of [...outcomes.keys()].sort((a, b) => a - b)) {
    const outcome = outcomes.get(index)!;
    const job = intro.jobs[index]!;
    const commit = intro.commits[index]!;
    count(outcome, `${job.path} at ${commit.sha.slice(0, 12)}`, counts, report.notices, { path: job.path, commit: commit.sha, maxBlobSize });
    if (outcome.status !== 'too-large') for (const notice of outcome.notices) report.notices.push({ ...notice, commit: commit.sha });
    for (const finding of outcome.findings) add(finding, job.path, commit);
  }
  for (const copy of intro.copies) for (const finding of outcomes.get(copy.index)?.findings ?? []) add(finding, copy.path, copy.commit);
  report.notices.push(...summaryNotices(counts, intro.jobs.length, maxBlobSize));
  return report;
}

function count(outcome: BlobOutcome, where: string, counts: Counts, notices: ScanNotice[], at: { path: string; commit: string; maxBlobSize: number }): void {
  if (outcome.status === 'missing') counts.missing += 1;
  else if (outcome.status === 'lfs-pointer') counts.lfs += 1;
  else if (outcome.status === 'binary') counts.binary += 1;
  else if (outcome.status === 'too-large') {
    // Each with its path and commit, as reports list what was not scanned; past MAX_FILE_NOTICES, summed up below.
    if (counts.tooLarge.length < MAX_FILE_NOTICES) notices.push({ kind: 'too-large', path: at.path, commit: at.commit, unscanned: true, message: `${where} (${outcome.size} bytes): over the ${at.maxBlobSize}-byte limit; not scanned` });
    counts.tooLarge.push(`${where} (${outcome.size} bytes)`);
  }
}

function summaryNotices(counts: Counts, jobs: number, maxBlobSize: number): ScanNotice[] {
  const notices: ScanNotice[] = [];
  const { missing, lfs, binary, tooLarge } = counts;
  if (missing > 0) notices.push({ kind: 'missing-object', unscanned: true, message: `${missing} blob(s) missing from the object store (partial clone or damaged repository) were not scanned; the other ${jobs - missing} were` });
  if (lfs > 0) notices.push({ kind: 'lfs-pointer', message: `${lfs} Git LFS pointer(s) not scanned: their content lives in LFS storage, not in git` });
  if (binary > 0) notices.push({ kind: 'binary', message: `${binary} binary blob(s) scanned for provider key formats only` });
  if (tooLarge.length > MAX_FILE_NOTICES) {
    const listed = tooLarge.slice(0, MAX_LISTED).join(', ') + (tooLarge.length > MAX_LISTED ? `, and ${tooLarge.length - MAX_LISTED} more` : '');
    notices.push({ kind: 'too-large', unscanned: true, message: `${tooLarge.length} blob(s) over the ${maxBlobSize}-byte limit not scanned: ${listed}` });
  }
  return notices;
}
