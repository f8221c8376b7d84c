import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { commandSafe } from '../report/log-text.js';
import { UsageError } from './args.js';

/**
 * What the CLI prints to the terminal. In a CI job that is the job log, so no line may read as a workflow command,
 * whatever paths or names it quotes. Files written with --output are left as rendered.
 */
export function writeOut(text: string): void {
  if (stdoutClosed) return;
  watchForClosedPipe();
  process.stdout.write(commandSafe(text));
}

let stdoutClosed = false;
let watching = false;

/**
 * A reader that stops early (`keyward rules --format json | head -1`) closes the pipe: the rest of the output has no
 * one to read it, so it is dropped quietly and the command ends with its own exit code instead of an EPIPE stack trace.
 */
function watchForClosedPipe(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

export function writeErr(text: string): void {
  process.stderr.write(commandSafe(text));
}

/** Writes a report to `path` (`-` or none: standard output), creating its folder; a failure is one line. */
export function writeOutput(path: string | undefined, text: string): void {
  if (path === undefined || path === '-') {
    writeOut(text);
    return;
  }
  const full = resolve(path);
  try {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of the path is a file, not a folder' : (code ?? (error as Error).message);
    throw new UsageError(`cannot write --output ${path}: ${why}`);
  }
}

/** Text from a file the user did not write (a config's ids and patterns) made safe for a terminal: controls become `?`. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}
