import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, fingerprint, fingerprintKey, legacyFingerprint } from '../../src/engine/index.js';
import { KEYED_BASELINE_HEADER, loadBaseline, rewriteBaseline } from '../../src/engine/baseline.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { NODE } from '../action/harness.js';
import { loadPreviousFindings } from '../../src/action/evidence.js';
import { buildEvidence } from '../../src/governance/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';

const CLI = resolve('dist/cli/index.js');
const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

function keyward(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, NO_COLOR: '1', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('keyed fingerprints', () => {
  it('are HMAC-SHA256 under the repository key: a word list without the key finds nothing', () => {
    const password = ['hunter2', 'Sunshine'].join('-');
    const repoKey = fingerprintKey({ GITHUB_REPOSITORY: 'Acme/App' });
    expect(repoKey).toEqual({ key: 'repository:acme/app', source: 'repository acme/app', keyed: true });
    const published = fingerprint('generic-password', Buffer.from(password), repoKey.key);
    // The attack of the issue: hash each candidate as the old unkeyed scheme did.
    const words = ['password', 'hunter2', 'Sunshine', 'hunter2-Sunshine', 'letmein'];
    const guesses = words.map((w) => createHash('sha256').update('generic-password').update('\0').update(w).digest('hex'));
    expect(guesses).not.toContain(published);
    expect(legacyFingerprint('generic-password', Buffer.from(password))).toBe(guesses[3]);
    // Another repository, or a secret key, gives another fingerprint.
    expect(fingerprint('generic-password', Buffer.from(password), fingerprintKey({ GITHUB_REPOSITORY: 'acme/other' }).key)).not.toBe(published);
    const secretKey = fingerprintKey({ GITHUB_REPOSITORY: 'acme/app', KEYWARD_FINGERPRINT_KEY: 's3cr3t' });
    expect(secretKey.source).toBe('KEYWARD_FINGERPRINT_KEY');
    expect(JSON.stringify({ ...secretKey, key: undefined })).not.toContain('s3cr3t');
    expect(fingerprint('generic-password', Buffer.from(password), secretKey.key)).not.toBe(published);
    expect(fingerprintKey({}).keyed).toBe(false);
  });

  it('accept old unkeyed baseline entries on read and say which finding they migrate', () => {
    const key = awsKey();
    const config = { ...defaultConfig(), fingerprintKey: fingerprintKey({ GITHUB_REPOSITORY: 'acme/app' }).key };
    const legacy = legacyFingerprint('aws-access-key-id', Buffer.from(key));
    const content = Buffer.from(`AWS_ACCESS_KEY_ID=${key}\n`);
    const [finding] = createScanner({ config, baseline: [legacy] }).scanBuffer(content, 'ops/.env').findings;
    expect(finding).toMatchObject({ baseline: true, migratedFrom: legacy });
    expect(finding!.fingerprint).not.toBe(legacy);
    const [keyed] = createScanner({ config, baseline: [finding!.fingerprint] }).scanBuffer(content, 'ops/.env').findings;
    expect(keyed!.baseline).toBe(true);
    expect(keyed!.migratedFrom).toBeUndefined();
    // The config allowlist is read the same way.
    expect(createScanner({ config: { ...config, allowlist: { ...config.allowlist, fingerprints: [legacy] } } }).scanBuffer(content, 'ops/.env').findings).toEqual([]);
  });

  it('evidence records a finding accepted by its old fingerprint as baseline, not its entry as fixed; schema 1 previous reports are refused', () => {
    const key = awsKey();
    const config = { ...defaultConfig(), fingerprintKey: fingerprintKey({ GITHUB_REPOSITORY: 'acme/app' }).key };
    const legacy = legacyFingerprint('aws-access-key-id', Buffer.from(key));
    const findings = createScanner({ config, baseline: [legacy] }).scanBuffer(Buffer.from(`AWS_ACCESS_KEY_ID=${key}\n`), 'ops/.env').findings;
    const evidence = buildEvidence({ findings, baselineFingerprints: [legacy], issuedCredentials: [], config, repo: 'acme/app', sha: 'a'.repeat(40), runId: 1, event: 'push', startedAt: new Date(0), finishedAt: new Date(0) });
    expect(evidence.findings.map((f) => f.status)).toEqual(['baseline']);
    const old = join(mkdtempSync(join(tmpdir(), 'keyward-previous-')), 'evidence.json');
    writeFileSync(old, JSON.stringify({ kind: 'keyward-evidence', schemaVersion: '1.0', findings: [{ fingerprint: legacy, status: 'new' }] }));
    expect(() => loadPreviousFindings(old)).toThrow(/predates keyed fingerprints/);
  });

  it('rewrite a baseline in its own format, keeping entries nothing matched', () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => x.repeat(64)) as [string, string, string];
    const keyedFor = new Map([[a, c]]);
    const text = rewriteBaseline(`# accepted\n${a}\n${b} # old\n`, keyedFor);
    expect(text).toEqual({ text: `${KEYED_BASELINE_HEADER}\n# accepted\n${c}\n${b} # old\n`, rewritten: 1 });
    expect(JSON.parse(rewriteBaseline(JSON.stringify([a, b]), keyedFor).text)).toEqual([c, b]);
    const report = JSON.parse(rewriteBaseline(JSON.stringify({ findings: [{ fingerprint: a, migratedFrom: a, path: 'x' }] }), keyedFor).text);
    expect(report.findings).toEqual([{ fingerprint: c, path: 'x' }]);
  });

  it('`keyward baseline migrate` rewrites a file so the next scan matches by keyed fingerprints only', () => {
    const repo = new TestRepo();
    const key = awsKey();
    repo.commit('init', { 'ops/.env': `AWS_ACCESS_KEY_ID=${key}\n` });
    const legacy = legacyFingerprint('aws-access-key-id', Buffer.from(key));
    const file = join(repo.dir, 'keyward-baseline.txt');
    writeFileSync(file, `${legacy}\n`);
    const env = { GITHUB_REPOSITORY: 'acme/app' };
    const before = keyward(['scan', '.', '--baseline', file, '--format', 'json'], repo.dir, env);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stderr).toContain('keyward baseline migrate');
    const migrate = keyward(['baseline', 'migrate', file, '.'], repo.dir, env);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stderr).toContain('rewrote 1 unkeyed fingerprint(s)');
    const prints = loadBaseline(file);
    expect(prints.has(legacy)).toBe(false);
    expect(readFileSync(file, 'utf8').startsWith(KEYED_BASELINE_HEADER)).toBe(true);
    const after = keyward(['scan', '.', '--baseline', file, '--format', 'json'], repo.dir, env);
    expect(after.code, after.stderr).toBe(0);
    const report = JSON.parse(after.stdout);
    expect(report.findings[0]).toMatchObject({ baseline: true });
    expect(report.findings[0].migratedFrom).toBeUndefined();
    expect(prints.has(report.findings[0].fingerprint)).toBe(true);
    expect(after.stdout + after.stderr + migrate.stderr).not.toContain(key);
  });
});
