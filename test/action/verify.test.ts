import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { mdText } from '../../src/report/markdown.js';
import { TestRepo } from '../helpers/git.js';
import { startStsIdentityServer } from '../servers/aws-sts.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { startLoopbackServer, type LoopbackServer } from '../servers/http.js';
import { awsEnvFile, githubToken, iamUser } from '../verify/fixtures.js';
import { ACTION_TOKEN, pullRequestEvent, runAction } from './harness.js';

/** GitHub's GET /user for the verifier: the live token answers its login and expiry header; any other is revoked. */
function githubIdentity(live: string, expiration: string) {
  return startLoopbackServer([
    {
      method: 'GET',
      path: '/user',
      handler: (req) =>
        req.headers.authorization === `Bearer ${live}`
          ? { headers: { 'x-oauth-scopes': 'repo', 'github-authentication-token-expiration': expiration }, body: { login: 'release-bot', id: 7, type: 'User' } }
          : { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } },
    },
  ]);
}

describe('the Action verifies a pull request\'s findings with their providers (loopback stand-ins)', () => {
  let fake: GitHubFake;
  let identity: LoopbackServer;
  const live = githubToken();
  const revoked = githubToken();
  const user = iamUser('deploy-bot', '210987654321');
  let sts: LoopbackServer;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
    sts = await startStsIdentityServer([user]);
    identity = await githubIdentity(live, '2027-02-01 09:30:00 UTC');
  });
  afterAll(async () => {
    await Promise.all([fake.close(), sts.close(), identity.close()]);
  });

  const endpoints = () => JSON.stringify({ aws: sts.url, github: identity.url });

  it('shows the active AWS key with its IAM identity as owner, the revoked token inactive, and the live token\'s expiry', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const headSha = repo.commit('deploy config', { 'deploy/prod.env': awsEnvFile(user), 'ci/old-token.txt': `GH_TOKEN=${revoked}\n`, 'ci/release.env': `RELEASE_TOKEN=${live}\n` });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 51, baseSha, headSha }), apiUrl: fake.url, inputs: { verify: 'auto' }, env: { KEYWARD_VERIFY_ENDPOINTS: endpoints() } });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('Verified 4 finding(s) with their providers (3 call(s)): 3 active, 1 inactive, 0 unknown.');

    const comment = (fake.comments.get(51) ?? []).find((c) => c.body.includes(PR_COMMENT_MARKER))!.body;
    expect(comment).toContain('🚨 **3 verified active**');
    expect(comment).toMatch(/🚨 \*\*ACTIVE\*\* AWS secret access key/);
    expect(comment).toContain(`owner ${mdText(user.arn)} (provider identity)`);
    expect(comment).toContain(mdText('inactive per github (HTTP 401 (bad credentials))'));
    expect(comment).toContain('expires 2027-02-01');
    expect(comment).toContain(mdText('ACTIVE per github: release-bot, expires 2027-02-01, scopes repo'));

    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { runs: { results: { level: string; properties: { verification?: { status: string } } }[] }[] };
    const results = sarif.runs[0]!.results;
    expect(results.filter((r) => r.properties.verification?.status === 'active').every((r) => r.level === 'error')).toBe(true);
    expect(results.map((r) => r.properties.verification?.status).sort()).toEqual(['active', 'active', 'active', 'inactive']);

    // No raw secret in anything published, and each reached only its own provider's stand-in.
    // The runner reads `::add-mask::` lines and never shows them: every secret verified is masked that way.
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
    const stdout = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');
    for (const secret of [user.secretAccessKey, user.accessKeyId, live, revoked]) expect(masks).toContain(`::add-mask::${secret}`);
    const published = [stdout, run.stderr, run.outputFile, run.summary, readFileSync(run.outputs['sarif-file']!, 'utf8'), ...fake.server.requests.map((r) => JSON.stringify(r))];
    for (const secret of [user.secretAccessKey, user.accessKeyId, live, revoked]) for (const text of published) expect(text.includes(secret), `raw secret in: ${text.slice(0, 120)}`).toBe(false);
    expect(JSON.stringify(sts.requests)).not.toMatch(new RegExp(`${live}|${revoked}|${user.secretAccessKey.replace(/[+/]/g, '\\$&')}`));
    expect(JSON.stringify(identity.requests)).not.toContain(user.secretAccessKey);
    expect(JSON.stringify(identity.requests)).not.toContain(user.accessKeyId);
  });

  it('does not verify a fork\'s pull request unless the base config allows it, and fails only on active ones with fail-on-active', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const headSha = repo.commit('fork change', { 'deploy/prod.env': awsEnvFile(user) });
    const before = sts.requests.length;
    const fork = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 52, baseSha, headSha, headRepo: 'mallory/app' }), apiUrl: fake.url, inputs: { verify: 'true' }, env: { KEYWARD_VERIFY_ENDPOINTS: endpoints() } });
    expect(fork.log).toMatch(/Verification: 2 finding\(s\) not verified: this pull request comes from a fork/);
    expect(sts.requests.length).toBe(before);

    const allowed = new TestRepo();
    const base2 = allowed.commit('base', { '.keyward.yml': 'verify:\n  forks: true\n' });
    const head2 = allowed.commit('fork change', { 'ci/old-token.txt': `GH_TOKEN=${revoked}\n` });
    const run = await runAction({ workspace: allowed.dir, event: pullRequestEvent({ number: 53, baseSha: base2, headSha: head2, headRepo: 'mallory/app' }), apiUrl: fake.url, inputs: { verify: 'auto', 'fail-on-active': 'true' }, env: { KEYWARD_VERIFY_ENDPOINTS: endpoints() } });
    expect(run.log).toContain('1 inactive');
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
  });

  it('fails clearly on a malformed KEYWARD_VERIFY_ENDPOINTS', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const headSha = repo.commit('x', { 'ci/old-token.txt': `GH_TOKEN=${revoked}\n` });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 54, baseSha, headSha }), apiUrl: fake.url, inputs: { verify: 'true' }, env: { KEYWARD_VERIFY_ENDPOINTS: '{"gitlub":"https://x.test"}' } });
    expect(run.code).not.toBe(0);
    expect(run.log).toContain('KEYWARD_VERIFY_ENDPOINTS names "gitlub", which is no verifier\'s id');
  });
});
