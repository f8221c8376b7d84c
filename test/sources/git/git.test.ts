import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
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
/** A file whose name is not valid UTF-8 (Latin-1 bytes), as old repositories have. */
const writeRawPath = (repo: TestRepo, name: Buffer, content: string) => writeFileSync(Buffer.concat([Buffer.from(`${repo.dir}/`), name]), content);

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

  it('scans a renamed file whole at its destination, attributed to the rename', async () => {
    const repo = new TestRepo();
    const key = awsKey();
    const base = repo.commit('base', { 'config/old.env': `${keyIn(key)}${'filler line\n'.repeat(20)}` });
    repo.git('mv', 'config/old.env', 'config/new.env');
    const rename = repo.commit('rename');
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => `${f.path}:${f.line}@${f.commit?.sha}`)).toEqual([`config/new.env:1@${rename}`]);
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
    const copied = repo.head();
    const result = await scanHistory({ repoDir: repo.dir, scanner, strategy: 'blobs' });
    // Blob strategy: the copy is the same blob, scanned once, and reported at each path at the commit that put it there.
    expect(result.findings.map((f) => `${f.path}@${f.commit?.sha}`).sort()).toEqual([`copy.env@${copied}`, `secrets/old.env@${intro}`].sort());
    expect(result.stats.commits).toBe(8);
    expect(result.stats.blobs).toBe(6);
    // Patch strategy (the default): each path that gained the secret, at the commit that added it there.
    const patches = await scanHistory({ repoDir: repo.dir, scanner });
    expect(patches.findings.map((f) => `${f.path}@${f.commit?.sha}`).sort()).toEqual([`copy.env@${copied}`, `secrets/old.env@${intro}`].sort());
    expect(patches.stats.commits).toBe(8);
    expect(JSON.stringify([result, patches])).not.toContain(key);
  });

  it('survives a blob deleted from the object store and says how many were missing', async () => {
    const repo = new TestRepo();
    repo.commit('one', { 'keep.env': keyIn(awsKey()), 'lost.txt': 'this blob will be deleted\n' });
    const blob = repo.git('rev-parse', 'HEAD:lost.txt');
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.findings).toHaveLength(1);
    expect(result.notices.filter((n) => n.kind === 'missing-object')).toEqual([expect.objectContaining({ unscanned: true, message: expect.stringMatching(/stopped 1 time.*1 missing blob\(s\) not scanned: lost\.txt at/) })]);
  });

  it('fails a PR range scan that git cannot finish instead of passing it', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'a\n' });
    repo.commit('pr', { 'lost.env': keyIn(awsKey()), 'z.txt': 'after the lost blob\n' });
    const blob = repo.git('rev-parse', 'HEAD:lost.env');
    rmSync(join(repo.dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
    await expect(scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' })).rejects.toThrow(/git log/);
  });

  it('reports how deep a shallow clone goes', async () => {
    const origin = new TestRepo();
    for (let i = 0; i < 4; i++) origin.commit(`c${i}`, { 'f.txt': `${i}\n` });
    const dir = mkdtempSync(join(tmpdir(), 'keyward-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, dir]);
    const result = await scanHistory({ repoDir: dir, scanner });
    expect(result.stats.shallow?.boundaryCommits).toHaveLength(1);
    expect(result.notices.find((n) => n.kind === 'shallow')?.message).toMatch(/scanned 2 commit\(s\) down to 1 boundary commit/);
    // A PR range whose base is missing from the shallow clone runs into the boundary and says so.
    for (const ref of ['refs/remotes/origin/HEAD', 'refs/remotes/origin/main']) execFileSync('git', ['-C', dir, 'update-ref', '-d', ref]);
    const ranged = await scanPush({ repoDir: dir, scanner, after: 'HEAD' });
    expect(ranged.notices.map((n) => n.kind)).toContain('shallow');
  });

  it('skips LFS pointers and keeps non-UTF-8 paths', async () => {
    const repo = new TestRepo();
    repo.commit('lfs', { 'model.bin': `version https://git-lfs.github.com/spec/v1\noid sha256:${'a'.repeat(64)}\nsize 12\n` });
    const key = awsKey();
    writeRawPath(repo, Buffer.from('caf\xe9.env', 'latin1'), keyIn(key));
    repo.commit('latin1 path');
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.notices.some((n) => n.kind === 'lfs-pointer')).toBe(true);
    expect(result.findings.map((f) => f.path)).toEqual(['caf\ufffd.env']);
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
    // Deep enough now: the range does not touch the shallow boundary, so no warning about it.
    expect(result.notices.filter((n) => n.kind === 'shallow')).toEqual([]);
  });
});

