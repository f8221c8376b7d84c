import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlobAt, readRegularFile, readRepoFile, writeOutputFile } from '../../src/sources/safe-fs.js';
import { TestRepo } from '../helpers/git.js';

/** The one safe reader and writer, on the shapes a hostile checkout can take (the bundle tests cover the wiring). */
describe('safe-fs: the shared reader and writer for files a pull request controls', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'keyward-safe-fs-'));

  it('refuses links (to /dev/zero, to a runner file), FIFOs, devices and directories with a typed reason, without blocking', () => {
    const root = dir();
    const outside = join(dir(), 'secret');
    writeFileSync(outside, 'runner secret\n');
    symlinkSync('/dev/zero', join(root, 'zero'));
    symlinkSync(outside, join(root, 'link'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
    mkdirSync(join(root, 'folder'));
    const reasons = ['zero', 'link', 'fifo', 'folder', 'missing'].map((name) => readRepoFile(root, name));
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['symlink', 'symlink', 'not-regular', 'not-regular', 'missing']);
    expect(readRegularFile('/dev/zero', { maxBytes: 1024 })).toMatchObject({ ok: false, reason: 'not-regular' });
    // Following a link (the credential guard's key file a variable names) still reads only a regular file.
    expect(readRegularFile(join(root, 'zero'), { maxBytes: 1024, followLinks: true })).toMatchObject({ ok: false, reason: 'not-regular' });
    expect(readRegularFile(join(root, 'link'), { maxBytes: 1024, followLinks: true })).toMatchObject({ ok: true, text: 'runner secret\n' });
  });

  it('refuses a linked directory on the way and a path leaving the repository', () => {
    const root = dir();
    const outside = dir();
    writeFileSync(join(outside, 'CODEOWNERS'), '* @elsewhere\n');
    symlinkSync(outside, join(root, '.github'));
    expect(readRepoFile(root, '.github/CODEOWNERS')).toMatchObject({ ok: false, reason: 'symlink' });
    expect(readRepoFile(root, '../x')).toMatchObject({ ok: false, reason: 'unreadable' });
  });

  it('holds the cap while reading: a file over it is too-large, one within it is read whole', () => {
    const root = dir();
    writeFileSync(join(root, 'big'), Buffer.alloc(4097, 0x61));
    writeFileSync(join(root, 'small'), 'owners\n');
    expect(readRepoFile(root, 'big', { maxBytes: 4096 })).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readRepoFile(root, 'small', { maxBytes: 4096 })).toMatchObject({ ok: true, text: 'owners\n' });
  });

  it('reads a blob at a commit only when it is a regular file within the cap', () => {
    const repo = new TestRepo();
    repo.write('big.txt', 'x'.repeat(5000));
    repo.write('CODEOWNERS', '* @base\n');
    symlinkSync('/dev/zero', join(repo.dir, 'zero'));
    const sha = repo.commit('base');
    expect(readBlobAt(repo.dir, sha, 'CODEOWNERS', 1024)).toMatchObject({ ok: true, text: '* @base\n' });
    expect(readBlobAt(repo.dir, sha, 'zero', 1024)).toMatchObject({ ok: false, reason: 'symlink' });
    expect(readBlobAt(repo.dir, sha, 'big.txt', 1024)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(readBlobAt(repo.dir, sha, 'nope', 1024)).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('writes without following a link at the name or on the way, and exclusive writes refuse an existing file', () => {
    const root = dir();
    const victim = join(dir(), 'victim');
    writeFileSync(victim, 'keep\n');
    symlinkSync(victim, join(root, 'out.sarif'));
    expect(() => writeOutputFile(join(root, 'out.sarif'), 'x', { root })).toThrow(/symbolic link/);
    symlinkSync(join(victim, '..'), join(root, 'reports'));
    expect(() => writeOutputFile(join(root, 'reports', 'e.json'), 'x', { root })).toThrow(/symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
    writeOutputFile(join(root, 'new', 'file'), 'first', { exclusive: true });
    expect(() => writeOutputFile(join(root, 'new', 'file'), 'second', { exclusive: true })).toThrow();
    writeOutputFile(join(root, 'new', 'file'), 'replaced');
    expect(readFileSync(join(root, 'new', 'file'), 'utf8')).toBe('replaced');
  });
});
