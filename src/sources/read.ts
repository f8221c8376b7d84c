import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { ScanNotice } from '../engine/finding.js';

export interface ReadOutcome {
  content?: Buffer;
  notice?: ScanNotice;
  tooLarge?: boolean;
}

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Reads a file to scan, synchronously (callers run it on worker threads): no symlinks followed (a link could point
 * outside the tree), directories reported as submodules or nested repositories, files over the cap reported.
 */
export function readScannable(fullPath: string, shownPath: string, maxFileSize: number): ReadOutcome {
  let fd: number;
  try {
    fd = openSync(fullPath, constants.O_RDONLY | NO_FOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ELOOP') return {};
    if (code === 'EISDIR') return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
    return { notice: { kind: 'unreadable', path: shownPath, message: `${shownPath}: cannot read (${code ?? (error as Error).message})` } };
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { notice: { kind: 'submodule', path: shownPath, message: `${shownPath}: a submodule or nested repository; not scanned (scan it on its own)` } };
    if (!info.isFile()) return {};
    if (info.size > maxFileSize) {
      return { tooLarge: true, notice: { kind: 'too-large', path: shownPath, message: `${shownPath}: ${info.size} bytes is over the ${maxFileSize}-byte limit (max-file-size); not scanned` } };
    }
    const content = Buffer.allocUnsafe(info.size);
    let offset = 0;
    while (offset < info.size) {
      const read = readSync(fd, content, offset, info.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { content: offset === info.size ? content : content.subarray(0, offset) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { notice: { kind: 'unreadable', path: shownPath, message: `${shownPath}: cannot read (${code ?? (error as Error).message})` } };
  } finally {
    closeSync(fd);
  }
}
