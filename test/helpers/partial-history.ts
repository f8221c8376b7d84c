import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomFrom } from './fake-secrets.js';
import { TestRepo } from './git.js';

export interface PartialHistory {
  /** A partial clone (blob:limit=2k) whose promisor remote is gone: its big blobs cannot be fetched. */
  dir: string;
  /** `path@commit` of every planted key, sorted. */
  expected: string[];
  keys: string[];
  /** The commit whose big blob is missing from the clone. */
  bigCommit: string;
}

/**
 * A history of 6 commits and 150 small files (enough that blob scans start a worker thread), a fake AWS key added
 * in some of them at known commits, and one big file the partial clone never fetched.
 */
export function partialHistory(): PartialHistory {
  const origin = new TestRepo();
  origin.git('config', 'uploadpack.allowFilter', 'true');
  const keys: string[] = [];
  const expected: string[] = [];
  let bigCommit = '';
  for (let round = 0; round < 6; round++) {
    const files: Record<string, string> = {};
    for (let i = 0; i < 25; i++) files[`src/m${round}/f${i}.ts`] = `export const value${i} = ${round * 100 + i};\n`;
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    keys.push(key);
    files[`config/r${round}.env`] = `aws_key = "${key}"\n`;
    if (round === 3) files['data/big.txt'] = 'filler line of a big file\n'.repeat(400);
    const sha = origin.commit(`round ${round}`, files);
    if (round === 3) bigCommit = sha;
    expected.push(`config/r${round}.env@${sha}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'keyward-partial-'));
  execFileSync('git', ['clone', '-q', '--no-checkout', '--filter=blob:limit=2k', `file://${origin.dir}`, dir]);
  execFileSync('git', ['-C', dir, 'remote', 'set-url', 'origin', `file://${origin.dir}-gone`]);
  return { dir, expected: expected.sort(), keys, bigCommit };
}
