import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MODES, PullRequestRepo, awsKey, expectNoRaw, keyLine, scannerFor, attributes } from './git-fixtures.js';

/**
 * A rename or copy has no added lines when git detects it, so a key kept under an ignored path (test fixtures) could
 * walk into production code unflagged. Every rename or copy into a scanned path is scanned whole at its destination,
 * attributed to the commit that did it.
 */
const IGNORED = ['test/fixtures/**'];
/** `git mv`, which wants the destination's folder to exist. */
const mv = (pr: PullRequestRepo, from: string, to: string) => {
  mkdirSync(dirname(join(pr.repo.dir, to)), { recursive: true });
  pr.repo.git('mv', from, to);
};
const filler = (lines: number) => Array.from({ length: lines }, (_, i) => `setting_${i} = ${i}`).join('\n') + '\n';

interface Move {
  name: string;
  /** In the PR's repository, after the base commit: returns the path the key ends up at and its line. */
  move: (pr: PullRequestRepo) => { path: string; line: number };
}

const MOVES: Move[] = [
  {
    name: 'a pure rename out of an ignored path',
    move: (pr) => {
      mv(pr, 'test/fixtures/creds.env', 'src/prod.env');
      return { path: 'src/prod.env', line: 21 };
    },
  },
  {
    name: 'a rename with a small edit',
    move: (pr) => {
      mv(pr, 'test/fixtures/creds.env', 'config/prod.env');
      pr.repo.write('config/prod.env', `# production\n${filler(20)}${pr.repo.git('show', 'HEAD:test/fixtures/creds.env').split('\n')[20]}\n`);
      return { path: 'config/prod.env', line: 22 };
    },
  },
  {
    name: 'a copy (the fixture stays)',
    move: (pr) => {
      pr.repo.write('deploy/keys.env', pr.repo.git('show', 'HEAD:test/fixtures/creds.env') + '\n');
      return { path: 'deploy/keys.env', line: 21 };
    },
  },
  {
    name: 'a whole directory moved',
    move: (pr) => {
      mv(pr, 'test/fixtures', 'app/settings');
      return { path: 'app/settings/creds.env', line: 21 };
    },
  },
  {
    name: 'a rename that only changes case',
    move: (pr) => {
      mv(pr, 'test/fixtures/creds.env', 'Test/Fixtures/creds.env');
      return { path: 'Test/Fixtures/creds.env', line: 21 };
    },
  },
];

describe('renames and copies into a scanned path are scanned whole', () => {
  const repos: PullRequestRepo[] = [];
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  for (const { name, move } of MOVES) {
    it(`reports the key after ${name}, at the commit that moved it, in every mode`, async () => {
      const key = awsKey();
      const pr = new PullRequestRepo({ 'README.md': '# app\n', 'test/fixtures/creds.env': `${filler(20)}${keyLine(key)}` });
      repos.push(pr);
      const target = move(pr);
      pr.repo.git('add', '-A');
      const moved = pr.commit('tidy up configuration');
      const scanner = scannerFor({ ignorePaths: IGNORED });
      for (const mode of ALL_MODES) {
        const result = await pr.scan(mode, scanner);
        const found = result.findings.map((f) => `${f.path}:${f.line}`);
        expect(found, `${name} in ${mode}`).toEqual([`${target.path}:${target.line}`]);
        if (attributes(mode)) expect(result.findings[0]!.commit?.sha, mode).toBe(moved);
        expectNoRaw(result, [key]);
      }
    });
  }

  it('reports a key renamed from one scanned path to another at its new path too', async () => {
    const key = awsKey();
    const pr = new PullRequestRepo({ 'old/keys.env': `${filler(5)}${keyLine(key)}` });
    repos.push(pr);
    mv(pr, 'old/keys.env', 'new/keys.env');
    const moved = pr.commit('move');
    for (const mode of ['diff', 'push'] as const) {
      const result = await pr.scan(mode, scannerFor());
      expect(result.findings.map((f) => `${f.path}:${f.line}@${f.commit?.sha}`), mode).toEqual([`new/keys.env:6@${moved}`]);
    }
    for (const mode of ['history-patches', 'history-blobs'] as const) {
      const result = await pr.scan(mode, scannerFor());
      expect(result.findings.map((f) => `${f.path}@${f.commit?.sha}`).sort(), mode).toEqual([`new/keys.env@${moved}`, `old/keys.env@${pr.base}`].sort());
    }
  });

  it('does not report a rename into an ignored path', async () => {
    const pr = new PullRequestRepo({ 'README.md': '# app\n' });
    repos.push(pr);
    pr.commit('fixture', { 'src/creds.env': keyLine(awsKey()) });
    mv(pr, 'src/creds.env', 'test/fixtures/creds.env');
    pr.commit('move it to the fixtures');
    const result = await pr.scan('diff', scannerFor({ ignorePaths: IGNORED }));
    // Reported where the PR first added it, not again under the ignored path.
    expect(result.findings.map((f) => f.path)).toEqual(['src/creds.env']);
  });
});
