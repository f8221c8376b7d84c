import { createScanner, defaultConfig } from '../../src/engine/index.js';
import type { Finding, ScanNotice } from '../../src/engine/finding.js';
import type { Scanner } from '../../src/engine/types.js';
import { scanDiff, scanHistory, scanPush, scanStaged, scanTreeDiff, type GitSourceResult } from '../../src/sources/git/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';

export const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
export const keyLine = (key: string) => `AWS_ACCESS_KEY_ID=${key}\n`;

export function scannerFor(options: { ignorePaths?: string[]; maxFileSize?: number } = {}): Scanner {
  const config = defaultConfig();
  return createScanner({ config: { ...config, ignorePaths: [...config.ignorePaths, ...(options.ignorePaths ?? [])], maxFileSize: options.maxFileSize ?? config.maxFileSize } });
}

export type Mode = 'diff' | 'push' | 'history-patches' | 'history-blobs' | 'tree-diff' | 'staged';
export const COMMIT_MODES: Mode[] = ['diff', 'push', 'history-patches', 'history-blobs'];
/** Commit modes, plus the two that compare trees and attribute nothing to a commit: `--diff A..B` and staged. */
export const ALL_MODES: Mode[] = [...COMMIT_MODES, 'tree-diff', 'staged'];
export const attributes = (mode: Mode) => COMMIT_MODES.includes(mode);

/** A repository with a base commit on main and a pull request's commits on `pr`, as a hostile contributor made them. */
export class PullRequestRepo {
  readonly repo = new TestRepo();
  base: string;
  head = '';

  constructor(baseFiles: Record<string, string | Buffer> = { 'README.md': '# app\n' }) {
    this.base = this.repo.commit('base', baseFiles);
    this.repo.git('checkout', '-q', '-b', 'pr');
  }

  commit(message: string, files: Record<string, string | Buffer | null> = {}): string {
    this.head = this.repo.commit(message, files);
    return this.head;
  }

  /** Runs one mode the way its caller would: the PR range, the push, the whole history, or the PR's change staged. */
  async scan(mode: Mode, scanner: Scanner, maxBlobSize?: number): Promise<GitSourceResult> {
    const common = { repoDir: this.repo.dir, scanner, ...(maxBlobSize ? { maxBlobSize } : {}) };
    if (mode === 'diff') return scanDiff({ ...common, base: this.base, head: this.head });
    if (mode === 'push') return scanPush({ ...common, before: this.base, after: this.head });
    if (mode === 'history-patches') return scanHistory({ ...common, strategy: 'patches' });
    if (mode === 'history-blobs') return scanHistory({ ...common, strategy: 'blobs' });
    if (mode === 'tree-diff') return scanTreeDiff({ ...common, base: this.base, head: this.head });
    // The PR's whole change, staged on top of the base (then put back).
    this.repo.git('reset', '-q', '--soft', this.base);
    try {
      return await scanStaged(common);
    } finally {
      this.repo.git('reset', '-q', '--soft', this.head);
    }
  }

  cleanup(): void {
    this.repo.cleanup();
  }
}

export const where = (findings: readonly Finding[]) => findings.map((f) => `${f.path}:${f.line}`).sort();
export const unscanned = (notices: readonly ScanNotice[]) => notices.filter((n) => n.unscanned);

/** No result carries the raw secret (only its redacted form and fingerprint). */
export function expectNoRaw(result: unknown, secrets: string[]): void {
  const text = JSON.stringify(result);
  for (const secret of secrets) if (text.includes(secret)) throw new Error(`raw secret in the result: ${secret.slice(0, 4)}…`);
}
