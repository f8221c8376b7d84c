import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { ACTION_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../action/harness.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { PullRequestRepo, awsKey, keyLine } from './git-fixtures.js';

/**
 * The attacks of git-attributes, git-renames, git-content and git-messages through the Action bundle as a
 * pull_request job against the loopback GitHub API: the check fails, SARIF and the comment name the file, and the
 * raw key appears nowhere the job writes.
 */
let issue = 900;

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
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  const published = (run: ActionRun) => {
    const sarifPath = run.outputs['sarif-file'];
    return [run.log, run.outputFile, run.summary, sarifPath ? readFileSync(sarifPath, 'utf8') : '', ...fake.server.requests.map((r) => r.body)];
  };

  for (const attack of ATTACKS) {
    it(`fails a PR with ${attack.name}`, async () => {
      const pr = new PullRequestRepo({ 'README.md': '# app\n', ...(attack.baseFiles ?? {}) });
      try {
        const key = awsKey();
        const path = attack.build(pr, key);
        const number = issue++;
        const run = await runAction({ workspace: pr.repo.dir, event: pullRequestEvent({ number, baseSha: pr.base, headSha: pr.head }), apiUrl: fake.url });
        expect(run.code, run.log).toBe(1);
        expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
        const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
        expect(sarif.runs[0].results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri))).toEqual([path]);
        const comment = (fake.comments.get(number) ?? []).find((c) => c.body.includes(PR_COMMENT_MARKER));
        expect(comment?.body).toContain(path.replace(/[<>]/g, ''));
        for (const text of published(run)) expect(text.includes(key), `raw key in: ${text.slice(0, 120)}`).toBe(false);
      } finally {
        pr.cleanup();
      }
    }, 60_000);
  }
});
