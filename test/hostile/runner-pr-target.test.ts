import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { ACTION_TOKEN, pullRequestEvent, runAction } from '../action/harness.js';

const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const awsKey = () => 'AKIA' + randomFrom(AWS_ALPHABET, 16);
const STATIC_KEYS_WORKFLOW = `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n`;

describe('pull_request_target as documented: the base is the workspace, the fork head is only git objects', () => {
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('judges the fork head by the base policy, audits the head workflows from git, and never materialises the head', async () => {
    const origin = new TestRepo();
    const baseSha = origin.commit('base', { '.keyward.yml': 'fail-on: high\n', '.github/CODEOWNERS': '* @acme/owners\n', 'README.md': '# app\n' });
    origin.git('checkout', '-q', '-b', 'fork-feature');
    const key = awsKey();
    symlinkSync('/etc/passwd', join(origin.dir, 'linked.txt'));
    const headSha = origin.commit('fork PR', {
      'src/keys.ts': `export const id = "${key}";\n`,
      '.keyward.yml': 'rules:\n  disable: [aws-access-key-id]\n',
      '.github/CODEOWNERS': '* @fork-chosen\n',
      '.github/workflows/deploy.yml': STATIC_KEYS_WORKFLOW,
    });
    origin.git('checkout', '-q', 'main');

    // What the example does: actions/checkout of the base SHA, then `git fetch` of the PR head into a ref, no checkout.
    const workspace = mkdtempSync(join(tmpdir(), 'keyward-prt-'));
    execFileSync('git', ['clone', '-q', '--no-checkout', `file://${origin.dir}`, workspace]);
    execFileSync('git', ['-C', workspace, 'checkout', '-q', '--detach', baseSha]);
    execFileSync('git', ['-C', workspace, 'fetch', '-q', '--no-tags', 'origin', `+refs/heads/fork-feature:refs/remotes/pull/81/head`]);

    const event = pullRequestEvent({ number: 81, baseSha, headSha, headRepo: 'fork-owner/app' });
    const run = await runAction({ workspace, event, eventName: 'pull_request_target', apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.outputs['workflow-findings']).toBe('1');
    expect(run.summary).toContain('src/keys.ts');
    expect(run.summary).toContain('acme/owners');
    expect(run.summary).not.toContain('fork-chosen');
    expect(run.log).not.toContain(key);
    // The work tree is still the base: nothing of the head was checked out, written or linked there.
    expect(execFileSync('git', ['-C', workspace, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim()).toBe(baseSha);
    expect(execFileSync('git', ['-C', workspace, 'status', '--porcelain'], { encoding: 'utf8' })).toBe('');
    expect(() => lstatSync(join(workspace, 'linked.txt'))).toThrow();
    expect(readFileSync(join(workspace, '.keyward.yml'), 'utf8')).toBe('fail-on: high\n');
  });
});
