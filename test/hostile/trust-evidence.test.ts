import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordRevocations, revocationsPath } from '../../src/action/evidence-post.js';
import { defaultConfig, type Finding } from '../../src/engine/index.js';
import { buildEvidence, checksumOf, serializeEvidence, verifyEvidence, type Evidence } from '../../src/governance/index.js';

const jqInstalled = spawnSync('jq', ['--version']).status === 0;

/** The evidence check exactly as the README documents it: the `test "sha256:$(jq ...` line of its Evidence section. */
function documentedCheck(): string {
  const readme = readFileSync(resolve('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Evidence'));
  const line = section.split('\n').find((l) => l.startsWith('test "sha256:$(jq -cjS'));
  if (!line) throw new Error('README has no documented checksum command');
  return line;
}

/** Text a pull request controls, as hostile as JSON allows: control characters, DEL, non-ASCII, astral, lone surrogates. */
const HOSTILE = ['src/\u007f.env', 'src/\u0001\u001f\b\f\t\r\n"\\.env', 'src/é中😀\u2028\u2029\u00ad\ufeff.env', 'src/\ud800lone\udfff.env', 'src/\ue000-vs-😀.env'];

function evidenceWith(paths: string[], credentials = false): Evidence {
  const findings = paths.map((path, i): Finding => ({
    ruleId: 'aws-access-key-id', title: 't', provider: 'AWS', severity: 'high', longLived: true, path, line: i + 1, column: 1, endLine: i + 1, endColumn: 2,
    redacted: 'AKIA…(20 chars)', fingerprint: String(i).repeat(64).slice(0, 64).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!), entropy: 4, verifiedFormat: true, remediation: 'r',
    owners: [{ handle: `@tëam/ünïcødé-${i}\u007f`, source: 'codeowners' }],
  }));
  const issued = credentials ? [{ cloud: 'vault' as const, identity: 'role/ci', oidc: { sub: 'repo:acme/app:ref:refs/heads/main', aud: 'vault', iss: 'https://token.actions.githubusercontent.com' }, issuedAt: '2026-06-01T10:00:00.000Z', expiresAt: '2026-06-01T10:15:00.000Z', durationSeconds: 900 }] : [];
  return buildEvidence({ findings, baselineFingerprints: [], issuedCredentials: issued as never, config: defaultConfig(), repo: 'acme/app', sha: 'a'.repeat(40), runId: 7, event: 'pull_request', startedAt: new Date(0), finishedAt: new Date(0) });
}

describe('evidence checksum', () => {
  it.skipIf(!jqInstalled)('passes the documented jq check on a file holding DEL, control, non-ASCII and broken UTF-16 text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-evidence-'));
    const evidence = evidenceWith(HOSTILE);
    writeFileSync(join(dir, 'keyward-evidence.json'), serializeEvidence(evidence));
    const out = execFileSync('sh', ['-c', documentedCheck()], { cwd: dir, encoding: 'utf8' });
    expect(out.trim()).toBe('checksum ok');
    expect(verifyEvidence(readFileSync(join(dir, 'keyward-evidence.json'), 'utf8')).valid).toBe(true);
    // One edit without recomputing the checksum makes the documented check fail.
    const edited = JSON.parse(readFileSync(join(dir, 'keyward-evidence.json'), 'utf8')) as Evidence;
    edited.findings[0]!.status = 'baseline';
    writeFileSync(join(dir, 'keyward-evidence.json'), JSON.stringify(edited));
    expect(spawnSync('sh', ['-c', documentedCheck()], { cwd: dir, encoding: 'utf8' }).status).not.toBe(0);
  });

  it('is called a checksum, not a seal, in the file and its summary', () => {
    const evidence = evidenceWith(['src/a.env']);
    const text = serializeEvidence(evidence);
    expect(JSON.parse(text)).toHaveProperty('checksum', checksumOf(evidence));
    expect(text).not.toMatch(/digest|seal/i);
  });
});

describe('the post step and the evidence file', () => {
  it('never changes the evidence; revocations go to a file of their own, and a planted file or link there is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-evidence-'));
    const path = join(dir, 'keyward-evidence.json');
    const evidence = evidenceWith([], true);
    writeFileSync(path, serializeEvidence(evidence));
    const before = readFileSync(path);
    const revoked = [{ ...evidence.credentials[0]!, revokedAt: '2026-06-01T10:05:00.000Z' }];
    expect(recordRevocations(path, revoked as never)).toBe(revocationsPath(path));
    expect(readFileSync(path).equals(before)).toBe(true);
    const record = JSON.parse(readFileSync(revocationsPath(path), 'utf8'));
    expect(record).toMatchObject({ kind: 'keyward-revocations', evidence: evidence.checksum, revocations: [{ cloud: 'vault', revokedAt: '2026-06-01T10:05:00.000Z' }] });

    const other = mkdtempSync(join(tmpdir(), 'keyward-evidence-'));
    const victim = join(other, 'victim');
    writeFileSync(join(other, 'keyward-evidence.json'), serializeEvidence(evidence));
    symlinkSync(victim, join(other, 'keyward-evidence.revocations.json'));
    expect(() => recordRevocations(join(other, 'keyward-evidence.json'), revoked as never)).toThrow(/EEXIST/);
    expect(existsSync(victim)).toBe(false);
  });
});

describe('the attestation example', () => {
  const example = resolve('docs/examples/evidence-attest.yml');
  const text = readFileSync(example, 'utf8');

  it('attests the evidence with actions/attest right after the Keyward step, before the upload', () => {
    const steps = text.slice(text.indexOf('steps:'));
    const keyward = steps.indexOf('id: keyward');
    const attest = steps.indexOf('uses: actions/attest@');
    const upload = steps.indexOf('uses: actions/upload-artifact@');
    expect(keyward).toBeGreaterThan(0);
    expect(attest).toBeGreaterThan(keyward);
    expect(upload).toBeGreaterThan(attest);
    expect(steps).toContain('subject-path: ${{ steps.keyward.outputs.evidence-file }}');
    expect(text).toMatch(/id-token: write/);
    expect(text).toMatch(/attestations: write/);
  });

  it('is a valid workflow for action-validator', () => {
    // @action-validator/cli 0.6.0 (the newest) bundles a workflow schema older than the `attestations` permission that
    // actions/attest needs, so that one line is taken out for the check; everything else is validated as written.
    const copy = join(mkdtempSync(join(tmpdir(), 'keyward-workflow-')), 'evidence-attest.yml');
    writeFileSync(copy, text.split('\n').filter((line) => !/^\s*attestations: write/.test(line)).join('\n'));
    const result = spawnSync(resolve('node_modules/.bin/action-validator'), [copy], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
