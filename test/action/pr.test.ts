import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { ACTION_TOKEN, pullRequestEvent, pushEvent, runAction, type ActionRun } from './harness.js';
import { mdText } from '../../src/report/markdown.js';

const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const awsKey = () => 'AKIA' + randomFrom(AWS_ALPHABET, 16);

/** Everything the Action let out: logs, outputs, summary, SARIF, and every comment body the fake received. */
function everythingPublished(run: ActionRun, fake: GitHubFake): string[] {
  const sarifPath = run.outputs['sarif-file'];
  const sarif = sarifPath ? readFileSync(sarifPath, 'utf8') : '';
  const requestBodies = fake.server.requests.map((r) => r.body);
  return [run.stdout, run.stderr, run.outputFile, run.summary, sarif, ...requestBodies];
}

function expectNoRaw(run: ActionRun, fake: GitHubFake, secrets: string[]): void {
  const published = everythingPublished(run, fake);
  for (const secret of secrets) for (const text of published) expect(text.includes(secret), `raw secret leaked into: ${text.slice(0, 200)}`).toBe(false);
}

function markerComments(fake: GitHubFake, issue: number) {
  return (fake.comments.get(issue) ?? []).filter((c) => c.body.includes(PR_COMMENT_MARKER));
}

describe('the Action bundle on pull requests, against a loopback GitHub API', () => {
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('passes a clean PR without commenting', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const headSha = repo.commit('feature', { 'src/app.ts': 'export const answer = 42;\n' });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 1, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', 'new-findings': '0', 'long-lived': '0', verdict: 'pass' });
    expect(run.log).toContain('scanning pull request #1');
    expect(fake.calls(/\/issues\/1\/comments$/, 'POST')).toHaveLength(0);
    expect(markerComments(fake, 1)).toHaveLength(0);
    expect(run.summary).toContain('Keyward: ✅ pass');
    expect(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')).runs[0].results).toEqual([]);
  });

  it('scans a merge queue group (merge_group) as the diff between its base and head, without commenting', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('queued PRs', { 'ops/keys.env': `AWS_ACCESS_KEY_ID=${key}\n` });
    const event = { merge_group: { base_sha: baseSha, head_sha: headSha, base_ref: 'refs/heads/main', head_ref: 'refs/heads/gh-readonly-queue/main/pr-9-abc' } };
    const run = await runAction({ workspace: repo.dir, event, eventName: 'merge_group', apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain(`scanning ${baseSha.slice(0, 7)}...${headSha.slice(0, 7)}`);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(fake.server.requests.filter((r) => r.method === 'POST' && /comments/.test(r.path))).toHaveLength(0);
    expectNoRaw(run, fake, [key]);
  });

  it('blocks a PR on the workflows it changes, and reports untouched ones in the summary without blocking', async () => {
    const repo = new TestRepo();
    const staticKeys = (name: string) =>
      `on: push\njobs:\n  ${name}:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n`;
    const baseSha = repo.commit('base', { 'README.md': '# app\n', '.github/workflows/legacy.yml': staticKeys('legacy') });
    const headSha = repo.commit('add a deploy workflow', { '.github/workflows/deploy.yml': staticKeys('deploy') });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 31, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs['workflow-findings']).toBe('2');
    expect(run.log).toContain('1 workflow audit finding(s) at or above high');
    expect(run.log).toMatch(/::error title=Workflow audit%3A workflow-aws-static-keys \(high\),file=\.github\/workflows\/deploy\.yml/);
    expect(run.log).toMatch(/::warning title=Workflow audit%3A workflow-aws-static-keys \(high\),file=\.github\/workflows\/legacy\.yml/);
    const [comment] = markerComments(fake, 31);
    expect(comment!.body).toContain('### Workflow audit');
    expect(comment!.body).toContain('.github/workflows/deploy.yml');
    expect(comment!.body).not.toContain('.github/workflows/legacy.yml');
    expect(comment!.body).toContain('aws-role-arn:');
    expect(run.summary).toContain('.github/workflows/legacy.yml');

    const cleanHead = repo.commit('unrelated change', { 'src/app.ts': 'export const ok = true;\n' });
    const later = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 32, baseSha: headSha, headSha: cleanHead }), apiUrl: fake.url });
    expect(later.code, later.log).toBe(0);
    expect(later.outputs).toMatchObject({ 'workflow-findings': '2', verdict: 'pass' });
  });

  it('fails a PR adding a long-lived AWS key, keeps one comment through pushes, and resolves it when the PR is clean', async () => {
    // Comments by people come first, so Keyward's comment sits on the second page of the listing.
    for (let i = 0; i < 105; i++) fake.addComment(2, `review remark ${i}`, 'reviewer');
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n', '.github/CODEOWNERS': '* @acme/everyone\n/src/ @acme/platform\n' });
    const first = awsKey();
    const head1 = repo.commit('add deploy config', { 'src/deploy.ts': `export const keyId = "${first}";\n` }, { author: 'Dana Dev', email: 'dana@example.com' });

    const run1 = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 2, baseSha, headSha: head1 }), apiUrl: fake.url });
    expect(run1.code, run1.log).toBe(1);
    expect(run1.outputs).toMatchObject({ findings: '1', 'new-findings': '1', 'long-lived': '1', verdict: 'fail' });
    expect(run1.log).toMatch(/::error title=AWS IAM user access key ID \(long-lived\),file=src\/deploy.ts,line=1,endLine=1,col=\d+/);
    expect(run1.log).toContain('PR comment created');
    const [comment] = markerComments(fake, 2);
    expect(markerComments(fake, 2)).toHaveLength(1);
    expect(comment!.body).toContain('Keyward: ❌ fail');
    expect(comment!.body).toContain(`[${mdText('src/deploy.ts:1')}](https://github.test/acme/app/blob/${head1}/src/deploy.ts#L1)`);
    expect(comment!.body).toContain('until revoked');
    expect(comment!.body).toContain('Rule `aws-access-key-id` · AWS · high');
    expect(comment!.body).toContain(`owner ${mdText('@acme/platform')} (CODEOWNERS)`);
    expect(comment!.body).toMatch(/rotate by \d{4}\\-\d{2}\\-\d{2}/);
    expect(comment!.body).toContain('[Revoke](https://console.aws.amazon.com/iam/home#/security_credentials)');
    expect(comment!.body).toContain('aws\\-role\\-arn');
    expect(comment!.body).toContain('https://github.test/acme/app/actions/runs/4242');
    const sarif = JSON.parse(readFileSync(run1.outputs['sarif-file']!, 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0].ruleId).toBe('aws-access-key-id');
    expect(run1.summary).toContain(`[${mdText('src/deploy.ts:1')}](https://github.test/acme/app/blob/${head1}/src/deploy.ts#L1)`);
    expect(run1.summary).toContain('Keyward: ❌ fail');
    // Listing went past page one to find the existing comments.
    expect(fake.calls(/\/issues\/2\/comments$/, 'GET').some((r) => r.query.get('page') === '2')).toBe(true);
    for (const request of fake.server.requests) expect(request.headers.authorization).toBe(`token ${ACTION_TOKEN}`);

    const second = awsKey();
    const head2 = repo.commit('add worker config', { 'src/worker.ts': `export const workerKey = "${second}";\n` }, { author: 'Dana Dev', email: 'dana@example.com' });
    const posts = fake.calls(/\/issues\/2\/comments$/, 'POST').length;
    const run2 = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 2, baseSha, headSha: head2 }), apiUrl: fake.url });
    expect(run2.code, run2.log).toBe(1);
    expect(run2.outputs.findings).toBe('2');
    expect(run2.log).toContain('PR comment updated');
    expect(fake.calls(/\/issues\/2\/comments$/, 'POST').length).toBe(posts);
    expect(fake.calls(new RegExp(`/issues/comments/${comment!.id}$`), 'PATCH')).toHaveLength(1);
    expect(markerComments(fake, 2)).toHaveLength(1);
    expect(markerComments(fake, 2)[0]!.id).toBe(comment!.id);
    expect(markerComments(fake, 2)[0]!.body).toContain(mdText('src/worker.ts:1'));

    // The author rewrites the branch without the keys (force push): the PR is clean again.
    repo.git('checkout', '-q', '-b', 'rewritten', baseSha);
    const head3 = repo.commit('deploy config from OIDC', { 'src/deploy.ts': 'export const roleArn = process.env.ROLE_ARN;\n' });
    const run3 = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 2, baseSha, headSha: head3 }), apiUrl: fake.url });
    expect(run3.code, run3.log).toBe(0);
    expect(run3.outputs.verdict).toBe('pass');
    expect(run3.log).toContain('PR comment resolved');
    expect(markerComments(fake, 2)).toHaveLength(1);
    expect(markerComments(fake, 2)[0]!.id).toBe(comment!.id);
    expect(markerComments(fake, 2)[0]!.body).toContain('Keyward: ✅ resolved');
    expect(fake.comments.get(2)!.filter((c) => !c.body.includes(PR_COMMENT_MARKER))).toHaveLength(105);

    for (const run of [run1, run2, run3]) expectNoRaw(run, fake, [first, second]);
  });

  it('comments on identity changes even without secrets: a job newly granted id-token: write', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n', '.github/CODEOWNERS': '/.github/ @acme/ci-owners\n' });
    const workflow = ['name: deploy', 'on: push', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    permissions:', '      id-token: write', '      contents: read', '    steps:', '      - run: echo deploy', ''].join('\n');
    const headSha = repo.commit('deploy with OIDC', { '.github/workflows/deploy.yml': workflow });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 10, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    const [comment] = markerComments(fake, 10);
    expect(comment?.body).toContain('Keyward: ✅ pass');
    expect(comment?.body).toContain('### Ownership and expiry');
    expect(comment?.body).toContain('Newly granted id-token: write');
    expect(comment?.body).toContain(`https://github.test/acme/app/blob/${headSha}/.github/workflows/deploy.yml#L`);
    expect(comment?.body).toContain(mdText('@acme/ci-owners'));
  });

  it('survives a read-only token on a fork PR: no comment, a log on pull_request_target, summary and SARIF intact', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('fork change', { 'config/prod.env': `AWS_ACCESS_KEY_ID=${key}\n` });
    fake.readOnly = true;
    try {
      const run = await runAction({
        workspace: repo.dir,
        event: pullRequestEvent({ number: 3, baseSha, headSha, headRepo: 'outsider/app' }),
        inputs: { 'fail-on': 'critical', 'block-long-lived': 'false' },
        apiUrl: fake.url,
      });
      expect(run.code, run.log).toBe(0);
      expect(run.outputs).toMatchObject({ findings: '1', verdict: 'pass' });
      expect(fake.calls(/\/issues\/3\/comments$/, 'POST').length).toBeGreaterThan(0);
      expect(markerComments(fake, 3)).toHaveLength(0);
      expect(run.log).toContain('Resource not accessible by integration');
      expect(run.log).toContain('`pull-requests: write`');
      expect(run.log).toContain('comes from a fork');
      expect(run.log).toContain('pull_request_target');
      expect(run.log).toMatch(/::error title=AWS IAM user access key ID/);
      expect(run.summary).toContain(mdText('config/prod.env:1'));
      expect(run.summary).toContain('pull_request_target');
      expect(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')).runs[0].results).toHaveLength(1);
      expectNoRaw(run, fake, [key]);
    } finally {
      fake.readOnly = false;
    }
  });

  it('retries a 500 and then succeeds', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('key', { 'a.env': `KEY_ID=${key}\n` });
    fake.server.injectFault({ method: 'POST', pathPattern: /\/issues\/4\/comments$/, times: 1, reply: { status: 500, body: { message: 'Server Error' } } });
    fake.server.injectFault({ method: 'GET', pathPattern: /\/issues\/4\/comments$/, times: 2, reply: { status: 502, body: 'Bad Gateway' } });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 4, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('PR comment created');
    expect(fake.calls(/\/issues\/4\/comments$/, 'GET')).toHaveLength(3);
    expect(run.log).toMatch(/GitHub API answered 502 on GET/);
    expect(run.log).toMatch(/GitHub API answered 500 on POST/);
    expect(fake.calls(/\/issues\/4\/comments$/, 'POST')).toHaveLength(2);
    expect(markerComments(fake, 4)).toHaveLength(1);
    expectNoRaw(run, fake, [key]);
  });

  it('waits out primary and secondary rate limits', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('key', { 'b.env': `KEY_ID=${key}\n` });
    const reset = String(Math.floor(Date.now() / 1000));
    fake.server.injectFault({
      method: 'GET',
      pathPattern: /\/issues\/5\/comments$/,
      times: 1,
      reply: { status: 403, headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'core' }, body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' } },
    });
    fake.server.injectFault({
      method: 'POST',
      pathPattern: /\/issues\/5\/comments$/,
      times: 1,
      reply: { status: 429, headers: { 'retry-after': '0' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' } },
    });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 5, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/GitHub API rate limit on GET/);
    expect(run.log).toMatch(/GitHub API (secondary rate limit|answered 429) on POST/);
    expect(run.log).toContain('PR comment created');
    expect(markerComments(fake, 5)).toHaveLength(1);
    expectNoRaw(run, fake, [key]);
  });

  it('puts 120 findings on a Keyward check run, 50 annotations per request', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const keys = Array.from({ length: 120 }, awsKey);
    const headSha = repo.commit('many keys', { 'fixtures/keys.txt': keys.map((k, i) => `key_${i} = ${k}`).join('\n') + '\n' });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 6, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs.findings).toBe('120');
    // Each line annotated once: all 120 on the check run, none as workflow commands.
    expect(run.log.match(/^::error /gm)).toBeNull();
    expect(run.log).toContain('120 annotations: the runner shows only 10 per kind per step; creating a check run with all of them');
    expect(run.log).toContain('All 120 annotations are on the "Keyward" check run (3 request(s) of up to 50)');
    const posts = fake.calls(/\/check-runs$/, 'POST');
    const patches = fake.calls(/\/check-runs\/\d+$/, 'PATCH');
    expect(posts).toHaveLength(1);
    expect(patches).toHaveLength(2);
    const counts = [...posts, ...patches].map((r) => (JSON.parse(r.body) as { output: { annotations?: unknown[] } }).output.annotations?.length ?? 0);
    expect(counts).toEqual([50, 50, 20]);
    const check = fake.checkRuns.find((r) => r.head_sha === headSha)!;
    expect(check).toMatchObject({ name: 'Keyward', status: 'completed', conclusion: 'failure' });
    expect(check.annotations).toHaveLength(120);
    expect(new Set(check.annotations.map((a) => a.start_line)).size).toBe(120);
    expect(check.annotations.every((a) => a.path === 'fixtures/keys.txt' && a.annotation_level === 'failure')).toBe(true);
    expect(markerComments(fake, 6)).toHaveLength(1);
    expect(markerComments(fake, 6)[0]!.body.length).toBeLessThanOrEqual(65536);
    expectNoRaw(run, fake, keys);
  });

  it('names checks: write when the token may not create the check run, and still reports', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    const headSha = repo.commit('key', { 'c.env': `KEY_ID=${key}\n` });
    fake.server.injectFault({ method: 'POST', pathPattern: /\/check-runs$/, times: 1, reply: { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/checks/runs#create-a-check-run' } } });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 7, baseSha, headSha }), inputs: { 'check-run': 'always' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('`checks: write`');
    expect(run.summary).toContain('`checks: write`');
    expect(markerComments(fake, 7)).toHaveLength(1);
    expectNoRaw(run, fake, [key]);
  });
});

