import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMIT_MESSAGE_PATH } from '../../src/sources/git/index.js';
import { COMMIT_MODES, PullRequestRepo, awsKey, expectNoRaw, scannerFor } from './git-fixtures.js';

/** "rotate: the old key was AKIA..." leaks like a file does; and no report may copy message text. */
describe('commit messages are scanned and never copied into results', () => {
  const repos: PullRequestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  const SPELLINGS: [name: string, message: (key: string) => string, line: number][] = [
    ['in the subject', (key) => `rotate: the old key was ${key}`, 1],
    ['deep in the body', (key) => `Rotate credentials\n\nSteps:\n- revoke\n- the previous id: ${key}\n- done`, 5],
    ['as a trailer', (key) => `Fix deploy\n\nAws-Key: ${key}`, 3],
    ['after a line that looks like a patch header', (key) => `diff --git a/x b/x\n+++ b/x\n@@ -1 +1 @@\n+${key}`, 4],
  ];

  for (const [name, message, line] of SPELLINGS) {
    it(`finds a key ${name}, attributed to its commit, in every git mode`, async () => {
      const pr = new PullRequestRepo();
      repos.push(pr);
      const key = awsKey();
      const leaking = pr.commit(message(key), { 'src/app.ts': 'export const a = 1;\n' });
      pr.commit('unrelated follow-up', { 'src/b.ts': 'export const b = 2;\n' });
      for (const mode of COMMIT_MODES) {
        const result = await pr.scan(mode, scannerFor());
        expect(result.findings.map((f) => `${f.path}:${f.line}@${f.commit?.sha}`), `${name} in ${mode}`).toEqual([`${COMMIT_MESSAGE_PATH}:${line}@${leaking}`]);
        expectNoRaw(result, [key]);
      }
    });
  }

  it('reports the same key in several messages once, at the oldest', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    const first = pr.commit(`add ${key}`);
    pr.commit(`revert "add ${key}"`);
    const result = await pr.scan('diff', scannerFor());
    expect(result.findings.map((f) => f.commit?.sha)).toEqual([first]);
  });

  it('scans the message of a merge commit', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    pr.repo.git('checkout', '-q', '-b', 'side');
    pr.repo.commit('side work', { 's.txt': 's\n' });
    pr.repo.git('checkout', '-q', 'pr');
    pr.repo.commit('pr work', { 'p.txt': 'p\n' });
    pr.repo.git('merge', '-q', '--no-ff', '-m', `merge side; token ${key}`, 'side');
    pr.head = pr.repo.head();
    const result = await pr.scan('diff', scannerFor());
    expect(result.findings.map((f) => `${f.path}@${f.commit?.sha}`)).toEqual([`${COMMIT_MESSAGE_PATH}@${pr.head}`]);
  });

  it('carries no subject or message text in any result', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const marker = 'UnmistakableSubjectWord';
    pr.commit(`${marker} in the subject\n\nand ${marker} in the body`, { 'a.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n` });
    for (const mode of COMMIT_MODES) {
      const result = await pr.scan(mode, scannerFor());
      expect(result.findings).toHaveLength(1);
      expect(JSON.stringify(result), mode).not.toContain(marker);
      expect(Object.keys(result.findings[0]!.commit!).sort()).toEqual(['author', 'date', 'email', 'sha']);
    }
  });

  it('scans a message over the cap up to the cap, and says so', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    // Too long for a command line: committed from a file.
    writeFileSync(join(pr.repo.dir, '.git', 'MESSAGE'), `big message\n\n${key}\n${'filler text line\n'.repeat(10_000)}`);
    pr.repo.git('commit', '-q', '--allow-empty', '-F', '.git/MESSAGE');
    const long = (pr.head = pr.repo.head());
    const result = await pr.scan('diff', scannerFor(), 50_000);
    expect(result.findings.map((f) => f.path)).toEqual([COMMIT_MESSAGE_PATH]);
    expect(result.notices.filter((n) => n.unscanned)).toEqual([expect.objectContaining({ kind: 'too-large', path: COMMIT_MESSAGE_PATH, commit: long })]);
  });
});
