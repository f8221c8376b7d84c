import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, type Finding } from '../../src/engine/index.js';
import { enrichFindings } from '../../src/governance/enrich.js';
import { buildEvidence } from '../../src/governance/evidence.js';
import { githubToken } from './fixtures.js';

const scanner = createScanner({ config: defaultConfig() });
const now = new Date('2026-12-01T10:00:00Z');

function verifiedFinding(verification: Finding['verification']): Finding {
  const finding = scanner.scanBuffer(Buffer.from(`GH_TOKEN=${githubToken()}\n`), 'ci/release.env').findings[0]!;
  return { ...finding, verification, commit: { sha: 'c'.repeat(40), author: 'Dev', email: 'dev@example.com', date: '2026-11-01T00:00:00Z' } };
}

describe('verification feeds governance', () => {
  const active = verifiedFinding({ status: 'active', verifier: 'github', checkedAt: now.toISOString(), identity: 'release-bot', expiresAt: '2026-12-20T00:00:00.000Z' });
  const inactive = verifiedFinding({ status: 'inactive', verifier: 'github', checkedAt: now.toISOString(), reason: 'HTTP 401 (bad credentials)' });

  it('names the provider identity as the first owner and takes the provider expiry, for active credentials only', () => {
    const [enriched, refused] = enrichFindings([active, inactive], { repoDir: '/nonexistent', now, inventory: null, codeowners: null });
    expect(enriched!.owners).toEqual([
      { handle: 'release-bot', source: 'provider' },
      { handle: 'dev@example.com', source: 'commit-author' },
    ]);
    expect(enriched!.expiry).toMatchObject({ status: 'expiring-soon', expiresAt: '2026-12-20T00:00:00.000Z', summary: 'github says it expires 2026-12-20 (in 18 days)' });
    expect(refused!.owners?.map((o) => o.source)).toEqual(['commit-author']);
    expect(refused!.expiry?.summary).toMatch(/policy 90 days/);
  });

  it('records each check in the evidence, valid against docs/evidence-schema.json', () => {
    const evidence = buildEvidence({ findings: enrichFindings([active, inactive], { repoDir: '/nonexistent', now, inventory: null, codeowners: null }), baselineFingerprints: [], issuedCredentials: [], config: defaultConfig(), repo: 'acme/app', sha: 'a'.repeat(40), runId: 1, event: 'push', startedAt: now, finishedAt: now });
    // The evidence orders findings by fingerprint, and both tokens are random: compare in status order.
    const checks = evidence.findings.map((f) => f.verification).sort((a, b) => (a?.status ?? '').localeCompare(b?.status ?? ''));
    expect(checks).toEqual([
      { status: 'active', verifier: 'github', checkedAt: now.toISOString(), identity: 'release-bot', expiresAt: '2026-12-20T00:00:00.000Z' },
      { status: 'inactive', verifier: 'github', checkedAt: now.toISOString(), reason: 'HTTP 401 (bad credentials)' },
    ]);
    const ajv = new Ajv2020({ strict: false });
    (addFormatsPlugin as unknown as (ajv: Ajv2020) => Ajv2020)(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('docs/evidence-schema.json', 'utf8')) as object);
    expect(validate(evidence), JSON.stringify(validate.errors)).toBe(true);
  });
});
