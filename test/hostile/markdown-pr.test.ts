import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { builtinRules } from '../../src/rules/index.js';
import { ACTION_TOKEN, pullRequestEvent, runAction, type ActionRun } from '../action/harness.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { inspect, renderCmark, renderMarked } from './markdown-rendering.js';

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

/** File names a pull request may pick, each aimed at the comment's Markdown. */
const HOSTILE_NAMES = [
  'src/<img src=x onerror=alert(1)>.env',
  'src/[click](https://evil.example).env',
  'src/a|b\\|c.env',
  'src/`x```.env',
  'src/@acme-admins <!-- x.env',
  'src/www.evil.example #1.env',
  'src/<details><summary>ok.env',
  'src/~~~ **b** _i_.env',
  'src/a(b.env',
  'src/c)d [e](f.env',
];

const AUTHOR = 'Mallory @acme/admins [x](https://evil.example) <img src=x> | `';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  deploy:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - name: "@acme/admins [x](https://evil.example) <img src=x> | ``` <!--"',
  '        run: ./deploy.sh',
  '        env:',
  '          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}',
  '          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
  '',
].join('\n');

const OWN_LINKS = new Set(builtinRules.map((r) => r.revokeUrl).filter((u): u is string => !!u));
const allowed = (href: string) => href.startsWith('https://github.test/acme/app/') || OWN_LINKS.has(href);

function expectInert(markdown: string, what: string): void {
  for (const [engine, render] of [
    ['marked', renderMarked],
    ['cmark-gfm', renderCmark],
  ] as const) {
    const html = render(markdown);
    if (html === undefined) continue;
    const check = inspect(html);
    const label = `${what} (${engine})`;
    expect(check.foreignTags, label).toEqual([]);
    expect(check.links.filter((href) => !allowed(href)), label).toEqual([]);
    expect(check.images, label).toBe(0);
    // A parenthesis or bracket in a path must not end a link early.
    for (const href of check.links.filter((h) => h.includes('/blob/'))) expect(href, label).toMatch(/#L\d+$/);
    expect(check.mentions.filter((m) => m !== 'mallory'), label).toEqual([]);
    expect(check.references, label).toEqual([]);
    expect(check.brokenRows, label).toBe(0);
    expect(check.comments, label).toBe((markdown.match(/<!-- keyward:/g) ?? []).length);
    expect(check.details, label).toBe((markdown.match(/^<details>/gm) ?? []).length);
    expect(check.codeBlocks, label).toBe((markdown.match(/^ *```+(yaml|text)$/gm) ?? []).length);
  }
}

describe('a pull request whose paths, author, CODEOWNERS and step names are Markdown attacks', () => {
  let fake: GitHubFake;
  let run: ActionRun;
  let comment: string;
  const keys = HOSTILE_NAMES.map(awsKey);

  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
    const repo = new TestRepo();
    const baseSha = repo.commit('base', {
      'README.md': '# app\n',
      '.github/CODEOWNERS': '* @acme/team <img/src=x>@evil.example [x](https://evil.example)@a.b\n',
    });
    const files = Object.fromEntries(HOSTILE_NAMES.map((name, i) => [name, `AWS_ACCESS_KEY_ID=${keys[i]}\n`]));
    const headSha = repo.commit('add things', { ...files, '.github/workflows/deploy.yml': WORKFLOW }, { author: AUTHOR, email: 'mallory@evil.example' });
    const event = pullRequestEvent({ number: 77, baseSha, headSha }) as { pull_request: Record<string, unknown> };
    event.pull_request.user = { login: 'mallory', id: 9, type: 'User' };
    run = await runAction({ workspace: repo.dir, event, apiUrl: fake.url, inputs: { 'check-run': 'never' } });
    comment = (fake.comments.get(77) ?? []).find((c) => c.body.includes(PR_COMMENT_MARKER))?.body ?? '';
    if (process.env.KEYWARD_DUMP) (await import('node:fs')).writeFileSync(process.env.KEYWARD_DUMP, comment);
  }, 120_000);
  afterAll(async () => {
    await fake?.close();
  });

  it('still finds every key and fails', () => {
    expect(run.code, run.log).toBe(1);
    expect(Number(run.outputs.findings)).toBe(HOSTILE_NAMES.length);
    expect(comment).toContain('Keyward: ❌ fail');
  });

  it('renders the PR comment inert: links only to the repository and revoke pages, no mention but the author login', () => {
    expectInert(comment, 'comment');
    expect(comment).toContain('### Workflow audit');
  });

  it('renders the job summary inert', () => {
    expectInert(run.summary, 'summary');
  });

  it('never publishes a raw key', () => {
    for (const key of keys) for (const text of [run.log, run.summary, comment]) expect(text.includes(key)).toBe(false);
  });
});
