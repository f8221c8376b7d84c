import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface CommitOptions {
  author?: string;
  email?: string;
  /** ISO date used for both author and committer dates, so histories are reproducible. */
  date?: string;
}

/** A throwaway git repository built with the real git CLI. */
export class TestRepo {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(join(tmpdir(), 'keyward-repo-'));
    if (!dir) {
      this.git('init', '-q', '-b', 'main');
      this.git('config', 'user.name', 'Test User');
      this.git('config', 'user.email', 'test@example.com');
      this.git('config', 'commit.gpgsign', 'false');
    }
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trimEnd();
  }

  gitWithEnv(env: Record<string, string>, ...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 }).trimEnd();
  }

  write(path: string, content: string | Buffer): void {
    const full = join(this.dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path), { force: true, recursive: true });
  }

  /** Writes the files (null deletes), stages everything and commits; returns the new commit's SHA. */
  commit(message: string, files: Record<string, string | Buffer | null> = {}, options: CommitOptions = {}): string {
    for (const [path, content] of Object.entries(files)) {
      if (content === null) this.remove(path);
      else this.write(path, content);
    }
    this.git('add', '-A');
    const date = options.date ?? '2026-01-01T00:00:00Z';
    this.gitWithEnv(
      {
        GIT_AUTHOR_NAME: options.author ?? 'Test User',
        GIT_AUTHOR_EMAIL: options.email ?? 'test@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_NAME: options.author ?? 'Test User',
        GIT_COMMITTER_EMAIL: options.email ?? 'test@example.com',
        GIT_COMMITTER_DATE: date,
      },
      'commit', '-q', '--allow-empty', '-m', message,
    );
    return this.head();
  }

  head(): string {
    return this.git('rev-parse', 'HEAD');
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
