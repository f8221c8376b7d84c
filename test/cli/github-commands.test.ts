import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoFromRemote } from '../../src/cli/github.js';
import { TestRepo } from '../helpers/git.js';
import { NODE } from '../action/harness.js';
import { startGovernanceServer, type GovernanceFake } from '../servers/github-governance.js';

const CLI = resolve('dist/cli/index.js');

/** Runs the CLI bundle asynchronously, so the loopback API in this process can answer it. */
function keyward(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(NODE, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, NO_COLOR: '1', KEYWARD_GITHUB_RETRY_BASE_MS: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const WORKFLOW = 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n';

let api: GovernanceFake | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

describe('keyward commands that read the GitHub API (bundle, loopback API)', () => {
  it('inventory init drafts entries for listed secrets no workflow uses, with the repository taken from origin', async () => {
    api = await startGovernanceServer({ tokens: { 'repo-token': 'repo' } });
    api.repoSecrets.push({ name: 'NPM_TOKEN', created_at: '2026-01-02T00:00:00Z', updated_at: '2026-01-02T00:00:00Z' }, { name: 'LEGACY_FTP_PASSWORD', created_at: '2021-05-01T00:00:00Z', updated_at: '2021-05-01T00:00:00Z' });
    const repo = new TestRepo();
    repo.commit('init', { '.github/workflows/deploy.yml': WORKFLOW });
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/app.git');
    const run = await keyward(['inventory', 'init', '.'], repo.dir, { GITHUB_TOKEN: 'repo-token', GITHUB_API_URL: api.url });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('2 secret(s) of acme/app listed through the API');
    const draft = readFileSync(join(repo.dir, '.github/nhi.yml'), 'utf8');
    expect(draft).toContain('NPM_TOKEN');
    expect(draft).toContain('LEGACY_FTP_PASSWORD');
    expect(run.stdout + run.stderr).not.toContain('repo-token');
  });

  it('audit-secrets reports orphaned, over-age and missing secrets and fails on --fail-on medium', async () => {
    api = await startGovernanceServer({ tokens: { 'repo-token': 'repo' } });
    api.repoSecrets.push({ name: 'LEGACY_FTP_PASSWORD', created_at: '2021-05-01T00:00:00Z', updated_at: '2021-05-01T00:00:00Z' });
    const repo = new TestRepo();
    repo.commit('init', { '.github/workflows/deploy.yml': WORKFLOW });
    const env = { GITHUB_TOKEN: 'repo-token', GITHUB_API_URL: api.url };
    const text = await keyward(['audit-secrets', '.', '--repo', 'acme/app'], repo.dir, env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/orphaned: repository secret LEGACY_FTP_PASSWORD is used by no workflow/);
    expect(text.stdout).toMatch(/too-old: repository secret LEGACY_FTP_PASSWORD was last set 2021-05-01/);
    expect(text.stdout).toMatch(/missing: secrets\.NPM_TOKEN is referenced by/);
    const json = await keyward(['audit-secrets', '.', '--repo', 'acme/app', '--format', 'json', '--fail-on', 'medium'], repo.dir, env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((f: { kind: string }) => f.kind).sort()).toEqual(['missing', 'no-owner', 'orphaned', 'too-old']);
  });

  it('audit-secrets without a token, or with one that cannot list secrets, says what is needed', async () => {
    const repo = new TestRepo();
    repo.commit('init', { 'a.txt': 'x\n' });
    const none = await keyward(['audit-secrets', '.', '--repo', 'acme/app'], repo.dir, {});
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('set GITHUB_TOKEN');
    api = await startGovernanceServer({ tokens: { 'workflow-token': 'workflow' } });
    const denied = await keyward(['audit-secrets', '.', '--repo', 'acme/app'], repo.dir, { GITHUB_TOKEN: 'workflow-token', GITHUB_API_URL: api.url });
    expect(denied.code).toBe(0);
    expect(denied.stdout).toContain('secrets: read');
  });

  it('inventory check names file, line and field of every problem and exits 1 on errors', async () => {
    const repo = new TestRepo();
    repo.commit('init', { '.github/nhi.yml': 'version: 1\nidentities:\n  - name: NPM_TOKEN\n    kind: repository-secret\n    owner: "@acme/web"\n    purpose: publish\n    max-age: forever\n' });
    const run = await keyward(['inventory', 'check', '.'], repo.dir, {});
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\.github\/nhi\.yml:7: error: identities\[0\]\.max-age: /m);
    repo.write('.github/nhi.yml', 'version: 1\nidentities:\n  - name: NPM_TOKEN\n    kind: repository-secret\n    owner: "@acme/web"\n    purpose: publish\n    max-age: 90d\n    revoke: https://www.npmjs.com/settings/tokens\n');
    const ok = await keyward(['inventory', 'check', '.'], repo.dir, {});
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toContain('.github/nhi.yml: 1 identities, 0 error(s)');
  });

  it('reads owner/name from GitHub remote URLs', () => {
    expect(repoFromRemote('https://github.com/acme/app.git')).toBe('acme/app');
    expect(repoFromRemote('git@github.com:acme/app.git\n')).toBe('acme/app');
    expect(repoFromRemote('ssh://git@github.example.com/acme/my.app')).toBe('acme/my.app');
    expect(repoFromRemote('https://x-access-token:abc@github.com/acme/app')).toBe('acme/app');
    expect(repoFromRemote('/srv/git/app.git')).toBeUndefined();
  });
});
