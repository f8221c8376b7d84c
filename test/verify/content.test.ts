import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner, defaultConfig } from '../../src/engine/index.js';
import { scanDiff, scanHistory, scanStaged } from '../../src/sources/git/index.js';
import { gitContent, treeContent } from '../../src/verify/content.js';
import { TestRepo } from '../helpers/git.js';
import { githubToken } from './fixtures.js';

const scanner = createScanner({ config: { ...defaultConfig(), fingerprintKey: 'k' } });
const repos: TestRepo[] = [];
afterEach(() => repos.splice(0).forEach((repo) => repo.cleanup()));
const newRepo = () => {
  const repo = new TestRepo();
  repos.push(repo);
  return repo;
};

/** True when the content the lookup returns for each finding holds that finding's secret again. */
async function refound(lookup: ReturnType<typeof gitContent>, findings: Awaited<ReturnType<typeof scanDiff>>['findings']) {
  return Promise.all(findings.map(async (finding) => {
    const content = await lookup(finding);
    return content !== undefined && scanner.secretsIn(content, finding.path).some((s) => s.fingerprint === finding.fingerprint);
  }));
}

describe('re-reading a finding\'s content for verification', () => {
  it('reads git findings from the blob at their commit, the commit message, and the index', async () => {
    const repo = newRepo();
    const base = repo.commit('base', { 'README.md': '# app\n' });
    repo.commit(`rotate: the old one was ${githubToken()}`, { 'ci/.env': `GH_TOKEN=${githubToken()}\n` });
    repo.commit('later edit', { 'ci/.env': 'GH_TOKEN=\n' });
    const history = await scanHistory({ repoDir: repo.dir, scanner });
    expect(history.findings.map((f) => f.path).sort()).toEqual(['<commit-message>', 'ci/.env']);
    expect(await refound(gitContent(repo.dir, 1 << 20), history.findings)).toEqual([true, true]);
    const diff = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(await refound(gitContent(repo.dir, 1 << 20), diff.findings)).toEqual(diff.findings.map(() => true));

    repo.write('staged.env', `GH_TOKEN=${githubToken()}\n`);
    repo.git('add', 'staged.env');
    repo.write('staged.env', 'changed in the work tree after staging\n');
    const staged = await scanStaged({ repoDir: repo.dir, scanner });
    expect(staged.findings).toHaveLength(1);
    expect(await refound(gitContent(repo.dir, 1 << 20), staged.findings)).toEqual([true]);
  });

  it('reads tree findings through the safe reader: no link is followed, no path leaves the root', () => {
    const repo = newRepo();
    repo.write('real.env', `GH_TOKEN=${githubToken()}\n`);
    symlinkSync(join(repo.dir, 'real.env'), join(repo.dir, 'link.env'));
    const lookup = treeContent(repo.dir, 1 << 20);
    const finding = { path: 'real.env' } as Parameters<typeof lookup>[0];
    expect(lookup(finding)).toBeInstanceOf(Buffer);
    expect(lookup({ ...finding, path: 'link.env' })).toBeUndefined();
    expect(lookup({ ...finding, path: '../outside.env' })).toBeUndefined();
  });
});
