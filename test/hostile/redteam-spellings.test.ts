import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectedCommandLines } from './trust-helpers.js';
import { PullRequestRepo, awsKey, keyLine } from './git-fixtures.js';
import { HostilePullRequests, expectNotPublished } from './pr-harness.js';

/** Spellings of the known attacks that the other hostile tests do not try. */
describe('hostile pull requests: more spellings', () => {
  const prs = new HostilePullRequests(1400);
  beforeAll(() => prs.start());
  afterAll(() => prs.close());

  it('a .mailmap the PR adds does not rewrite who the leak is attributed to', async () => {
    const pr = new PullRequestRepo();
    try {
      const key = awsKey();
      pr.head = pr.repo.commit('settings', { '.mailmap': 'Trusted Owner <owner@acme.test> Dana Dev <dana@example.com>\n', 'ops/prod.env': keyLine(key) }, { author: 'Dana Dev', email: 'dana@example.com' });
      const run = await prs.run(pr);
      expect(run.code, run.log).toBe(1);
      expect(run.comment).toContain('Dana');
      expect(run.published.join('\n')).not.toContain('Trusted Owner');
      expectNotPublished(run, [key]);
    } finally {
      pr.cleanup();
    }
  }, 60_000);

  it('paths with CR, U+2028 and bidi controls are still scanned, and start no workflow command', async () => {
    const pr = new PullRequestRepo();
    try {
      const keys = [awsKey(), awsKey(), awsKey()];
      const paths = ['ops/a\r::error::x-injected.env', 'ops/b\u2028::warning::x-injected.env', 'ops/c\u202Evne.txt'];
      pr.commit('settings', Object.fromEntries(paths.map((path, i) => [path, keyLine(keys[i]!)])));
      const run = await prs.run(pr);
      expect(run.code, run.log).toBe(1);
      expect(run.outputs).toMatchObject({ findings: '3', verdict: 'fail' });
      expect(run.sarifPaths.sort()).toEqual([...paths].sort());
      expect(injectedCommandLines(run.log)).toEqual([]);
      expect(run.comment).not.toMatch(/[\r\u2028\u202E]/);
      expectNotPublished(run, keys);
    } finally {
      pr.cleanup();
    }
  }, 60_000);
});
