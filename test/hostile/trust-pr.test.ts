import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyFingerprint } from '../../src/engine/redact.js';
import { PR_COMMENT_MARKER } from '../../src/report/github/comment.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { ACTION_TOKEN, runAction, type ActionRun } from '../action/harness.js';
import { injectedCommandLines, markerComments, pullRequestBy, withoutMaskCommands } from './trust-helpers.js';

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const sarifOf = (run: ActionRun) => JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };

describe('hostile pull requests against the trust of the gate (bundle, loopback GitHub)', () => {
  let fake: GitHubFake;
  let nextPr = 100;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  /** Base commit (policy files), then the PR's commit; runs the Action as a pull_request job opened by `author`. */
  async function pullRequest(base: Record<string, string>, head: Record<string, string>, options: { author?: string; env?: Record<string, string>; inputs?: Record<string, string>; before?: (pr: { number: number; headSha: string }) => void } = {}) {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n', ...base });
    const headSha = repo.commit('the pull request', head, { author: options.author ?? 'mallory', email: 'mallory@example.com' });
    const number = nextPr++;
    options.before?.({ number, headSha });
    const run = await runAction({ workspace: repo.dir, event: pullRequestBy(options.author ?? 'mallory', { number, baseSha, headSha }), apiUrl: fake.url, env: options.env, inputs: options.inputs });
    return { run, number, headSha, repo };
  }

  describe('no PR-controlled text becomes a workflow command', () => {
    const PAYLOADS = ['\n::stop-commands::x-injected', '\n::save-state name=keyward-evidence::x-injected', '\r::add-mask::x-injected', '\r\n::set-output name=verdict::x-injected', '%0A::error::x-injected', '\n  ::warning::x-injected', ' ##[add-mask]x-injected'];

    it('paths with findings, oversized paths, job ids and step names carrying commands inject none', async () => {
      const files: Record<string, string> = {};
      PAYLOADS.forEach((payload, i) => {
        files[`ops/creds${i}${payload}.env`] = `AWS_ACCESS_KEY_ID=${awsKey()}\n`;
        files[`big/blob${i}${payload}.txt`] = 'x'.repeat(400) + '\n';
      });
      const steps = PAYLOADS.map((payload, i) => `      - name: ${JSON.stringify(`Deploy ${i}${payload}`)}\n        run: ./deploy.sh\n        env:\n          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n`).join('');
      files['.github/workflows/deploy.yml'] = `on: push\njobs:\n  ${JSON.stringify('deploy\n::stop-commands::x-injected')}:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
      const { run } = await pullRequest({ '.keyward.yml': 'max-file-size: 200\n' }, files);
      expect(run.code, run.log).toBe(1);
      // The payloads reached the log, escaped: the test would see an injection if there was one.
      expect(run.log).toContain('x-injected');
      expect(injectedCommandLines(run.log)).toEqual([]);
      for (const line of run.log.split(/\r\n|\r|\n/)) expect(line).not.toMatch(/^\s*::(?:stop-commands|set-output)|^\s*::(?:save-state|add-mask)\b.*x-injected/);
    });
  });

  describe('inline suppressions the PR adds do not approve themselves', () => {
    const suppressed = (key: string) => ({ 'ops/deploy.env': `AWS_ACCESS_KEY_ID=${key} # keyward:allow\n` });
    const approve = (login: string, commit: (pr: { headSha: string }) => string) => (pr: { number: number; headSha: string }) =>
      fake.reviews.set(pr.number, [{ id: pr.number, user: { login, id: 9, type: 'User' }, state: 'APPROVED', commit_id: commit(pr), submitted_at: '2026-01-02T00:00:00Z', author_association: 'MEMBER', body: '' }]);

    it('fails with the reason while nobody else accepted it', async () => {
      const key = awsKey();
      const { run, number } = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, suppressed(key));
      expect(run.code, run.log).toBe(1);
      expect(run.outputs.verdict).toBe('fail');
      expect(run.log).toContain('suppressed inline by the PR author; needs an approving review of the head commit by a code owner of ops/deploy.env (@alice)');
      const [comment] = markerComments(fake, number);
      expect(comment, 'the failing PR gets a comment').toBeDefined();
      expect(comment!.body, 'the comment says why the suppression does not count').toContain('inline suppression not accepted');
      expect(comment!.body).toContain('A pull request cannot approve its own suppression');
      expect(run.log + comment!.body).not.toContain(key);
    });

    it('passes once a code owner other than the author approves the head commit', async () => {
      const { run } = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, suppressed(awsKey()), { before: approve('alice', (pr) => pr.headSha) });
      expect(run.code, run.log).toBe(0);
      expect(run.log).toContain('accepted by the approving review of code owner @alice');
    });

    it('an approving member of an owning team counts; the author approving their own, or a stale approval, does not', async () => {
      fake.teams.set('acme/security', ['bob']);
      const team = await pullRequest({ '.github/CODEOWNERS': '* @acme/security\n' }, suppressed(awsKey()), { before: approve('bob', (pr) => pr.headSha) });
      expect(team.run.code, team.run.log).toBe(0);
      const self = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, suppressed(awsKey()), { author: 'alice', before: approve('alice', (pr) => pr.headSha) });
      expect(self.run.code, self.run.log).toBe(1);
      const stale = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, suppressed(awsKey()), { before: approve('alice', () => 'e'.repeat(40)) });
      expect(stale.run.code, stale.run.log).toBe(1);
      const notOwner = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, suppressed(awsKey()), { before: approve('carol', (pr) => pr.headSha) });
      expect(notOwner.run.code, notOwner.run.log).toBe(1);
    });

    it('the PR cannot make itself a code owner or switch the rule off: CODEOWNERS and config come from the base', async () => {
      const key = awsKey();
      const head = { ...suppressed(key), '.github/CODEOWNERS': '* @carol\n', '.keyward.yml': 'allowlist:\n  inline-in-pull-requests: true\n' };
      const { run } = await pullRequest({ '.github/CODEOWNERS': '* @alice\n' }, head, { before: approve('carol', (pr) => pr.headSha) });
      expect(run.code, run.log).toBe(1);
    });

    it('the base config can allow inline suppressions in PRs, and suppressions already on the base stay honoured', async () => {
      const allowed = await pullRequest({ '.keyward.yml': 'allowlist:\n  inline-in-pull-requests: true\n' }, suppressed(awsKey()));
      expect(allowed.run.code, allowed.run.log).toBe(0);
      const key = awsKey();
      const line = `AWS_ACCESS_KEY_ID=${key} # keyward:allow`;
      // The PR moves the base's suppressed line below a new one: git shows it as added, yet it is the base's.
      const moved = await pullRequest({ 'ops/deploy.env': `${line}\nREGION=eu\n` }, { 'ops/deploy.env': `REGION=eu\n${line}\n` });
      expect(moved.run.code, moved.run.log).toBe(0);
    });
  });

  describe('comments', () => {
    it('a marker comment by someone else is neither deleted as a duplicate nor edited', async () => {
      let forged = 0;
      let ours = 0;
      const { run, number } = await pullRequest({}, { 'ops/keys.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n` }, {
        before: (pr) => {
          forged = fake.addComment(pr.number, `${PR_COMMENT_MARKER}\nforged by mallory`, 'mallory').id;
          ours = fake.addComment(pr.number, `${PR_COMMENT_MARKER}\nold run`).id;
          fake.addComment(pr.number, `${PR_COMMENT_MARKER}\nforged, later`, 'mallory');
        },
      });
      expect(run.code, run.log).toBe(1);
      const comments = markerComments(fake, number);
      expect(comments.map((c) => c.user.login)).toEqual(['mallory', 'github-actions[bot]', 'mallory']);
      expect(comments.find((c) => c.id === forged)!.body).toBe(`${PR_COMMENT_MARKER}\nforged by mallory`);
      expect(comments.find((c) => c.id === ours)!.body).not.toContain('old run');
      const written = [...fake.calls(/\/issues\/comments\/\d+$/, 'PATCH'), ...fake.calls(/\/issues\/comments\/\d+$/, 'DELETE')].map((r) => Number(r.path.split('/').pop()));
      expect(written.filter((id) => comments.some((c) => c.id === id && c.user.login !== 'github-actions[bot]'))).toEqual([]);
    });
  });

  describe('fingerprints', () => {
    const hmac = (key: string, rule: string, secret: string) => createHmac('sha256', key).update(rule).update('\0').update(secret).digest('hex');

    it('are keyed by the repository, and an old unkeyed baseline entry still accepts its finding with a migration notice', async () => {
      const key = awsKey();
      const legacy = legacyFingerprint('aws-access-key-id', Buffer.from(key));
      const { run } = await pullRequest({ 'keyward-baseline.txt': `${legacy}\n` }, { 'ops/keys.env': `AWS_ACCESS_KEY_ID=${key}\n` }, { inputs: { baseline: 'keyward-baseline.txt' } });
      expect(run.code, run.log).toBe(0);
      expect(run.outputs['new-findings']).toBe('0');
      expect(run.log).toMatch(/::notice::1 finding\(s\) matched keyward-baseline\.txt by old unkeyed sha256 fingerprints.*keyward baseline migrate keyward-baseline\.txt/);
      const [result] = sarifOf(run).runs[0]!.results;
      const print = Object.values(result!.partialFingerprints)[0];
      expect(print).toBe(hmac('repository:acme/app', 'aws-access-key-id', key));
      expect(print).not.toBe(legacy);
    });

    it('with KEYWARD_FINGERPRINT_KEY, are keyed by that secret, which is masked and never printed', async () => {
      const secretKey = randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32);
      const key = awsKey();
      const { run } = await pullRequest({}, { 'ops/keys.env': `AWS_ACCESS_KEY_ID=${key}\n` }, { env: { KEYWARD_FINGERPRINT_KEY: secretKey } });
      expect(run.code, run.log).toBe(1);
      expect(run.stdout).toContain(`::add-mask::${secretKey}`);
      expect(withoutMaskCommands(run.log)).not.toContain(secretKey);
      expect(run.log).toContain('Fingerprints: HMAC-SHA256 keyed by KEYWARD_FINGERPRINT_KEY.');
      expect(Object.values(sarifOf(run).runs[0]!.results[0]!.partialFingerprints)[0]).toBe(hmac(`secret:${secretKey}`, 'aws-access-key-id', key));
    });
  });
});
