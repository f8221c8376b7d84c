import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullRequestRepo, awsKey, keyLine } from './git-fixtures.js';
import { HostilePullRequests, expectNotPublished } from './pr-harness.js';

/**
 * A tracked file the job cannot read (EACCES). The tests run as root, who reads everything, so the Action runs as
 * `nobody` over a work tree it owns, with one file left to root at mode 0600.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;

function lockedPullRequest(): { pr: PullRequestRepo; visible: string; locked: string } {
  const pr = new PullRequestRepo();
  const visible = awsKey();
  const locked = awsKey();
  pr.commit('deploy settings', { 'src/keys.ts': `export const id = "${visible}";\n`, 'ops/locked.env': keyLine(locked) });
  execFileSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, pr.repo.dir]);
  const lockedPath = join(pr.repo.dir, 'ops/locked.env');
  chownSync(lockedPath, 0, 0);
  chmodSync(lockedPath, 0o600);
  return { pr, visible, locked };
}

describe.skipIf(!asRoot)('hostile work tree: a tracked file the job cannot read (run as nobody; needs root to set up)', () => {
  const prs = new HostilePullRequests(1300);
  beforeAll(() => prs.start());
  afterAll(() => prs.close());

  it('tree mode: the unreadable file is a notice listed as not scanned, and the rest of the tree is still scanned', async () => {
    const { pr, visible, locked } = lockedPullRequest();
    try {
      const run = await prs.run(pr, { inputs: { mode: 'tree', comment: 'false' }, user: NOBODY });
      expect(run.code, run.log).toBe(1);
      expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
      expect(run.log).toContain('ops/locked.env: cannot read (EACCES); not scanned');
      expect(run.sarifPaths).toEqual(['src/keys.ts']);
      expect(run.sarifResults.filter((r) => r.ruleId === 'keyward-not-scanned').map((r) => r.locations?.[0]?.physicalLocation.artifactLocation.uri)).toEqual(['ops/locked.env']);
      expectNotPublished(run, [visible, locked]);
    } finally {
      pr.cleanup();
    }
  }, 60_000);

  it('tree mode: the unreadable file alone fails the run under unscanned: fail, and is listed as not scanned', async () => {
    const pr = new PullRequestRepo();
    try {
      pr.commit('settings', { 'ops/locked.env': 'PLACEHOLDER=1\n', 'src/app.ts': 'export const ok = 1;\n' });
      execFileSync('chown', ['-R', `${NOBODY.uid}:${NOBODY.gid}`, pr.repo.dir]);
      chownSync(join(pr.repo.dir, 'ops/locked.env'), 0, 0);
      chmodSync(join(pr.repo.dir, 'ops/locked.env'), 0o600);
      const run = await prs.run(pr, { inputs: { mode: 'tree', comment: 'false', unscanned: 'fail' }, user: NOBODY });
      expect(run.code, run.log).toBe(1);
      expect(run.outputs).toMatchObject({ findings: '0', verdict: 'fail' });
      expect(run.summary).toContain('ops/locked.env');
    } finally {
      pr.cleanup();
    }
  }, 60_000);

  it('pull request mode: the PR is read from git objects, so the unreadable work-tree copy hides nothing', async () => {
    const { pr, visible, locked } = lockedPullRequest();
    try {
      const run = await prs.run(pr, { user: NOBODY });
      expect(run.code, run.log).toBe(1);
      expect(run.outputs).toMatchObject({ findings: '2', verdict: 'fail' });
      expect(run.sarifPaths.sort()).toEqual(['ops/locked.env', 'src/keys.ts']);
      expect(run.comment).toContain('locked.env');
      expectNotPublished(run, [visible, locked]);
    } finally {
      pr.cleanup();
    }
  }, 60_000);
});
