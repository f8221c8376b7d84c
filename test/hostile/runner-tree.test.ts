import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { pullRequestEvent, runAction } from '../action/harness.js';

const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const awsKey = () => 'AKIA' + randomFrom(AWS_ALPHABET, 16);

describe('hostile work tree: listing and reading never hang or abort the tree scan', () => {
  it('a tracked file replaced by a FIFO and a tracked path past PATH_MAX are notices (not scanned); the rest is still scanned', async () => {
    const repo = new TestRepo();
    const key = awsKey();
    const baseSha = repo.commit('base', { 'README.md': '# app\n', 'pipe.env': 'PLACEHOLDER=1\n' });
    // A path of 4,400 bytes, longer than PATH_MAX (4096): git's index holds it, no system call can open it.
    const longPath = `${Array.from({ length: 22 }, () => 'd'.repeat(200)).join('/')}/creds.env`;
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: repo.dir, input: 'X=1\n', encoding: 'utf8' }).trim();
    repo.git('update-index', '--add', '--cacheinfo', `100644,${blob},${longPath}`);
    const headSha = repo.commit('more', { 'src/keys.ts': `export const id = "${key}";\n` });
    rmSync(join(repo.dir, 'pipe.env'));
    execFileSync('mkfifo', [join(repo.dir, 'pipe.env')]);
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 61, baseSha, headSha }), inputs: { mode: 'tree', comment: 'false' } });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.log).toContain('pipe.env: a FIFO, not a regular file; not scanned');
    expect(run.log).toMatch(/creds\.env: cannot read \(the path is longer than the system allows\); not scanned/);
    expect(run.log).not.toContain(key);
  });
});
