import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/engine/index.js';
import { scanDiff, scanHistory, scanPush, scanStaged } from '../../../src/sources/git/index.js';
import { TestRepo } from '../../helpers/git.js';
import { randomFrom } from '../../helpers/fake-secrets.js';

const scanner = createScanner();
const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const keyIn = (key: string) => `aws_key = "${key}"\n`;

describe('diff mode (PR: BASE...HEAD)', () => {
  it('reports only what the range adds, at the commit that added it, with the file line', () => {
    const repo = new TestRepo();
    const old = awsKey();
    const base = repo.commit('base', { 'old.py': keyIn(old), 'app.py': 'a = 1\nb = 2\n' });
    repo.git('checkout', '-q', '-b', 'feature');
    const fresh = awsKey();
    const adding = repo.commit('add key', { 'app.py': `a = 1\nb = 2\n# config\n${keyIn(fresh)}` }, { author: 'Dev One', email: 'dev1@example.com', date: '2026-03-01T10:00:00Z' });
    repo.commit('unrelated', { 'README.md': 'docs\n' });
    return scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' }).then((result) => {
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({ path: 'app.py', line: 4, commit: { sha: adding, author: 'Dev One', email: 'dev1@example.com' } });
      expect(result.stats.commits).toBe(2);
      expect(JSON.stringify(result)).not.toContain(fresh);
      expect(JSON.stringify(result)).not.toContain(old);
    });
  });

  it('still reports a secret added and removed again inside the range', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'x\n' });
    const key = awsKey();
    const adding = repo.commit('oops', { 'a.txt': `x\n${keyIn(key)}` });
    repo.commit('remove it', { 'a.txt': 'x\n' });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => f.commit?.sha)).toEqual([adding]);
  });

  it('does not re-report unchanged lines of a renamed or copied file', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'config/old.env': `${keyIn(awsKey())}${'filler line\n'.repeat(20)}` });
    repo.git('mv', 'config/old.env', 'config/new.env');
    repo.commit('rename');
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings).toEqual([]);
  });

  it('attributes a secret merged from a side branch to the side commit, once', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'one\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const key = awsKey();
    const side = repo.commit('side adds key', { 'side.env': keyIn(key) });
    repo.git('checkout', '-q', 'main');
    repo.commit('main moves on', { 'b.txt': 'two\n' });
    repo.gitWithEnv({ GIT_AUTHOR_DATE: '2026-01-02T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-02T00:00:00Z' }, 'merge', '-q', '--no-ff', '-m', 'merge side', 'side');
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.commit?.sha).toBe(side);
  });

  it('reports a secret introduced by a merge conflict resolution at the merge', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'c.txt': 'value = 1\n' });
    repo.git('checkout', '-q', '-b', 'side');
    repo.commit('side', { 'c.txt': 'value = 2\n' });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'c.txt': 'value = 3\n' });
    try {
      repo.git('merge', '-q', 'side');
    } catch {
      // conflict expected
    }
    const key = awsKey();
    repo.write('c.txt', `value = 4\n${keyIn(key)}`);
    repo.git('add', 'c.txt');
    repo.git('commit', '-q', '--no-edit');
    const merge = repo.head();
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => f.commit?.sha)).toEqual([merge]);
  });

  it('says clearly when the base is not in the clone', async () => {
    const repo = new TestRepo();
    repo.commit('base', { 'a.txt': 'x\n' });
    await expect(scanDiff({ repoDir: repo.dir, scanner, base: 'deadbeef'.repeat(5), head: 'HEAD' })).rejects.toThrow(/not a commit/);
  });
});

describe('push mode', () => {
  it('scans before..after, a new branch, and a force push whose old head is gone', async () => {
    const repo = new TestRepo();
    const before = repo.commit('one', { 'a.txt': 'x\n' });
    const key = awsKey();
    const after = repo.commit('two', { 'b.env': keyIn(key) });
    expect((await scanPush({ repoDir: repo.dir, scanner, before, after })).findings).toHaveLength(1);
    expect((await scanPush({ repoDir: repo.dir, scanner, before: after, after })).findings).toHaveLength(0);
    expect((await scanPush({ repoDir: repo.dir, scanner, before: '0'.repeat(40), after })).findings).toHaveLength(1);
    const forced = await scanPush({ repoDir: repo.dir, scanner, before: 'ab'.repeat(20), after });
    expect(forced.findings).toHaveLength(1);
    expect(forced.notices.map((n) => n.message).join()).toMatch(/force push/);
  });
});

