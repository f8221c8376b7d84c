import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class GitError extends Error {}

/**
 * Configuration every git call gets. A pull request controls its tree, and with it `.gitattributes`: with `* -diff` or
 * `* binary` git prints "Binary files differ" instead of the patch, and `diff=<driver>` selects a textconv or external
 * diff command from the runner's config. So no scan lets attributes or drivers shape what git prints: no global or
 * system attributes file, no external diff, and (see DIFF_GUARDS) no textconv and no binary decision by git at all.
 * Keyward's own content check (src/engine/content.ts) decides what is binary. git 2.39 has no --attr-source to drop
 * the tree's attributes outright; with these switches they no longer change the diff output.
 */
const SAFE_CONFIG = [
  '-c', 'core.quotePath=false',
  '-c', 'core.attributesFile=/dev/null',
  '-c', 'diff.external=',
  '-c', 'diff.suppressBlankEmpty=false',
  '-c', 'log.showSignature=false',
];

/** For commands that print diffs: never textconv, never an external driver, every file printed as text. */
const DIFF_GUARDS = ['--no-textconv', '--no-ext-diff', '--text'];
const DIFF_COMMANDS = new Set(['log', 'diff', 'show', 'diff-tree', 'diff-index', 'diff-files']);

/** No system attributes; no prompts; and the objects as they are: `refs/replace` must not swap a commit or blob for another. */
const SAFE_ENV = { GIT_ATTR_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', GIT_NO_REPLACE_OBJECTS: '1' };

/** The full argument list for `git args...` in `repoDir`, with the guards above; the one place git is invoked from. */
export function gitArgv(repoDir: string, args: readonly string[]): string[] {
  const [command, ...rest] = args;
  const guarded = command !== undefined && DIFF_COMMANDS.has(command) ? [command, ...DIFF_GUARDS, ...rest] : [...args];
  return ['-C', repoDir, ...SAFE_CONFIG, ...guarded];
}

export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...SAFE_ENV, ...extra };
  // An inherited GIT_EXTERNAL_DIFF names a program to run for every diffed file: never pass it on.
  delete env.GIT_EXTERNAL_DIFF;
  return env;
}

/** A long-lived git process (e.g. `cat-file --batch`) with the same guards. */
export function spawnGit(repoDir: string, args: readonly string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn('git', gitArgv(repoDir, args), { env: gitEnv(env) });
}

/** Runs git and returns stdout as bytes (paths and content need not be UTF-8). */
export function git(repoDir: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', gitArgv(repoDir, args), { encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024, env: gitEnv() }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args.slice(0, 3).join(' ')}: ${stderr.toString('utf8').trim() || error.message}`));
      else resolve(stdout);
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function gitText(repoDir: string, args: string[]): Promise<string> {
  return (await git(repoDir, args)).toString('utf8').trim();
}

export async function objectExists(repoDir: string, rev: string): Promise<boolean> {
  try {
    await git(repoDir, ['cat-file', '-e', `${rev}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Receives one record of git's output: `data` holds at most the cap's bytes of it, `length` is its full length (more
 * than `data.length` when it was cut). `data` may be a view of git's pipe buffer: copy what must outlive the call.
 */
export type OnRecord = (data: Buffer, length: number) => void;

/**
 * Splits a byte stream into records ending in `separator`, holding at most `maxRecord` bytes of any one record: the
 * rest of an overlong record streams past unkept, so one 40 MB line costs `maxRecord` bytes, not 40 MB.
 */
export class RecordSplitter {
  private parts: Buffer[] = [];
  private held = 0;
  private length = 0;

  constructor(private readonly separator: number, private readonly maxRecord: number, private readonly onRecord: OnRecord) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(this.separator); end !== -1; end = chunk.indexOf(this.separator, start)) {
      this.take(chunk.subarray(start, end));
      start = end + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
  }

  end(): void {
    if (this.length > 0) this.take(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    this.length += piece.length;
    const room = this.maxRecord - this.held;
    if (room <= 0) return;
    // Copied: the chunk it came from is git's pipe buffer; a kept view would pin all of it.
    const kept = Buffer.from(piece.subarray(0, room));
    this.parts.push(kept);
    this.held += kept.length;
  }

  private take(last: Buffer): void {
    if (this.length === 0 && last.length <= this.maxRecord) {
      this.onRecord(last, last.length);
      return;
    }
    this.keep(last);
    const data = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.held);
    const length = this.length;
    this.parts = [];
    this.held = 0;
    this.length = 0;
    this.onRecord(data, length);
  }
}

/**
 * Runs git and hands its stdout to `onRecord` record by record (lines by default), none holding more than `maxRecord`
 * bytes; synchronous calls per record, one await per pipe chunk, so five million short lines cost no promise each.
 */
export async function readGit(repoDir: string, args: string[], options: { separator?: number; maxRecord?: number; input?: string }, onRecord: OnRecord): Promise<void> {
  const child = spawn('git', gitArgv(repoDir, args), { stdio: ['pipe', 'pipe', 'pipe'], env: gitEnv() });
  // git may die (a missing object) before it reads all of its input: the broken pipe is for its exit status to say.
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  const errors: Buffer[] = [];
  let errorBytes = 0;
  child.stderr.on('data', (chunk: Buffer) => {
    if (errorBytes < 16_384) errors.push(chunk);
    errorBytes += chunk.length;
  });
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 0)));
  const splitter = new RecordSplitter(options.separator ?? 10, options.maxRecord ?? Number.MAX_SAFE_INTEGER, onRecord);
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) splitter.push(chunk);
    splitter.end();
  } catch (error) {
    // A consumer that failed must not leave git writing into a full pipe. (Only then: a git that finished on its own
    // keeps its exit status, so an error it ends with is never mistaken for success.)
    child.kill();
    throw error;
  }
  const code = await exit;
  if (code !== 0) throw new GitError(`git ${args.slice(0, 3).join(' ')}: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`);
}

/** Streams git's stdout line by line as Buffers (no decoding), for outputs too large to hold at once. */
export async function* gitLines(repoDir: string, args: string[]): AsyncGenerator<Buffer> {
  const child = spawn('git', gitArgv(repoDir, args), { stdio: ['ignore', 'pipe', 'pipe'], env: gitEnv() });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 0)));
  let lines: Buffer[] = [];
  const splitter = new RecordSplitter(10, Number.MAX_SAFE_INTEGER, (data) => lines.push(data));
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      splitter.push(chunk);
      const ready = lines;
      lines = [];
      yield* ready;
    }
    splitter.end();
    yield* lines;
  } finally {
    // Also when the consumer stops early (return or throw): git must not be left writing into a full pipe.
    if (child.exitCode === null && !child.stdout.readableEnded) child.kill();
  }
  const code = await exit;
  if (code !== 0) throw new GitError(`git ${args.slice(0, 3).join(' ')}: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`);
}

/** Undoes git's C-style quoting of unusual path names ("caf\303\251.txt"). */
export function unquotePath(raw: Buffer): string {
  if (raw[0] !== 0x22 /* " */) return raw.toString('utf8');
  const text = raw.toString('latin1');
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, t: 9, '"': 34, '\\': 92, a: 7, b: 8, f: 12, r: 13, v: 11 };
  for (let i = 1; i < text.length - 1; i++) {
    const char = text[i]!;
    if (char !== '\\') {
      bytes.push(text.charCodeAt(i));
      continue;
    }
    const next = text[i + 1]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(text.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
