import type { CommitRef, Finding, ScanNotice } from '../../engine/finding.js';
import type { Scanner } from '../../engine/types.js';
import { readGit } from './run.js';

/** The pseudo-path findings in commit messages carry; their line is the message's line (the subject is line 1). */
export const COMMIT_MESSAGE_PATH = '<commit-message>';

/** One record per commit (NUL-separated with -z): sha, author, e-mail and date on a line each, then the raw message. */
const MESSAGE_FORMAT = '--format=%H%n%an%n%ae%n%aI%n%B';
const HEADER_LINES = 4;

export interface MessageScan {
  findings: Finding[];
  notices: ScanNotice[];
  bytes: number;
}

function splitRecord(data: Buffer): { commit: CommitRef; body: Buffer; bodyStart: number } | undefined {
  let at = 0;
  const fields: string[] = [];
  for (let i = 0; i < HEADER_LINES; i++) {
    const newline = data.indexOf(10, at);
    if (newline === -1) return undefined;
    fields.push(data.toString('utf8', at, newline));
    at = newline + 1;
  }
  const [sha = '', author = '', email = '', date = ''] = fields;
  return { commit: { sha, author, email, date }, body: data.subarray(at), bodyStart: at };
}

/**
 * Scans the full message of every commit in `revisions` (a message like "rotate: the old key was AKIA..." leaks like
 * a file does), each as the pseudo-path `<commit-message>`, attributed to its commit. A secret is reported once, at
 * the oldest commit whose message holds it. Messages are streamed; one over the cap is scanned up to the cap.
 */
export async function scanCommitMessages(repoDir: string, scanner: Scanner, revisions: string[], maxBytes: number): Promise<MessageScan> {
  const result: MessageScan = { findings: [], notices: [], bytes: 0 };
  const seen = new Set<string>();
  const args = ['log', '-z', '--topo-order', '--reverse', '--no-color', MESSAGE_FORMAT, ...revisions, '--'];
  await readGit(repoDir, args, { separator: 0, maxRecord: maxBytes + 1024 }, (data, length) => {
    const parsed = splitRecord(data);
    if (!parsed) return;
    const { commit, body } = parsed;
    const overlong = length > data.length;
    result.bytes += body.length;
    if (overlong) {
      result.notices.push({ kind: 'too-large', path: COMMIT_MESSAGE_PATH, commit: commit.sha, unscanned: true, message: `the message of commit ${commit.sha.slice(0, 12)} is ${length - parsed.bodyStart} bytes, over the ${maxBytes}-byte limit; only its start was scanned` });
    }
    const scanned = scanner.scanBuffer(overlong ? body.subarray(0, maxBytes) : body, COMMIT_MESSAGE_PATH);
    for (const notice of scanned.notices) result.notices.push({ ...notice, commit: commit.sha });
    for (const finding of scanned.findings) {
      if (seen.has(finding.fingerprint)) continue;
      seen.add(finding.fingerprint);
      result.findings.push({ ...finding, commit });
    }
  });
  return result;
}
