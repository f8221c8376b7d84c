import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE } from './harness.js';

describe('the post step bundle (dist/post/index.js)', () => {
  it('succeeds quietly when the main step swapped no credentials', () => {
    const root = mkdtempSync(join(tmpdir(), 'keyward-post-'));
    const result = spawnSync(NODE, [resolve('dist/post/index.js')], { encoding: 'utf8', env: { PATH: process.env.PATH, RUNNER_TEMP: root, GITHUB_WORKSPACE: root, GITHUB_STATE: join(root, 'state') } });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('no short-lived credentials to clean up');
  });
});
