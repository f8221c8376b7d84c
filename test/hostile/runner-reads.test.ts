import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { ACTION_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../action/harness.js';

const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const awsKey = () => 'AKIA' + randomFrom(AWS_ALPHABET, 16);
/** The Action's heap is capped: `.github/CODEOWNERS -> /dev/zero` read whole would blow through it and abort the job. */
const MEMORY_CAP = { NODE_OPTIONS: '--max-old-space-size=256' };

/** A file on the runner, outside the workspace, that looks like policy: if any of it shows up, it was read. */
function runnerFile(): { path: string; canary: string } {
  const canary = randomFrom(ALNUM, 32);
  const dir = mkdtempSync(join(tmpdir(), 'keyward-runner-file-'));
  const path = join(dir, 'credentials.yml');
  writeFileSync(path, `version: 1\nidentities:\n  - name: ${canary}\n    owner: "@${canary}"\n    kind: token\n* @${canary}\n`);
  return { path, canary };
}

function everything(run: ActionRun): string {
  const sarif = run.outputs['sarif-file'] ? readFileSync(run.outputs['sarif-file'], 'utf8') : '';
  return [run.log, run.summary, run.outputFile, sarif].join('\n');
}

describe('hostile work tree: policy files are read without following links, blocking or growing memory', () => {
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('a PR replacing CODEOWNERS, the inventory and a workflow with links (to /dev/zero, to runner files) gets a verdict, and owners come from the base', async () => {
    const outside = runnerFile();
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { '.github/CODEOWNERS': '* @acme/owners\n', 'README.md': '# app\n' });
    repo.remove('.github/CODEOWNERS');
    symlinkSync('/dev/zero', join(repo.dir, '.github/CODEOWNERS'));
    symlinkSync(outside.path, join(repo.dir, '.github/nhi.yml'));
    mkdirSync(join(repo.dir, '.github/workflows'), { recursive: true });
    symlinkSync(outside.path, join(repo.dir, '.github/workflows/ci.yml'));
    const key = awsKey();
    const headSha = repo.commit('links', { 'src/keys.ts': `export const id = "${key}";\n` });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 51, baseSha, headSha }), apiUrl: fake.url, env: MEMORY_CAP });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.summary).toContain('acme/owners');
    const published = everything(run);
    expect(published).not.toContain(outside.canary);
    expect(published).not.toContain(key);
  });

  it('a PR that rewrites CODEOWNERS and the inventory cannot choose to whom its own leak is attributed', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { '.github/CODEOWNERS': '* @acme/owners\n', 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('reassign', {
      '.github/CODEOWNERS': '* @chosen-by-the-pr\n',
      '.github/nhi.yml': 'version: 1\nidentities:\n  - name: AWS_ACCESS_KEY_ID\n    kind: repository-secret\n    owner: "@chosen-by-the-pr"\n    purpose: p\n    revoke: r\n',
      'src/keys.ts': `export const id = "${key}";\n`,
    });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 52, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.summary).toContain('acme/owners');
    expect(run.summary).not.toContain('chosen-by-the-pr');
    const comment = (fake.comments.get(52) ?? []).map((c) => c.body).join('\n');
    expect(comment).not.toContain('chosen-by-the-pr');
  });

  it('on push, links, a FIFO and a device in place of policy files are refused by the safe reader, and the scan completes', async () => {
    const outside = runnerFile();
    const repo = new TestRepo();
    const before = repo.commit('base', { 'README.md': '# app\n' });
    mkdirSync(join(repo.dir, '.github/workflows'), { recursive: true });
    symlinkSync('/dev/zero', join(repo.dir, '.github/CODEOWNERS'));
    symlinkSync(outside.path, join(repo.dir, '.github/nhi.yml'));
    symlinkSync(outside.path, join(repo.dir, '.github/workflows/ci.yml'));
    const key = awsKey();
    const after = repo.commit('links', { 'src/keys.ts': `export const id = "${key}";\n` });
    // Not committable, but present in the checkout a later step could have made: a FIFO where CODEOWNERS is looked for.
    execFileSync('mkfifo', [join(repo.dir, 'CODEOWNERS')]);
    rmSync(join(repo.dir, '.github/CODEOWNERS'));
    execFileSync('mkfifo', [join(repo.dir, '.github/CODEOWNERS')]);
    const run = await runAction({ workspace: repo.dir, eventName: 'push', event: { before, after }, apiUrl: fake.url, env: MEMORY_CAP });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.summary).toMatch(/nhi.*not read\\?: a symbolic link/); // the summary escapes the message's punctuation
    const published = everything(run);
    expect(published).not.toContain(outside.canary);
    expect(published).not.toContain(key);
  });

  it('a config file that is a link fails the run with the path and the reason, instead of being followed', async () => {
    const outside = runnerFile();
    const repo = new TestRepo();
    const before = repo.commit('base', { 'README.md': '# app\n' });
    symlinkSync(outside.path, join(repo.dir, '.keyward.yml'));
    const after = repo.commit('linked config', { 'src/app.ts': 'export const ok = 1;\n' });
    const run = await runAction({ workspace: repo.dir, eventName: 'push', event: { before, after }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/::error::Keyward: .*\.keyward\.yml: not read: a symbolic link/);
    expect(run.log).not.toContain(outside.canary);
  });

  it('a config input outside the workspace is read from disk on a pull request (and a missing one fails with its path)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-org-config-'));
    const config = join(dir, 'keyward.yml');
    writeFileSync(config, 'rules:\n  disable: [aws-access-key-id]\n');
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('key', { 'src/keys.ts': `export const id = "${key}";\n` });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 53, baseSha, headSha }), inputs: { config, comment: 'false' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain(`Config: ${config}.`);
    expect(run.outputs).toMatchObject({ findings: '0', verdict: 'pass' });

    const missing = join(dir, 'nowhere.yml');
    const failed = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 53, baseSha, headSha }), inputs: { config: missing, comment: 'false' }, apiUrl: fake.url });
    expect(failed.code, failed.log).toBe(1);
    expect(failed.log).toContain(`${missing}: not read: no such file`);
  });
});
