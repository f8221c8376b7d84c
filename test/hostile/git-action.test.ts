import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullRequestRepo, awsKey, keyLine } from './git-fixtures.js';
import { HostilePullRequests, expectNotPublished } from './pr-harness.js';

/**
 * The attacks of git-attributes, git-renames, git-content and git-messages through the Action bundle as a
 * pull_request job against the loopback GitHub API: the check fails, SARIF and the comment name the file, and the
 * raw key appears nowhere the job writes.
 */
interface Attack {
  name: string;
  baseFiles?: Record<string, string>;
  /** Makes the PR's commits; returns the path the key must be reported at. */
  build: (pr: PullRequestRepo, key: string) => string;
}

const ATTACKS: Attack[] = [
  {
    name: '`* -diff` in the PR\'s .gitattributes',
    build: (pr, key) => {
      pr.commit('settings', { '.gitattributes': '* -diff\n', 'ops/prod.env': keyLine(key) });
      return 'ops/prod.env';
    },
  },
  {
    name: '`* binary` and `-text`',
    build: (pr, key) => {
      pr.commit('settings', { '.gitattributes': '*.env binary -text\n', 'ops/prod.env': keyLine(key) });
      return 'ops/prod.env';
    },
  },
  {
    name: 'a textconv driver that hides keys, selected by the PR',
    build: (pr, key) => {
      pr.repo.git('config', 'diff.clean.textconv', 'sed s/AKIA/XXXX/');
      pr.commit('settings', { '.gitattributes': '* diff=clean\n', 'ops/prod.env': keyLine(key) });
      return 'ops/prod.env';
    },
  },
  {
    name: 'a rename out of a path the base config ignores',
    baseFiles: { '.keyward.yml': 'ignore-paths:\n  - "test/fixtures/**"\n' },
    build: (pr, key) => {
      pr.repo.commit('fixture', { 'test/fixtures/creds.env': `# fixture\n${keyLine(key)}` });
      // The fixture lands on the base branch first; the PR only moves it.
      pr.repo.git('checkout', '-q', 'main');
      pr.repo.git('merge', '-q', '--ff-only', 'pr');
      pr.base = pr.repo.head();
      pr.repo.git('checkout', '-q', 'pr');
      pr.repo.git('mv', 'test/fixtures/creds.env', 'prod.env');
      pr.commit('use the fixture settings in production');
      return 'prod.env';
    },
  },
  {
    name: 'a NUL byte first and a fake LFS header',
    build: (pr, key) => {
      pr.commit('settings', { 'ops/prod.env': `\0version https://git-lfs.github.com/spec/v1\n${keyLine(key)}` });
      return 'ops/prod.env';
    },
  },
  {
    name: 'a key in the commit message',
    build: (pr, key) => {
      pr.commit(`rotate credentials (the old one was ${key})`, { 'src/a.ts': 'export const a = 1;\n' });
      return '<commit-message>';
    },
  },
];

describe('the Action bundle fails hostile pull requests that try to hide a key from git', () => {
  const prs = new HostilePullRequests(900);
  beforeAll(() => prs.start());
  afterAll(() => prs.close());

  for (const attack of ATTACKS) {
    it(`fails a PR with ${attack.name}`, async () => {
      const pr = new PullRequestRepo({ 'README.md': '# app\n', ...(attack.baseFiles ?? {}) });
      try {
        const key = awsKey();
        const path = attack.build(pr, key);
        const run = await prs.run(pr);
        expect(run.code, run.log).toBe(1);
        expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
        expect(run.sarifPaths).toEqual([path]);
        expect(run.comment).toContain(path.replace(/[<>]/g, ''));
        expectNotPublished(run, [key]);
      } finally {
        pr.cleanup();
      }
    }, 60_000);
  }
});
