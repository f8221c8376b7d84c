import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git.js';
import { pullRequestEvent, runAction } from '../action/harness.js';

/** A file on the runner, outside the workspace, that a PR would like Keyward to overwrite. */
function victim(): { dir: string; file: string; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-victim-'));
  const file = join(dir, 'authorized_keys');
  const text = 'ssh-ed25519 AAAA... keep me\n';
  writeFileSync(file, text);
  return { dir, file, text };
}

describe('hostile outputs: report files are never written through a link, nor into a PR\'s workspace', () => {
  for (const input of ['sarif-file', 'evidence-file']) {
    it(`on a pull request, a workspace-relative ${input} is refused with a clear error`, async () => {
      const repo = new TestRepo();
      const baseSha = repo.commit('base', { 'README.md': '# app\n' });
      const headSha = repo.commit('feature', { 'src/app.ts': 'export const ok = 1;\n' });
      const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 71, baseSha, headSha }), inputs: { [input]: 'reports/keyward.out', comment: 'false' } });
      expect(run.code, run.log).toBe(1);
      expect(run.log).toContain(`input ${input}: reports/keyward.out is inside the workspace`);
      expect(existsSync(join(repo.dir, 'reports'))).toBe(false);
    });
  }

  it('on push, a sarif-file that the commit made a link to a runner file is refused, and the file is untouched', async () => {
    const target = victim();
    const repo = new TestRepo();
    const before = repo.commit('base', { 'README.md': '# app\n' });
    symlinkSync(target.file, join(repo.dir, 'keyward.sarif'));
    const after = repo.commit('link', { 'src/app.ts': 'export const ok = 1;\n' });
    const run = await runAction({ workspace: repo.dir, eventName: 'push', event: { before, after }, inputs: { 'sarif-file': 'keyward.sarif' } });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/refusing to write .*keyward\.sarif: it is a symbolic link/);
    expect(readFileSync(target.file, 'utf8')).toBe(target.text);
  });

  it('on push, an evidence-file under a directory the commit made a link is refused, and nothing lands outside', async () => {
    const target = victim();
    const repo = new TestRepo();
    const before = repo.commit('base', { 'README.md': '# app\n' });
    symlinkSync(target.dir, join(repo.dir, 'reports'));
    const after = repo.commit('link', { 'src/app.ts': 'export const ok = 1;\n' });
    const run = await runAction({ workspace: repo.dir, eventName: 'push', event: { before, after }, inputs: { 'evidence-file': 'reports/evidence.json' } });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toMatch(/refusing to write .*reports\/evidence\.json: .*reports is a symbolic link/);
    expect(readdirSync(target.dir)).toEqual(['authorized_keys']);
  });
});
