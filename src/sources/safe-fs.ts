import { execFileSync } from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { POLICY_FILE_MAX_BYTES, notRead, readRegularFile, type SafeRead } from '../fs/safe-read.js';

/**
 * Repository-aware reads over the safe reader in fs/safe-read.ts: a path that must stay inside the work tree (no link
 * followed on the way), or a file as committed at a commit, read from git's objects.
 */
export {
  POLICY_FILE_MAX_BYTES,
  REPORT_FILE_MAX_BYTES,
  UnsafeOutputError,
  readRegularFile,
  textOrMissing,
  writeOutputFile,
  type NotReadReason,
  type ReadOptions,
  type SafeRead,
} from '../fs/safe-read.js';

/** A repository-relative path, `/`-separated, or undefined when it leaves the repository. */
export function repoRelative(repoDir: string, path: string): string | undefined {
  const rel = relative(resolve(repoDir), resolve(repoDir, path)).split(sep).join('/');
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
}

function gitSync(repoDir: string, args: string[], maxBuffer: number): Buffer {
  return execFileSync('git', ['-C', repoDir, ...args], { stdio: ['ignore', 'pipe', 'ignore'], maxBuffer, env: { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1' } });
}

/**
 * A file as committed at `commit`, read from git's objects (no work tree, no attributes, no filters): only a regular
 * blob (mode 100644/100755, not a link or submodule) within the cap is read.
 */
export function readBlobAt(repoDir: string, commit: string, relPath: string, maxBytes: number): SafeRead {
  const shown = `${relPath} (at ${commit.slice(0, 7)})`;
  let entry: string;
  try {
    entry = gitSync(repoDir, ['ls-tree', '-l', '-z', '--full-tree', commit, '--', relPath], 1 << 20).toString('utf8');
  } catch (error) {
    return notRead('unreadable', shown, `git ls-tree failed (${(error as Error).message.split('\n')[0]})`);
  }
  const record = entry.split('\0').find((line) => line.endsWith(`\t${relPath}`));
  if (!record) return notRead('missing', shown, 'no such file');
  const [mode, type, oid, size] = record.slice(0, record.indexOf('\t')).split(/\s+/);
  if (mode === '120000') return notRead('symlink', shown, 'a symbolic link (links are not followed)');
  if (type !== 'blob' || !oid) return notRead('not-regular', shown, `a ${type ?? 'non-file'} entry, not a regular file`);
  if (Number(size) > maxBytes) return notRead('too-large', shown, `${size} bytes is over the ${maxBytes}-byte limit`);
  try {
    const bytes = gitSync(repoDir, ['cat-file', 'blob', oid], maxBytes + 1);
    return { ok: true, bytes, text: bytes.toString('utf8') };
  } catch (error) {
    return notRead('unreadable', shown, `git cat-file failed (${(error as Error).message.split('\n')[0]})`);
  }
}

/** A file as staged in the index (`git add`ed, not committed): only a regular blob within the cap is read. */
export function readIndexBlob(repoDir: string, relPath: string, maxBytes: number): SafeRead {
  const shown = `${relPath} (staged)`;
  let entry: string;
  try {
    entry = gitSync(repoDir, ['ls-files', '-s', '-z', '--', relPath], 1 << 20).toString('utf8');
  } catch (error) {
    return notRead('unreadable', shown, `git ls-files failed (${(error as Error).message.split('\n')[0]})`);
  }
  const record = entry.split('\0').find((line) => line.endsWith(`\t${relPath}`));
  if (!record) return notRead('missing', shown, 'not in the index');
  const [mode, oid] = record.slice(0, record.indexOf('\t')).split(/\s+/);
  if (mode === '120000') return notRead('symlink', shown, 'a symbolic link (links are not followed)');
  if (!mode?.startsWith('100') || !oid) return notRead('not-regular', shown, 'not a regular file');
  return catBlob(repoDir, oid, shown, maxBytes);
}

/** The raw message of `commit` (what `%B` prints), capped; a commit's headers are never part of it. */
export function readCommitMessage(repoDir: string, commit: string, maxBytes: number): SafeRead {
  const shown = `the message of ${commit.slice(0, 7)}`;
  try {
    const raw = gitSync(repoDir, ['cat-file', 'commit', commit], maxBytes + (1 << 16));
    const body = raw.indexOf('\n\n');
    const bytes = body === -1 ? Buffer.alloc(0) : raw.subarray(body + 2, body + 2 + maxBytes);
    return { ok: true, bytes, text: bytes.toString('utf8') };
  } catch (error) {
    return notRead('unreadable', shown, `git cat-file failed (${(error as Error).message.split('\n')[0]})`);
  }
}

function catBlob(repoDir: string, oid: string, shown: string, maxBytes: number): SafeRead {
  try {
    const bytes = gitSync(repoDir, ['cat-file', 'blob', oid], maxBytes + 1);
    if (bytes.length > maxBytes) return notRead('too-large', shown, `over the ${maxBytes}-byte limit`);
    return { ok: true, bytes, text: bytes.toString('utf8') };
  } catch (error) {
    return notRead('unreadable', shown, `git cat-file failed (${(error as Error).message.split('\n')[0]})`);
  }
}

/**
 * A repository file, from the commit `at` when given (a pull request's base: the PR cannot change it), otherwise from
 * the work tree under `repoDir` with no link followed on the way.
 */
export function readRepoFile(repoDir: string, relPath: string, options: { at?: string; maxBytes?: number } = {}): SafeRead {
  const maxBytes = options.maxBytes ?? POLICY_FILE_MAX_BYTES;
  const rel = repoRelative(repoDir, relPath);
  if (rel === undefined) return notRead('unreadable', relPath, 'the path leaves the repository');
  relPath = rel;
  if (options.at) return readBlobAt(repoDir, options.at, relPath, maxBytes);
  return readRegularFile(resolve(repoDir, relPath), { maxBytes, root: repoDir, shown: relPath });
}

