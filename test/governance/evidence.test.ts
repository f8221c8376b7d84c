import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssuedCredential } from '../../src/credentials/types.js';
import { createScanner, defaultConfig, type KeywardConfig } from '../../src/engine/index.js';
import { buildEvidence, canonicalJson, checksumOf, revocationRecord, computePolicyVersion, enrichFindings, renderEvidenceMarkdown, serializeEvidence, verifyEvidence } from '../../src/governance/index.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

function config(): KeywardConfig {
  const c = defaultConfig();
  c.rules.custom.push({ id: 'test-token', title: 'Test token', severity: 'high', keywords: ['kwtest_'], pattern: 'kwtest_([A-Za-z0-9]{36})', longLived: true });
  return c;
}

function scan(secrets: string[]) {
  const scanner = createScanner({ config: config() });
  const text = secrets.map((s, i) => `const token${i} = "kwtest_${s}";`).join('\n');
  return scanner.scanBuffer(Buffer.from(text), 'src/app.js').findings;
}

const credential: IssuedCredential = {
  cloud: 'aws',
  identity: 'arn:aws:iam::123456789012:role/deploy',
  oidc: { sub: 'repo:acme/app:ref:refs/heads/main', aud: 'sts.amazonaws.com', iss: 'https://token.actions.githubusercontent.com', repository: 'acme/app' },
  issuedAt: '2026-06-01T10:00:00.000Z',
  expiresAt: '2026-06-01T10:15:00.000Z',
  durationSeconds: 900,
  revokedAt: '2026-06-01T10:05:00.000Z',
  outputs: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'],
};

function build(secrets: string[], baseline: string[], previous: string[] = []) {
  const findings = enrichFindings(scan(secrets), { repoDir: tmpdir(), now: new Date('2026-06-01T00:00:00Z'), inventory: null, codeowners: null });
  return buildEvidence({
    findings,
    baselineFingerprints: baseline,
    previousFingerprints: previous,
    issuedCredentials: [credential],
    config: config(),
    inventoryText: 'version: 1\nidentities: []\n',
    repo: 'acme/app',
    sha: 'a'.repeat(40),
    runId: 42,
    event: 'push',
    startedAt: new Date('2026-06-01T10:00:00Z'),
    finishedAt: '2026-06-01T10:01:00Z',
  });
}

