import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { ScanNotice } from '../engine/finding.js';
import { SAFE_READ_FLAGS } from '../fs/safe-read.js';

export interface ReadOutcome {
  content?: Buffer;
  notice?: ScanNotice;
  tooLarge?: boolean;
}

function unreadable(shownPath: string, error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENAMETOOLONG' ? 'the path is longer than the system allows' : (code ?? (error as Error).message);
  return { notice: { kind: 'unreadable', path: shownPath, unscanned: true, message: `${shownPath}: cannot read (${why}); not scanned` } };
}

function notRegular(shownPath: string, what: string): ReadOutcome {
  return { notice: { kind: 'not-regular', path: shownPath, unscanned: true, message: `${shownPath}: ${what}, not a regular file; not scanned` } };
}

/**
 * A buffer reused from one read to the next, so a thread scanning thousands of files does not allocate (and page in,
 * and later collect) a fresh buffer for each. Content read into it is valid only until the next read.
 */
export class ReadBuffer {
  private buffer = Buffer.allocUnsafeSlow(1 << 16);
  take(size: number): Buffer {
    if (size > this.buffer.length) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}

/**
 * Reads a file to scan, synchronously (callers run it on worker threads): no symlinks followed (a link could point
 * outside the tree), directories reported as submodules or nested repositories, files over the cap reported. A
 * listed path that is now a FIFO, socket or device, or cannot be read (permissions, a path past PATH_MAX), is a
 * notice with `unscanned: true`, never a hang or an abort. With `scratch`, the content lands in that reused buffer
 * and is valid only until its next use.
 */
export function readScannable(fullPath: string, shownPath: string, maxFileSize: number, scratch?: ReadBuffer): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(fullPath, SAFE_READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A link is not content (git lists untracked ones too); the diff and history scans read the committed blob.
    if (code === 'ENOENT' || code === 'ELOOP') return {};
    if (code === 'EISDIR') return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
    return unreadable(shownPath, error);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
    if (!info.isFile()) return notRegular(shownPath, info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device');
    if (info.size > maxFileSize) {
      return { tooLarge: true, notice: { kind: 'too-large', path: shownPath, message: `${shownPath}: ${info.size} bytes is over the ${maxFileSize}-byte limit (max-file-size); not scanned` } };
    }
    const content = scratch ? scratch.take(info.size) : Buffer.allocUnsafe(info.size);
    let offset = 0;
    while (offset < info.size) {
      const read = readSync(fd, content, offset, info.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { content: offset === info.size ? content : content.subarray(0, offset) };
  } catch (error) {
    return unreadable(shownPath, error);
  } finally {
    closeSync(fd);
  }
}