describe('staged mode', () => {
  it('scans only staged additions', async () => {
    const repo = new TestRepo();
    repo.commit('one', { 'a.txt': 'x\n' });
    const key = awsKey();
    repo.write('staged.env', keyIn(key));
    repo.write('unstaged.env', keyIn(awsKey()));
    repo.git('add', 'staged.env');
    const result = await scanStaged({ repoDir: repo.dir, scanner });
    expect(result.findings.map((f) => f.path)).toEqual(['staged.env']);
    expect(result.findings[0]!.commit).toBeUndefined();
  });
});

describe('history mode', () => {
  it('finds secrets in deleted files, attributes them to the introducing commit, scans each blob once', async () => {
    const repo = new TestRepo();
    const key = awsKey();
    const intro = repo.commit('add', { 'secrets/old.env': keyIn(key) }, { author: 'First Author', date: '2025-01-01T00:00:00Z' });
    for (let i = 0; i < 5; i++) repo.commit(`noise ${i}`, { [`n${i}.txt`]: `${i}\n` });
    repo.commit('delete', { 'secrets/old.env': null });
    repo.git('checkout', '-q', '-b', 'other');
    repo.commit('branch', { 'copy.env': keyIn(key) });
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    const paths = result.findings.map((f) => `${f.path}@${f.commit?.sha}`);
    expect(paths).toContain(`secrets/old.env@${intro}`);
    expect(result.findings).toHaveLength(1);
    expect(result.stats.commits).toBe(8);
    expect(result.stats.blobs).toBe(6);
  });

  it('survives a blob deleted from the object store and says how many were missing', async () => {
    const repo = new TestRepo();
    repo.commit('one', { 'keep.env': keyIn(awsKey()), 'lost.txt': 'this blob will be deleted\n' });
    const blob = repo.git('rev-parse', 'HEAD:lost.txt');
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.findings).toHaveLength(1);
    expect(result.notices.find((n) => n.kind === 'missing-object')?.message).toMatch(/^1 blob/);
  });

  it('reports how deep a shallow clone goes', async () => {
    const origin = new TestRepo();
    for (let i = 0; i < 4; i++) origin.commit(`c${i}`, { 'f.txt': `${i}\n` });
    const dir = mkdtempSync(join(tmpdir(), 'keyward-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, dir]);
    const result = await scanHistory({ repoDir: dir, scanner });
    expect(result.stats.shallow?.boundaryCommits).toHaveLength(1);
    expect(result.notices.find((n) => n.kind === 'shallow')?.message).toMatch(/shallow clone/);
  });

  it('skips LFS pointers and keeps non-UTF-8 paths', async () => {
    const repo = new TestRepo();
    repo.commit('lfs', { 'model.bin': `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12\n` });
    const key = awsKey();
    repo.commit('latin1 path', { [Buffer.from('caf\xe9.env', 'latin1').toString('latin1')]: keyIn(key) });
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.notices.some((n) => n.kind === 'lfs-pointer')).toBe(true);
    expect(result.findings).toHaveLength(1);
    void readdirSync;
  });
});

describe('deepening a shallow PR checkout', () => {
  it('fetches just enough history to reach the merge base', async () => {
    const { deepenToMergeBase } = await import('../../../src/sources/git/index.js');
    const origin = new TestRepo();
    const base = origin.commit('base', { 'a.txt': 'a\n' });
    for (let i = 0; i < 30; i++) origin.commit(`main ${i}`, { 'a.txt': `${i}\n` });
    const mainTip = origin.head();
    origin.git('checkout', '-q', '-b', 'pr', base);
    for (let i = 0; i < 20; i++) origin.commit(`pr ${i}`, { 'b.txt': `${i}\n` });
    const key = awsKey();
    origin.commit('pr key', { 'c.env': keyIn(key) });
    const head = origin.head();
    const dir = mkdtempSync(join(tmpdir(), 'keyward-pr-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin.dir}`, dir]);
    const outcome = await deepenToMergeBase({ repoDir: dir, base: mainTip, head });
    expect(outcome.reached).toBe(true);
    const result = await scanDiff({ repoDir: dir, scanner, base: mainTip, head });
    expect(result.findings).toHaveLength(1);
    expect(result.stats.commits).toBe(21);
  });
});
