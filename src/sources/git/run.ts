import { execFile, spawn } from 'node:child_process';

export class GitError extends Error {}

/** Runs git and returns stdout as bytes (paths and content need not be UTF-8). */
export function git(repoDir: string, args: string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['-C', repoDir, '-c', 'core.quotePath=false', ...args], { encoding: 'buffer', maxBuffer: 4 * 1024 * 1024 * 1024 }, (error, stdout, stderr) => {
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

/** Streams git's stdout line by line as Buffers (no decoding), for outputs too large to hold at once. */
export async function* gitLines(repoDir: string, args: string[]): AsyncGenerator<Buffer> {
  const child = spawn('git', ['-C', repoDir, '-c', 'core.quotePath=false', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errors: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 0)));
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    let data: Buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let newline = data.indexOf(10); newline !== -1; newline = data.indexOf(10, start)) {
      yield data.subarray(start, newline);
      start = newline + 1;
    }
    rest = Buffer.from(data.subarray(start));
    data = rest;
  }
  if (rest.length) yield rest;
  const code = await exit;
  if (code !== 0) throw new GitError(`git ${args.slice(0, 3).join(' ')}: ${Buffer.concat(errors).toString('utf8').trim() || `exit ${code}`}`);
}

/** Undoes git's C-style quoting of unusual path names ("caf\303\251.txt"). */
export function unquotePath(raw: Buffer): string {
  const text = raw.toString('latin1');
  if (!text.startsWith('"')) return raw.toString('utf8');
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
