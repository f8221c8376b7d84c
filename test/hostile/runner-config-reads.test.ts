import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadBaseline, loadConfig } from '../../src/engine/index.js';

/** The engine's own loaders (the CLI's config and baseline) read through the one safe reader, as the Action does. */
describe('hostile work tree: the CLI config and baseline loaders follow no link and never block', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-config-reads-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('a .keyward.yml that is a link (to /dev/zero, to a runner file) or a FIFO is an error naming it, not followed', () => {
    const outside = join(scratch(), 'runner.yml');
    writeFileSync(outside, 'fail-on: info\n');
    for (const make of [(path: string) => symlinkSync('/dev/zero', path), (path: string) => symlinkSync(outside, path), (path: string) => execFileSync('mkfifo', [path])]) {
      const repo = scratch();
      make(join(repo, '.keyward.yml'));
      expect(() => loadConfig({ repoDir: repo })).toThrow(ConfigError);
      expect(() => loadConfig({ repoDir: repo })).toThrow(/\.keyward\.yml: not read: (a symbolic link|not a regular file)/);
    }
  });

  it('a config reached through a linked directory is refused, and a linked .gitleaks.toml is not imported', () => {
    const outside = scratch();
    writeFileSync(join(outside, 'keyward.yml'), 'fail-on: info\n');
    writeFileSync(join(outside, '.gitleaks.toml'), '[[rules]]\nid = "x"\nregex = "x"\n');
    const repo = scratch();
    symlinkSync(outside, join(repo, '.github'));
    expect(() => loadConfig({ repoDir: repo })).toThrow(/\.github\/keyward\.yml: not read: \.github is a symbolic link/);
    const other = scratch();
    symlinkSync(join(outside, '.gitleaks.toml'), join(other, '.gitleaks.toml'));
    expect(loadConfig({ repoDir: other }).rules.custom).toEqual([]);
  });

  it('a baseline that is a link or a device is an error with its path; a real one still loads', () => {
    const dir = scratch();
    const print = 'a'.repeat(64);
    writeFileSync(join(dir, 'real.txt'), `${print}\n`);
    symlinkSync(join(dir, 'real.txt'), join(dir, 'linked.txt'));
    symlinkSync('/dev/zero', join(dir, 'zero.txt'));
    expect([...loadBaseline(join(dir, 'real.txt'))]).toEqual([print]);
    expect(() => loadBaseline(join(dir, 'linked.txt'))).toThrow(/linked\.txt: not read: a symbolic link/);
    expect(() => loadBaseline(join(dir, 'zero.txt'))).toThrow(/zero\.txt: not read: a symbolic link/);
    expect(() => loadBaseline('/dev/zero')).toThrow(/not a regular file/);
  });
});
