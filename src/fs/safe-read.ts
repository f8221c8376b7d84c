import { closeSync, constants, fstatSync, ftruncateSync, lstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * The one way Keyward reads a file a pull request may control (CODEOWNERS, the inventory, workflow files, config,
 * baseline, previous report) and writes an output file: symlinks are never followed, only regular files are read,
 * and the size cap holds while reading, so `.github/CODEOWNERS -> /dev/zero`, a FIFO or a link to a runner file can
 * neither hang the job, nor grow its memory, nor leak content.
 *
 * It sits below every layer (rules, engine, sources, report, entry points all may import it) and imports nothing of
 * Keyward's: the engine's config and baseline loaders use it as much as the Action and the CLI do.
 * `sources/safe-fs.ts` adds the repository-aware reads (a path inside the work tree, a blob at a commit).
 */

/** Policy files (config, CODEOWNERS, inventory, workflows) are small: GitHub itself stops reading CODEOWNERS at 3 MB. */
export const POLICY_FILE_MAX_BYTES = 4 * 1024 * 1024;
/** Reports read back (baseline, previous report) can list many findings. */
export const REPORT_FILE_MAX_BYTES = 64 * 1024 * 1024;

export type NotReadReason = 'missing' | 'symlink' | 'not-regular' | 'too-large' | 'unreadable';

export type SafeRead = { ok: true; bytes: Buffer; text: string } | { ok: false; reason: NotReadReason; message: string };

export interface ReadOptions {
  maxBytes: number;
  /** Every directory between `root` and the file must be a real directory, not a symlink. */
  root?: string;
  /** How the path is named in messages (defaults to the path itself). */
  shown?: string;
  /**
   * Follow a link at the name (still only to a regular file, still capped). Only for paths the job chose, never for a
   * file a pull request controls: the credential guard reads the key file a variable names, which may be a link.
   */
  followLinks?: boolean;
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
const NON_BLOCK = constants.O_NONBLOCK ?? 0;
const NO_CTTY = constants.O_NOCTTY ?? 0;

/** How every read of a file someone else controls opens it: no link followed, no wait on a FIFO, no terminal taken. */
export const SAFE_READ_FLAGS = constants.O_RDONLY | NO_FOLLOW | NON_BLOCK | NO_CTTY;

export function notRead(reason: NotReadReason, shown: string, detail: string): SafeRead {
  return { ok: false, reason, message: `${shown}: not read: ${detail}` };
}

/**
 * The first directory under `root` (exclusive) on the way to `path` that is a symlink or no directory; undefined when
 * there is none or `path` is not under `root` at all.
 */
export function linkedParent(root: string, path: string): string | undefined {
  const rel = relative(resolve(root), resolve(dirname(path)));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  let current = resolve(root);
  for (const part of rel.split(sep)) {
    current = `${current}${sep}${part}`;
    try {
      if (!lstatSync(current).isDirectory()) return current;
    } catch {
      return undefined; // a missing parent: the open below reports the file missing
    }
  }
  return undefined;
}

function errorReason(error: unknown, shown: string): SafeRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return notRead('missing', shown, 'no such file');
  if (code === 'ELOOP' || code === 'EMLINK') return notRead('symlink', shown, 'a symbolic link (links are not followed)');
  if (code === 'EISDIR') return notRead('not-regular', shown, 'a directory, not a regular file');
  if (code === 'ENAMETOOLONG') return notRead('unreadable', shown, 'the path is too long');
  return notRead('unreadable', shown, code ?? (error as Error).message);
}

/** Reads at most `max + 1` bytes from `fd`: one byte more than the cap says the file is over it, whatever stat said. */
function readCapped(fd: number, max: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(Math.min(max + 1, 1 << 16));
  for (;;) {
    const read = readSync(fd, chunk, 0, Math.min(chunk.length, max + 1 - total), null);
    if (read === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, read)));
    total += read;
    if (total > max) return undefined;
  }
  return Buffer.concat(chunks, total);
}

/** A regular file's content, or why it was not read. Never throws, never follows a link, never blocks on a FIFO. */
export function readRegularFile(path: string, options: ReadOptions): SafeRead {
  const shown = options.shown ?? path;
  if (options.root) {
    const linked = linkedParent(options.root, path);
    if (linked !== undefined) return notRead('symlink', shown, `${relative(options.root, linked) || linked} is a symbolic link or no directory (links are not followed)`);
  }
  let fd: number;
  try {
    fd = openSync(path, options.followLinks ? SAFE_READ_FLAGS & ~NO_FOLLOW : SAFE_READ_FLAGS);
  } catch (error) {
    return errorReason(error, shown);
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return notRead('not-regular', shown, info.isDirectory() ? 'a directory, not a regular file' : 'not a regular file (a FIFO, socket or device)');
    if (info.size > options.maxBytes) return notRead('too-large', shown, `${info.size} bytes is over the ${options.maxBytes}-byte limit`);
    const bytes = readCapped(fd, options.maxBytes);
    if (!bytes) return notRead('too-large', shown, `over the ${options.maxBytes}-byte limit`);
    return { ok: true, bytes, text: bytes.toString('utf8') };
  } catch (error) {
    return errorReason(error, shown);
  } finally {
    closeSync(fd);
  }
}

/** The content as text, undefined when the file is missing, and an Error naming why for anything else. */
export function textOrMissing(result: SafeRead): string | undefined {
  if (result.ok) return result.text;
  if (result.reason === 'missing') return undefined;
  throw new Error(result.message);
}

export class UnsafeOutputError extends Error {}

/**
 * Writes an output file without following a link at its name or (under `root`) on the way to it: an existing
 * symlink, FIFO or directory there is refused. Missing parent directories are created. `exclusive` refuses any
 * existing file (O_EXCL), for files that must be new, such as credentials.
 */
export function writeOutputFile(path: string, content: string | Buffer, options: { root?: string; mode?: number; exclusive?: boolean } = {}): void {
  const target = resolve(path);
  if (options.root) {
    const linked = linkedParent(options.root, target);
    if (linked !== undefined) throw new UnsafeOutputError(`refusing to write ${path}: ${linked} is a symbolic link or no directory`);
  }
  mkdirSync(dirname(target), { recursive: true });
  let fd: number;
  try {
    fd = openSync(target, constants.O_WRONLY | constants.O_CREAT | (options.exclusive ? constants.O_EXCL : 0) | NO_FOLLOW | NON_BLOCK | NO_CTTY, options.mode ?? 0o644);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || code === 'EMLINK') throw new UnsafeOutputError(`refusing to write ${path}: it is a symbolic link`);
    throw error;
  }
  try {
    if (!fstatSync(fd).isFile()) throw new UnsafeOutputError(`refusing to write ${path}: not a regular file`);
    // ftruncate only once we know it is our regular file; O_TRUNC at open would truncate before the check.
    const data = typeof content === 'string' ? Buffer.from(content) : content;
    ftruncateSync(fd, 0);
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset, offset);
  } finally {
    closeSync(fd);
  }
}
