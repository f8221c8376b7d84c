import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubClient, explainGitHubError, GitHubApiError, publishCheckRun, syncPrComment, PR_COMMENT_MARKER } from '../../src/report/github/index.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';

const TOKEN = 'ghs_unit-test-token';

describe('GitHub publishing against the loopback API', () => {
  let fake: GitHubFake;
  const warnings: string[] = [];
  const log = { info: () => {}, warning: (m: string) => warnings.push(m) };
  const client = () => createGitHubClient({ token: TOKEN, baseUrl: fake.url, log, retryBaseMs: 1, spaceWrites: false });
  const pr = () => ({ owner: 'acme', repo: 'app', number: 11 });
  beforeAll(async () => {
    fake = await startGitHubServer({ token: TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('keeps the first marker comment, deletes duplicates left by concurrent runs, and leaves other comments alone', async () => {
    fake.addComment(11, 'LGTM', 'reviewer');
    const keep = fake.addComment(11, `${PR_COMMENT_MARKER}\nold`);
    const duplicate = fake.addComment(11, `${PR_COMMENT_MARKER}\nolder run`);
    const outcome = await syncPrComment(client(), pr(), { body: `${PR_COMMENT_MARKER}\nnew` }, log);
    expect(outcome).toMatchObject({ action: 'updated', id: keep.id });
    expect(fake.comments.get(11)!.map((c) => c.body)).toEqual(['LGTM', `${PR_COMMENT_MARKER}\nnew`]);
    expect(fake.comments.get(11)!.some((c) => c.id === duplicate.id)).toBe(false);
    // Clean again: edited to resolved once; a later clean run does not touch it.
    expect(await syncPrComment(client(), pr(), { resolvedBody: `${PR_COMMENT_MARKER}\n### 🔑 Keyward: ✅ resolved` }, log)).toMatchObject({ action: 'resolved' });
    const patches = fake.calls(/\/issues\/comments\/\d+$/, 'PATCH').length;
    await syncPrComment(client(), pr(), { resolvedBody: `${PR_COMMENT_MARKER}\n### 🔑 Keyward: ✅ resolved (again)` }, log);
    expect(fake.calls(/\/issues\/comments\/\d+$/, 'PATCH').length).toBe(patches);
    // A clean PR that never had a comment gets none.
    expect(await syncPrComment(client(), { ...pr(), number: 12 }, { resolvedBody: 'x' }, log)).toEqual({ action: 'none' });
  });

  it('explains permission, credential, missing-object and exhausted-retry errors', async () => {
    fake.readOnly = true;
    const denied = await syncPrComment(client(), { ...pr(), number: 13 }, { body: 'b' }, log).catch((e: unknown) => e);
    fake.readOnly = false;
    expect(denied).toBeInstanceOf(GitHubApiError);
    expect((denied as GitHubApiError).permissionDenied).toBe(true);
    expect((denied as Error).message).toContain('`pull-requests: write`');

    const badToken = createGitHubClient({ token: 'wrong', baseUrl: fake.url, log, retryBaseMs: 1, spaceWrites: false });
    const unauthorised = await syncPrComment(badToken, pr(), { body: 'b' }, log).catch((e: unknown) => e);
    expect((unauthorised as Error).message).toContain('401 "Bad credentials"');

    const missing = await publishCheckRun(client(), { owner: 'acme', repo: 'elsewhere', headSha: 'a'.repeat(40), conclusion: 'success', title: 't', summary: 's', annotations: [] }).catch((e: unknown) => e);
    expect((missing as Error).message).toContain('404');

    fake.server.injectFault({ method: 'POST', pathPattern: /\/acme\/app\/check-runs$/, times: 4, reply: { status: 503, body: { message: 'Service Unavailable' } } });
    const down = await publishCheckRun(client(), { owner: 'acme', repo: 'app', headSha: 'a'.repeat(40), conclusion: 'success', title: 't', summary: 's', annotations: [] }).catch((e: unknown) => e);
    expect((down as GitHubApiError).status).toBe(503);
    expect(fake.calls(/\/acme\/app\/check-runs$/, 'POST')).toHaveLength(4);
    expect(warnings.filter((w) => w.includes('answered 503'))).toHaveLength(4);
  });

  it('tells a rate-limit 403 from a permission 403', () => {
    const rateLimited = explainGitHubError({ status: 403, response: { data: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0' } } }, 'comment', 'listing');
    expect(rateLimited.permissionDenied).toBe(false);
    expect(rateLimited.message).toContain('rate limit');
    const permission = explainGitHubError({ status: 403, response: { data: { message: 'Resource not accessible by integration' }, headers: {} } }, 'check-run', 'creating');
    expect(permission.permissionDenied).toBe(true);
    expect(permission.message).toContain('`checks: write`');
  });
});