describe('real-world repositories', () => {
  it('does not report what a PR brings in by merging its base (an "update branch" merge)', async () => {
    const repo = new TestRepo();
    repo.commit('base', { 'a.txt': 'one\n' });
    repo.git('checkout', '-q', '-b', 'pr');
    const mine = awsKey();
    const adding = repo.commit('pr adds key', { 'pr.env': keyIn(mine) });
    repo.git('checkout', '-q', 'main');
    repo.commit('main gets a key of its own', { 'main.env': keyIn(awsKey()) });
    const base = repo.head();
    repo.git('checkout', '-q', 'pr');
    repo.gitWithEnv({ GIT_AUTHOR_DATE: '2026-01-03T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-03T00:00:00Z' }, 'merge', '-q', '--no-ff', '-m', 'update branch', 'main');
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => `${f.path}@${f.commit?.sha}`)).toEqual([`pr.env@${adding}`]);
  });

  it('finds a secret in a file that was later renamed and then deleted, in history and in the PR range', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'README.md': 'hi\n' });
    const key = awsKey();
    const intro = repo.commit('add', { 'conf/keys.ini': `[aws]\n${keyIn(key)}` });
    repo.git('mv', 'conf/keys.ini', 'conf/moved.ini');
    repo.commit('rename');
    repo.commit('delete', { 'conf/moved.ini': null });
    const history = await scanHistory({ repoDir: repo.dir, scanner });
    const rename = repo.git('rev-parse', 'HEAD~1');
    // The rename carries the file whole to a new path: it is reported there too, at the commit that moved it.
    const expected = [`conf/keys.ini:2@${intro}`, `conf/moved.ini:2@${rename}`];
    expect(history.findings.map((f) => `${f.path}:${f.line}@${f.commit?.sha}`)).toEqual(expected);
    const diff = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(diff.findings.map((f) => `${f.path}:${f.line}@${f.commit?.sha}`)).toEqual(expected);
    expect(JSON.stringify([history, diff])).not.toContain(key);
  });

  it('keeps a multi-line added block together and maps it to the file lines', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'x.py': 'a = 1\nb = 2\nc = 3\n' });
    const key = awsKey();
    repo.commit('insert', { 'x.py': `a = 1\n# note\nb = 2\nc = 3\n\n\n${keyIn(key)}` });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => f.line)).toEqual([7]);
  });

  it('pushes a new branch whose commits are partly on a remote branch already', async () => {
    const origin = new TestRepo();
    origin.commit('one', { 'a.txt': 'x\n' });
    const dir = mkdtempSync(join(tmpdir(), 'keyward-push-'));
    execFileSync('git', ['clone', '-q', `file://${origin.dir}`, dir]);
    const clone = new TestRepo(dir);
    clone.git('config', 'user.name', 'Test User');
    clone.git('config', 'user.email', 'test@example.com');
    clone.git('checkout', '-q', '-b', 'topic');
    const key = awsKey();
    const adding = clone.commit('topic key', { 't.env': keyIn(key) });
    const result = await scanPush({ repoDir: dir, scanner, after: adding });
    expect(result.stats.commits).toBe(1);
    expect(result.findings.map((f) => f.commit?.sha)).toEqual([adding]);
  });

  it('handles a force push by scanning after, not the discarded commits', async () => {
    const repo = new TestRepo();
    const start = repo.commit('one', { 'a.txt': 'x\n' });
    const dropped = repo.commit('bad', { 'bad.env': keyIn(awsKey()) });
    repo.git('reset', '-q', '--hard', start);
    const key = awsKey();
    const after = repo.commit('good', { 'good.env': keyIn(key) });
    const result = await scanPush({ repoDir: repo.dir, scanner, before: dropped, after });
    expect(result.findings.map((f) => f.path)).toEqual(['good.env']);
  });

  it('keeps non-UTF-8 and spaced paths in diff and staged modes', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'x\n' });
    writeRawPath(repo, Buffer.from('caf\xe9 config.env', 'latin1'), keyIn(awsKey()));
    repo.commit('odd names', { 'with space.env': keyIn(awsKey()) });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => f.path).sort()).toEqual(['caf\ufffd config.env', 'with space.env']);
    repo.write('tab\there.env', keyIn(awsKey()));
    repo.git('add', '.');
    const staged = await scanStaged({ repoDir: repo.dir, scanner });
    expect(staged.findings.map((f) => f.path)).toEqual(['tab\there.env']);
  });

  it('skips submodules and LFS pointers in diffs and history, with notices', async () => {
    const inner = new TestRepo();
    inner.commit('inner', { 'inner.env': keyIn(awsKey()) });
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'x\n' });
    repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', inner.dir, 'vendor/inner');
    repo.commit('add submodule', { 'model.bin': `version https://git-lfs.github.com/spec/v1\noid sha256:${'b'.repeat(64)}\nsize 99\n` });
    const diff = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    const history = await scanHistory({ repoDir: repo.dir, scanner });
    for (const result of [diff, history]) {
      expect(result.findings).toEqual([]);
      expect(result.notices.map((n) => n.kind)).toEqual(expect.arrayContaining(['submodule', 'lfs-pointer']));
    }
  });

  it('caps huge blobs with a notice and scans binary blobs no further', async () => {
    const repo = new TestRepo();
    const key = awsKey();
    repo.commit('big', { 'big.txt': `${keyIn(key)}${'x'.repeat(300_000)}\n`, 'small.env': keyIn(awsKey()), 'blob.bin': Buffer.from([0, 1, 2, 0, 255, 0, 3]) });
    // Blob by blob, a blob over the cap is never read; patch by patch, the added lines up to the cap are scanned.
    const blobs = await scanHistory({ repoDir: repo.dir, scanner, maxBlobSize: 100_000, strategy: 'blobs' });
    expect(blobs.findings.map((f) => f.path)).toEqual(['small.env']);
    expect(blobs.notices.find((n) => n.kind === 'too-large')).toMatchObject({ unscanned: true, message: expect.stringMatching(/big\.txt/) });
    const history = await scanHistory({ repoDir: repo.dir, scanner, maxBlobSize: 100_000 });
    expect(history.findings.map((f) => f.path).sort()).toEqual(['big.txt', 'small.env']);
    expect(history.notices.find((n) => n.kind === 'too-large')).toMatchObject({ path: 'big.txt', unscanned: true });
    expect(history.notices.find((n) => n.kind === 'binary')?.message).toMatch(/^1 binary/);
    const diff = await scanDiff({ repoDir: repo.dir, scanner, maxBlobSize: 100_000, base: repo.git('rev-parse', 'HEAD'), head: 'HEAD' });
    expect(diff.findings).toEqual([]);
  });

  it('scans a partial clone without fetching, counting the blobs it never had', async () => {
    const origin = new TestRepo();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    const key = awsKey();
    origin.commit('old', { 'old.env': keyIn(key) });
    origin.commit('gone', { 'old.env': null, 'new.txt': 'fresh\n' });
    const dir = mkdtempSync(join(tmpdir(), 'keyward-partial-'));
    execFileSync('git', ['clone', '-q', '--filter=blob:none', `file://${origin.dir}`, dir]);
    const result = await scanHistory({ repoDir: dir, scanner });
    expect(result.findings).toEqual([]);
    expect(result.notices.find((n) => n.kind === 'missing-object')?.message).toMatch(/^1 blob/);
    // Still missing afterwards: the scan did not fetch it from the promisor remote.
    expect(execFileSync('git', ['-C', dir, 'rev-list', '--objects', '--missing=print', '--all'], { encoding: 'utf8' })).toContain(`?${origin.git('rev-parse', 'HEAD~1:old.env')}`);
  });

  it('survives a missing tree: scans what the walk read and says the walk stopped', async () => {
    const repo = new TestRepo();
    repo.commit('one', { 'one.env': keyIn(awsKey()) });
    repo.commit('two', { 'sub/two.txt': 'two\n' });
    const tree = repo.git('rev-parse', 'HEAD:sub');
    rmSync(join(repo.dir, '.git', 'objects', tree.slice(0, 2), tree.slice(2)));
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.findings.map((f) => f.path)).toEqual(['one.env']);
    expect(result.notices.some((n) => n.kind === 'missing-object')).toBe(true);
  });

  it('scans staged additions only, relative to the index, with file line numbers', async () => {
    const repo = new TestRepo();
    repo.commit('one', { 'app.cfg': 'a\nb\n' });
    const key = awsKey();
    repo.write('app.cfg', `a\nb\n${keyIn(key)}`);
    repo.git('add', 'app.cfg');
    const result = await scanStaged({ repoDir: repo.dir, scanner });
    expect(result.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['app.cfg:3']);
    expect(result.stats.commits).toBe(0);
    expect(JSON.stringify(result)).not.toContain(key);
  });
});