describe('evidence', () => {
  const secrets = [randomFrom(ALNUM, 36), randomFrom(ALNUM, 36)];
  const findings = scan(secrets);
  const [first, second] = findings.map((f) => f.fingerprint);

  it('records fingerprints with new / baseline / fixed status, credentials, policy version, and no secret values', () => {
    expect(findings).toHaveLength(2);
    const gone = 'f'.repeat(64);
    const evidence = build(secrets, [first ?? '', gone], ['e'.repeat(64), second ?? '']);
    expect(evidence.findings.map((f) => [f.status, f.fingerprint.slice(0, 8), f.line ?? null])).toEqual([
      ['new', second?.slice(0, 8), 2],
      ['baseline', first?.slice(0, 8), 1],
      ['fixed', 'eeeeeeee', null],
      ['fixed', 'ffffffff', null],
    ]);
    expect(evidence.findings[0]).toMatchObject({ ruleId: 'test-token', path: 'src/app.js', severity: 'high', longLived: true, expiry: { status: 'unknown' } });
    expect(evidence.summary).toEqual({ new: 1, baseline: 1, fixed: 2, credentialsIssued: 1, credentialsRevoked: 1 });
    expect(evidence.credentials[0]).toMatchObject({ cloud: 'aws', identity: credential.identity, oidc: { sub: credential.oidc.sub }, durationSeconds: 900 });
    expect(evidence.runId).toBe('42');
    expect(evidence.startedAt).toBe('2026-06-01T10:00:00.000Z');
    expect(evidence.policyVersion).toBe(computePolicyVersion(config(), 'version: 1\nidentities: []\n'));
    expect(evidence.policyVersion).toMatch(/^sha256:[0-9a-f]{64}$/);
    const text = serializeEvidence(evidence);
    for (const secret of secrets) expect(text).not.toContain(secret);
    for (const finding of findings) expect(text).not.toContain(finding.redacted);
    const markdown = renderEvidenceMarkdown(evidence);
    expect(markdown).toContain('1 new, 1 accepted in baseline, 2 fixed');
    expect(markdown).toContain(evidence.checksum);
    for (const secret of secrets) expect(markdown).not.toContain(secret);
  });

  it('the policy version changes with the config or the inventory, not with where the config was read from', () => {
    const base = computePolicyVersion(config(), 'a');
    expect(computePolicyVersion({ ...config(), source: '/elsewhere/.keyward.yml' }, 'a')).toBe(base);
    expect(computePolicyVersion(config(), 'b')).not.toBe(base);
    expect(computePolicyVersion({ ...config(), failOn: 'critical' }, 'a')).not.toBe(base);
  });

  it('round-trips: the serialized file verifies, whatever its formatting', () => {
    const evidence = build(secrets, []);
    expect(verifyEvidence(serializeEvidence(evidence))).toEqual({ valid: true, claimed: evidence.checksum, computed: evidence.checksum, problems: [] });
    expect(verifyEvidence(JSON.stringify(evidence)).valid).toBe(true);
    expect(verifyEvidence(evidence, { config: config(), inventoryText: 'version: 1\nidentities: []\n' }).valid).toBe(true);
  });

  it('detects tampering: a status, a removed finding, a changed credential, a swapped checksum', () => {
    const evidence = build(secrets, []);
    const tamper = (edit: (e: typeof evidence) => void) => {
      const copy = JSON.parse(serializeEvidence(evidence)) as typeof evidence;
      edit(copy);
      return verifyEvidence(JSON.stringify(copy));
    };
    const changed = tamper((e) => {
      if (e.findings[0]) e.findings[0].status = 'baseline';
    });
    expect(changed.valid).toBe(false);
    expect(changed.problems.join('\n')).toContain('the file was changed after the run');
    expect(tamper((e) => e.findings.pop()).valid).toBe(false);
    expect(tamper((e) => {
      if (e.credentials[0]) e.credentials[0].durationSeconds = 3600;
    }).valid).toBe(false);
    expect(tamper((e) => (e.checksum = `sha256:${'0'.repeat(64)}`)).valid).toBe(false);
    expect(tamper((e) => Reflect.deleteProperty(e, 'checksum')).problems).toContain('checksum: missing');
    expect(verifyEvidence('{not json').problems[0]).toMatch(/^not JSON/);
    expect(verifyEvidence(evidence, { config: { ...config(), blockLongLived: false } }).problems[0]).toMatch(/^policyVersion/);
  });

  it('the post step records revocations in a file of their own, naming the evidence by its checksum', () => {
    const before = buildEvidence({ findings: [], baselineFingerprints: [], issuedCredentials: [{ ...credential, revokedAt: undefined }], config: config(), repo: 'acme/app', sha: 'a'.repeat(40), runId: 1, event: 'push', startedAt: new Date(0), finishedAt: new Date(0) });
    expect(before.summary.credentialsRevoked).toBe(0);
    const record = revocationRecord(before, [{ cloud: 'aws', identity: credential.identity, issuedAt: credential.issuedAt, revokedAt: '2026-06-01T10:09:00.000Z' }]);
    expect(record).toMatchObject({ kind: 'keyward-revocations', evidence: before.checksum, revocations: [{ cloud: 'aws', revokedAt: '2026-06-01T10:09:00.000Z' }] });
    expect(record.checksum).toBe(checksumOf(record));
  });

  it('still verifies evidence of schema 1.x, whose checksum was called digest', () => {
    const { checksum: _checksum, ...current } = build(secrets, []);
    const body = { ...current, schemaVersion: '1.0' };
    const old = { ...body, digest: checksumOf(body) };
    expect(verifyEvidence(JSON.stringify(old)).valid).toBe(true);
    expect(verifyEvidence(JSON.stringify({ ...old, digest: `sha256:${'0'.repeat(64)}` })).problems.join('\n')).toContain('digest: the content does not match');
  });

  it('an auditor can recompute the checksum with jq and sha256sum', () => {
    const evidence = build(secrets, []);
    const dir = mkdtempSync(join(tmpdir(), 'keyward-evidence-'));
    try {
      const file = join(dir, 'keyward-evidence.json');
      writeFileSync(file, serializeEvidence(evidence));
      let jq: string;
      try {
        jq = execFileSync('jq', ['-cjS', 'del(.checksum)', file], { encoding: 'utf8' });
      } catch {
        return; // jq not installed here; the canonical form is covered above.
      }
      const { checksum: _checksum, ...body } = evidence;
      expect(jq).toBe(canonicalJson(body));
      const sum = execFileSync('sha256sum', { input: jq, encoding: 'utf8' }).split(' ')[0];
      expect(`sha256:${sum}`).toBe(evidence.checksum);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('docs/evidence-schema.json', () => {
  it('describes what buildEvidence writes', async () => {
    const { readFileSync } = await import('node:fs');
    const schema = JSON.parse(readFileSync(new URL('../../docs/evidence-schema.json', import.meta.url), 'utf8')) as {
      $schema: string;
      required: string[];
      properties: Record<string, unknown>;
      $defs: { finding: { properties: Record<string, unknown> }; credential: { properties: Record<string, unknown> } };
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const evidence = buildEvidence({
      findings: enrichFindings(scan([randomFrom(ALNUM, 36)]), { repoDir: tmpdir(), now: new Date(), inventory: null, codeowners: null }).map((f) => ({ ...f, commit: { sha: 'b'.repeat(40), author: 'a', email: 'a@example.com', date: '2026-01-01T00:00:00Z' } })),
      baselineFingerprints: ['c'.repeat(64)],
      issuedCredentials: [{ ...credential, chain: ['arn:aws:iam::1:role/a'], policyVersion: 'p' }],
      config: config(),
      repo: 'acme/app',
      sha: 'a'.repeat(40),
      runId: '1',
      event: 'pull_request',
      startedAt: new Date(),
      finishedAt: new Date(),
    });
    expect(Object.keys(evidence).sort()).toEqual([...schema.required].sort());
    expect(Object.keys(schema.properties).sort()).toEqual([...schema.required].sort());
    for (const finding of evidence.findings) for (const key of Object.keys(finding)) expect(schema.$defs.finding.properties, key).toHaveProperty([key]);
    for (const c of evidence.credentials) for (const key of Object.keys(c)) expect(schema.$defs.credential.properties, key).toHaveProperty([key]);
    // Validated with Ajv (its draft-07 engine reads every keyword this schema uses) and ajv-formats for date-time.
    const { Ajv } = await import('ajv');
    const { default: formats } = await import('ajv-formats');
    const addFormats = formats as unknown as (ajv: InstanceType<typeof Ajv>) => void;
    {
      const { $schema: _s, ...rest } = schema;
      const ajv = new Ajv({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(rest);
      expect(validate(evidence), JSON.stringify(validate.errors)).toBe(true);
      const broken = { ...evidence, findings: [{ fingerprint: 'x', status: 'gone' }] };
      expect(validate(broken)).toBe(false);
    }
  });
});
