import { resolve } from 'node:path';
import type { Finding } from '../engine/finding.js';
import { readBlobAt, readCommitMessage, readIndexBlob, readRegularFile, repoRelative, type SafeRead } from '../sources/safe-fs.js';
import { COMMIT_MESSAGE_PATH } from '../sources/git/messages.js';
import type { ContentLookup } from './run.js';

const bytesOf = (read: SafeRead) => (read.ok ? read.bytes : undefined);

/** Re-reads a tree finding's file through the safe reader rooted at the scan root (no links, regular files, capped). */
export function treeContent(root: string, maxBytes: number): ContentLookup {
  return (finding: Finding) => {
    const rel = repoRelative(root, finding.path);
    return rel === undefined ? undefined : bytesOf(readRegularFile(resolve(root, rel), { root, maxBytes, shown: rel }));
  };
}

/**
 * Re-reads a git finding's content from the objects the scan read: the blob at commit:path, the commit message for
 * `<commit-message>`, the index for staged changes (no commit).
 */
export function gitContent(repoDir: string, maxBytes: number): ContentLookup {
  return (finding: Finding) => {
    const sha = finding.commit?.sha;
    if (sha && finding.path === COMMIT_MESSAGE_PATH) return bytesOf(readCommitMessage(repoDir, sha, maxBytes));
    const rel = repoRelative(repoDir, finding.path);
    if (rel === undefined) return undefined;
    return bytesOf(sha ? readBlobAt(repoDir, sha, rel, maxBytes) : readIndexBlob(repoDir, rel, maxBytes));
  };
}