describe('the Action bundle on a shallow checkout and on pushes', () => {
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('deepens a depth-1 PR checkout to the merge base instead of needing fetch-depth: 0', async () => {
    const origin = new TestRepo();
    for (let i = 0; i < 30; i++) origin.commit(`history ${i}`, { [`docs/${i}.md`]: `page ${i}\n` });
    const baseSha = origin.head();
    origin.git('checkout', '-q', '-b', 'feature');
    const key = awsKey();
    origin.commit('feature 1', { 'src/one.ts': `export const one = "${key}";\n` }, { author: 'Fay Feature', email: 'fay@example.com' });
    const headSha = origin.commit('feature 2', { 'src/two.ts': 'export const two = 2;\n' });
    origin.git('checkout', '-q', 'main');
    origin.commit('main moves on', { 'docs/later.md': 'later\n' });
    const checkout = new TestRepo(join(origin.dir, '..', `${basename(origin.dir)}-shallow`));
    execFileSync('git', ['clone', '-q', '--depth=1', '--branch', 'feature', `file://${origin.dir}`, checkout.dir]);
    expect(checkout.git('rev-parse', '--is-shallow-repository')).toBe('true');

    const run = await runAction({ workspace: checkout.dir, event: pullRequestEvent({ number: 8, baseSha, headSha }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/Deepened the shallow checkout by \d+ commits/);
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toContain(mdText('src/one.ts:1'));
    expect(fake.comments.get(8)?.[0]?.body).toContain('by Fay Feature');
    expectNoRaw(run, fake, [key]);
  });

  it('judges a PR by the base commit\'s config and baseline, so the PR cannot switch its own check off', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { '.keyward.yml': 'fail-on: high\n', 'keyward-baseline.txt': '# accepted\n' });
    const key = awsKey();
    const headSha = repo.commit('sneaky', {
      'src/keys.ts': `export const id = "${key}";\n`,
      '.keyward.yml': 'fail-on: critical\nblock-long-lived: false\nrules:\n  disable: [aws-access-key-id]\nallowlist:\n  values: ["AKIA.*"]\n',
      'keyward-baseline.txt': 'f'.repeat(64) + '\n',
    });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 9, baseSha, headSha }), inputs: { baseline: 'keyward-baseline.txt' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', 'new-findings': '1', verdict: 'fail' });
    expect(run.log).toContain(`Config: .keyward.yml as of the base commit ${baseSha.slice(0, 7)}.`);
    expect(run.log).toContain("This pull request changes .keyward.yml; the base commit's version applies until it is merged.");
    expect(run.log).toContain("This pull request changes the baseline keyward-baseline.txt; the base commit's version applies until it is merged.");
    expectNoRaw(run, fake, [key]);
  });

  it('scans the pushed commits on push, without a PR comment', async () => {
    const repo = new TestRepo();
    const before = repo.commit('base', { 'README.md': '# app\n' });
    const key = awsKey();
    repo.commit('push 1', { 'ops/ci.env': `AWS_ACCESS_KEY_ID=${key}\n` });
    const after = repo.commit('push 2', { 'ops/other.txt': 'fine\n' });
    const requestsBefore = fake.server.requests.length;
    const run = await runAction({ workspace: repo.dir, eventName: 'push', event: pushEvent({ before, after }), apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain(`scanning push ${before.slice(0, 7)}..${after.slice(0, 7)}`);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.summary).toContain(mdText('ops/ci.env:1'));
    expect(fake.server.requests.length).toBe(requestsBefore);
    expectNoRaw(run, fake, [key]);
  });
});
