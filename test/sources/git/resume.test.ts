import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/engine/index.js';
import { scanHistory, type HistoryStrategy } from '../../../src/sources/git/index.js';
import { TestRepo } from '../../helpers/git.js';
import { randomFrom } from '../../helpers/fake-secrets.js';

const scanner = createScanner();
const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const keyIn = (key: string) => `aws_key = "${key}"\n`;
const dropLoose = (repo: TestRepo, sha: string) => rmSync(join(repo.dir, '.git', 'objects', sha.slice(0, 2), sha.slice(2)));
const where = (result: Awaited<ReturnType<typeof scanHistory>>) => result.findings.map((f) => `${f.path}@${f.commit?.sha}`).sort();
const strategies: HistoryStrategy[] = ['patches', 'blobs'];

/** Commits before, at and after the damage, each adding its own secret: the scan must find all three at their commits. */
function damagedHistory() {
  const repo = new TestRepo();
  const keys = [awsKey(), awsKey(), awsKey()];
  const before = repo.commit('before', { 'a.env': keyIn(keys[0]!) });
  const at = repo.commit('at', { 'b.env': keyIn(keys[1]!), 'lost.txt': 'this blob goes missing\n' });
  const after = repo.commit('after', { 'c.env': keyIn(keys[2]!), 'a.env': `${keyIn(keys[0]!)}more = 1\n` });
  return { repo, keys, before, at, after };
}

describe('history scans go on past missing objects', () => {
  it.each(strategies)('a missing blob (%s): the commits before and after keep their exact attribution', async (strategy) => {
    const { repo, keys, before, at, after } = damagedHistory();
    dropLoose(repo, repo.git('rev-parse', `${at}:lost.txt`));
    const result = await scanHistory({ repoDir: repo.dir, scanner, strategy });
    expect(where(result)).toEqual([`a.env@${before}`, `b.env@${at}`, `c.env@${after}`].sort());
    expect(result.stats.commits).toBe(3);
    const missing = result.notices.filter((n) => n.kind === 'missing-object');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ unscanned: true });
    // Not a restart from scratch: nothing says the scan was begun again another way.
    expect(JSON.stringify(result.notices)).not.toMatch(/instead\b(?!.*went on)/);
    for (const key of keys) expect(JSON.stringify(result)).not.toContain(key);
  });

  it.each(strategies)('a missing tree (%s): the commit that needs it is reported as not scanned, later ones are scanned', async (strategy) => {
    const repo = new TestRepo();
    const keys = [awsKey(), awsKey()];
    const first = repo.commit('one', { 'one.env': keyIn(keys[0]!) });
    const broken = repo.commit('two', { 'sub/two.txt': 'two\n' });
    const third = repo.commit('three', { 'three.env': keyIn(keys[1]!) });
    dropLoose(repo, repo.git('rev-parse', `${broken}:sub`));
    const result = await scanHistory({ repoDir: repo.dir, scanner, strategy });
    expect(where(result)).toEqual([`one.env@${first}`, `three.env@${third}`].sort());
    expect(result.notices.filter((n) => n.kind === 'missing-object' && n.unscanned)).not.toHaveLength(0);
    expect(JSON.stringify(result.notices)).toContain(broken.slice(0, 12));
  });

  it('a partial clone whose promisor remote is gone (blob:limit): small files of every commit are scanned, big ones listed', async () => {
    const origin = new TestRepo();
    origin.git('config', 'uploadpack.allowFilter', 'true');
    const keys = [awsKey(), awsKey(), awsKey()];
    const big = 'x'.repeat(4000) + '\n';
    const commits = [
      origin.commit('c1', { 'one.env': keyIn(keys[0]!), 'big1.txt': big + '1\n' }),
      origin.commit('c2', { 'two.env': keyIn(keys[1]!), 'big2.txt': big + '2\n' }),
      origin.commit('c3', { 'three.env': keyIn(keys[2]!), 'big1.txt': big + '3\n' }),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'keyward-partial-limit-'));
    execFileSync('git', ['clone', '-q', '--no-checkout', '--filter=blob:limit=1k', `file://${origin.dir}`, dir]);
    // The remote is unreachable from here on: a read of a big blob cannot be fetched lazily and fails.
    execFileSync('git', ['-C', dir, 'remote', 'set-url', 'origin', `file://${origin.dir}-gone`]);
    for (const strategy of [undefined, ...strategies]) {
      const result = await scanHistory({ repoDir: dir, scanner, ...(strategy ? { strategy } : {}) });
      expect(where(result), strategy).toEqual([`one.env@${commits[0]}`, `two.env@${commits[1]}`, `three.env@${commits[2]}`].sort());
      expect(result.stats.commits, strategy).toBe(3);
      expect(result.notices.some((n) => n.kind === 'missing-object' && n.unscanned), strategy).toBe(true);
    }
  });
});

describe('history strategy', () => {
  it('is timed per repository on a sample of its commits, and said in the stats', async () => {
    const small = new TestRepo();
    small.commit('one', { 'a.txt': 'a\n' });
    expect((await scanHistory({ repoDir: small.dir, scanner })).stats.strategy).toMatchObject({ strategy: 'patches', reason: expect.stringMatching(/too few/) });
    // 450 commits through fast-import, each editing one of a few files.
    const repo = new TestRepo();
    let stream = '';
    for (let i = 1; i <= 450; i++) {
      const body = `line ${i}\n`.repeat(50 + (i % 7));
      stream += `commit refs/heads/main\nmark :${i}\ncommitter T <t@example.com> ${1_700_000_000 + i} +0000\ndata 3\nc${i % 10}\n${i > 1 ? `from :${i - 1}\n` : ''}M 100644 inline f${i % 5}.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`;
    }
    execFileSync('git', ['-C', repo.dir, 'fast-import', '--quiet'], { input: stream });
    const result = await scanHistory({ repoDir: repo.dir, scanner });
    expect(result.stats.strategy).toMatchObject({ strategy: expect.stringMatching(/^(blobs|patches)$/), reason: expect.stringMatching(/^probe of 120 commits: patches \d+ ms, blobs \d+ ms \(estimated from CPU time\)$/) });
    expect(result.stats.strategy?.probe).toMatchObject({ commits: 120, threads: 1 });
    expect(result.stats.commits).toBe(450);
  });
});
