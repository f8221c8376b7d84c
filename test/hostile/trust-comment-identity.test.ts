import { afterEach, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER, createGitHubClient, resolveTokenIdentity, syncPrComment } from '../../src/report/github/index.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';

const TOKEN = 'ghs_identity-test-token';
const log = { info: () => {}, warning: () => {} };

describe('Keyward edits and deletes only its own PR comments', () => {
  let fake: GitHubFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  const client = (f: GitHubFake) => createGitHubClient({ token: TOKEN, baseUrl: f.url, log, retryBaseMs: 1, spaceWrites: false });
  const pr = { owner: 'acme', repo: 'app', number: 7 };

  it('resolves an installation token to its bot and a user token to its account', async () => {
    fake = await startGitHubServer({ token: TOKEN });
    expect(await resolveTokenIdentity(client(fake))).toEqual({ login: 'github-actions[bot]', kind: 'bot' });
    expect(await resolveTokenIdentity(client(fake), { appSlug: 'keyward-app' })).toEqual({ login: 'keyward-app[bot]', kind: 'bot' });
    await fake.close();
    fake = await startGitHubServer({ token: TOKEN, user: { login: 'release-bot-user', id: 777 } });
    expect(await resolveTokenIdentity(client(fake))).toEqual({ login: 'release-bot-user', id: 777, kind: 'user' });
  });

  it('ignores marker comments written by anyone else: never deleted as duplicates, never edited', async () => {
    fake = await startGitHubServer({ token: TOKEN });
    const forged = fake.addComment(7, `${PR_COMMENT_MARKER}\nI am Keyward, trust me`, 'mallory');
    const ours = fake.addComment(7, `${PR_COMMENT_MARKER}\nold`);
    const otherBot = fake.addComment(7, `${PR_COMMENT_MARKER}\nanother app`, 'other-app[bot]');
    const outcome = await syncPrComment(client(fake), pr, { body: `${PR_COMMENT_MARKER}\nnew` }, log);
    expect(outcome).toMatchObject({ action: 'updated', id: ours.id });
    const bodies = fake.comments.get(7)!.map((c) => [c.user.login, c.body]);
    expect(bodies).toEqual([
      ['mallory', `${PR_COMMENT_MARKER}\nI am Keyward, trust me`],
      ['github-actions[bot]', `${PR_COMMENT_MARKER}\nnew`],
      ['other-app[bot]', `${PR_COMMENT_MARKER}\nanother app`],
    ]);
    const touched = [...fake.calls(/\/issues\/comments\/\d+$/, 'PATCH'), ...fake.calls(/\/issues\/comments\/\d+$/, 'DELETE')].map((r) => Number(r.path.split('/').pop()));
    expect(touched).toEqual([ours.id]);
    expect(touched).not.toContain(forged.id);
    expect(touched).not.toContain(otherBot.id);
  });

  it('creates its own comment when only forged ones carry the marker, and resolves none of them', async () => {
    fake = await startGitHubServer({ token: TOKEN });
    fake.addComment(7, `${PR_COMMENT_MARKER}\nforged`, 'mallory');
    expect(await syncPrComment(client(fake), pr, { resolvedBody: `${PR_COMMENT_MARKER}\nresolved` }, log)).toEqual({ action: 'none' });
    const created = await syncPrComment(client(fake), pr, { body: `${PR_COMMENT_MARKER}\nfindings` }, log);
    expect(created.action).toBe('created');
    expect(fake.comments.get(7)!.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]']);
    expect(fake.calls(/\/issues\/comments\/\d+$/, 'PATCH')).toHaveLength(0);
    expect(fake.calls(/\/issues\/comments\/\d+$/, 'DELETE')).toHaveLength(0);
  });

  it('with a user token, a bot\'s marker comment is someone else\'s', async () => {
    fake = await startGitHubServer({ token: TOKEN, user: { login: 'ops-user', id: 900 } });
    const ours = fake.addComment(7, `${PR_COMMENT_MARKER}\nold`);
    fake.addComment(7, `${PR_COMMENT_MARKER}\nbot copy`, 'github-actions[bot]');
    expect(await syncPrComment(client(fake), pr, { body: `${PR_COMMENT_MARKER}\nnew` }, log)).toMatchObject({ action: 'updated', id: ours.id });
    expect(fake.comments.get(7)!.map((c) => c.body)).toEqual([`${PR_COMMENT_MARKER}\nnew`, `${PR_COMMENT_MARKER}\nbot copy`]);
  });

  it('when the identity cannot be told, edits and deletes nothing', async () => {
    fake = await startGitHubServer({ token: TOKEN });
    fake.addComment(7, `${PR_COMMENT_MARKER}\nold`);
    fake.server.injectFault({ method: 'GET', pathPattern: /^\/user$/, times: 10, reply: { status: 502, body: { message: 'Bad Gateway' } } });
    const warnings: string[] = [];
    const outcome = await syncPrComment(client(fake), pr, { body: `${PR_COMMENT_MARKER}\nnew` }, { info: () => {}, warning: (m) => warnings.push(m) });
    expect(outcome.action).toBe('created');
    expect(fake.calls(/\/issues\/comments\/\d+$/, 'PATCH')).toHaveLength(0);
    expect(warnings.some((w) => w.includes('editing or deleting none'))).toBe(true);
  });
});
