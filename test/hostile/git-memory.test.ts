import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NODE } from '../action/harness.js';
import { PullRequestRepo, awsKey, keyLine } from './git-fixtures.js';

/** Records the process's peak resident memory (kB) in a file at exit, whatever the exit path. */
const RECORD_RSS = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.KEYWARD_RSS_FILE,String(process.resourceUsage().maxRSS)))`;

interface CliRun {
  code: number | null;
  stderr: string;
  report: { findings: { path: string; line: number }[]; notices: { kind: string; path?: string; unscanned?: boolean }[] };
  peakMb: number;
}

/** The CLI bundle scans the PR range in a child process with a small heap; returns its report and peak RSS. */
async function scanInChild(repoDir: string, range: string): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), 'keyward-mem-'));
  try {
    const env = { ...process.env, KEYWARD_RSS_FILE: join(out, 'rss') };
    const args = ['--max-old-space-size=160', `--import=${RECORD_RSS}`, resolve('dist/cli/index.js'), 'scan', repoDir, '--diff', range, '--format', 'json', '--output', join(out, 'report.json'), '--quiet'];
    const child = spawn(NODE, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stderr, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')), peakMb: Number(readFileSync(join(out, 'rss'), 'utf8')) / 1024 };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('memory follows what is scanned, not what a PR adds', () => {
  const repos: PullRequestRepo[] = [];
  afterAll(() => {
    for (const repo of repos) repo.cleanup();
  });

  it('scans a PR adding 24 MB of short lines and a 40 MB file over the cap in a bounded heap', async () => {
    const pr = new PullRequestRepo();
    repos.push(pr);
    const key = awsKey();
    const late = awsKey();
    const rowCount = Math.floor((24 * 1024 * 1024) / 5);
    const rows = 'id,1\n'.repeat(rowCount);
    // The over-cap file: 40 MB of lines, a key at its start (scanned: within the cap) and one at its end (past it).
    const huge = `${keyLine(late)}${'0123456789abcdef0123456789abcdef0123456789abcde\n'.repeat(40 * 1024 * 1024 / 48)}${keyLine(awsKey())}`;
    writeFileSync(join(pr.repo.dir, 'rows.csv'), `${rows}${keyLine(key)}`);
    writeFileSync(join(pr.repo.dir, 'dump.sql'), huge);
    pr.commit('add data');
    const run = await scanInChild(pr.repo.dir, `${pr.base}...${pr.head}`);
    expect(run.code, run.stderr).toBe(1);
    expect(run.report.findings.map((f) => `${f.path}:${f.line}`).sort()).toEqual(['dump.sql:1', `rows.csv:${rowCount + 1}`]);
    expect(run.report.notices.filter((n) => n.unscanned).map((n) => `${n.kind}:${n.path}`)).toEqual(['too-large:dump.sql']);
    // Before streaming: about 3 GB for the rows (an object per line) and 4.4 GB for the file over the cap.
    expect(run.peakMb).toBeLessThan(250);
    if (process.env.KEYWARD_PRINT_RSS) process.stderr.write(`peak RSS ${run.peakMb.toFixed(0)} MB\n`);
  }, 240_000);
});