describe('progress reporter', () => {
  it('draws one line on a TTY and nothing elsewhere', async () => {
    const { createGitProgressReporter } = await import('../../../src/sources/git/index.js');
    const written: string[] = [];
    const tty = createGitProgressReporter({ isTTY: true, write: (t: string) => written.push(t) }, { intervalMs: 0 });
    tty.onProgress({ commitsDone: 3, commitsTotal: 10, blobsDone: 7, bytesDone: 2_500_000 });
    tty.done();
    expect(written[0]).toMatch(/3\/10 commits, 7 blobs, 2\.5 MB, [\d.]+ MB\/s/);
    expect(written.at(-1)).toBe('\r\u001b[2K');
    const silent: string[] = [];
    const pipe = createGitProgressReporter({ isTTY: false, write: (t: string) => silent.push(t) });
    pipe.onProgress({ commitsDone: 1, blobsDone: 1, bytesDone: 1 });
    pipe.done();
    expect(silent).toEqual([]);
  });
});

describe('multi-line secrets in diffs', () => {
  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const pem = () => `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 25 }, () => randomFrom(BASE64, 64)).join('\n')}\n-----END RSA PRIVATE KEY-----\n`;

  it('reports a rotated private key whose BEGIN and END lines did not change', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'deploy/key.pem': pem() });
    const rotated = pem();
    const rotation = repo.commit('rotate', { 'deploy/key.pem': rotated });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => `${f.ruleId}@${f.commit?.sha}`)).toEqual([`private-key@${rotation}`]);
    expect(JSON.stringify(result)).not.toContain(rotated.split('\n')[1]);
  });

  it('does not report a key that only sits next to an edited line', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'cfg.env': `A=1\n${keyIn(awsKey())}B=2\n` });
    repo.commit('edit neighbours', { 'cfg.env': `A=10\n${repo.git('show', 'HEAD:cfg.env').split('\n')[1]}\nB=20\n` });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings).toEqual([]);
  });
});

describe('history strategies agree', () => {
  it('finds side-branch and conflict-resolution secrets once each, with both strategies', async () => {
    const repo = new TestRepo();
    repo.commit('base', { 'c.txt': 'value = 1\n' });
    repo.git('checkout', '-q', '-b', 'side');
    const side = repo.commit('side', { 'c.txt': 'value = 2\n', 'side.env': keyIn(awsKey()) });
    repo.git('checkout', '-q', 'main');
    repo.commit('main', { 'c.txt': 'value = 3\n' });
    try {
      repo.git('merge', '-q', 'side');
    } catch {
      // conflict expected
    }
    repo.write('c.txt', `value = 4\n${keyIn(awsKey())}`);
    repo.git('add', 'c.txt');
    repo.git('commit', '-q', '--no-edit');
    const merge = repo.head();
    for (const strategy of ['blobs', 'patches'] as const) {
      const result = await scanHistory({ repoDir: repo.dir, scanner, strategy });
      expect(result.findings.map((f) => `${f.path}@${f.commit?.sha}`).sort(), strategy).toEqual([`c.txt@${merge}`, `side.env@${side}`].sort());
      expect(result.stats.commits, strategy).toBe(4);
    }
  });
});

describe('narrower scans', () => {
  it('history --since and --branch leave out what they should', async () => {
    const repo = new TestRepo();
    repo.commit('old', { 'old.env': keyIn(awsKey()) });
    const since = repo.head();
    const recent = repo.commit('recent', { 'recent.env': keyIn(awsKey()) });
    repo.git('checkout', '-q', '-b', 'other', since);
    const other = repo.commit('other', { 'other.env': keyIn(awsKey()) });
    repo.git('checkout', '-q', 'main');
    for (const strategy of ['blobs', 'patches'] as const) {
      const sinceResult = await scanHistory({ repoDir: repo.dir, scanner, since, strategy });
      expect(sinceResult.findings.map((f) => f.commit?.sha).sort(), strategy).toEqual([recent, other].sort());
      const branch = await scanHistory({ repoDir: repo.dir, scanner, branch: 'main', since, strategy });
      expect(branch.findings.map((f) => f.commit?.sha), strategy).toEqual([recent]);
    }
  });

  it('scans staged files before the very first commit', async () => {
    const repo = new TestRepo();
    repo.write('first.env', keyIn(awsKey()));
    repo.git('add', 'first.env');
    const result = await scanStaged({ repoDir: repo.dir, scanner });
    expect(result.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['first.env:1']);
  });
});
