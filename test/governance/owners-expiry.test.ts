import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { compileCodeownersPattern, enrichFindings, expiryFor, ownersOf, parseCodeowners, parseInventory } from '../../src/governance/index.js';
import { TestRepo } from '../helpers/git.js';

const matches = (pattern: string, path: string) => compileCodeownersPattern(pattern)(path);

describe('CODEOWNERS semantics', () => {
  it('follows GitHub’s documented pattern examples', () => {
    expect(matches('*', 'a/b/c.txt')).toBe(true);
    expect(matches('*.js', 'src/deep/x.js')).toBe(true);
    expect(matches('*.js', 'src/deep/x.ts')).toBe(false);
    expect(matches('/build/logs/', 'build/logs/a/b.log')).toBe(true);
    expect(matches('/build/logs/', 'x/build/logs/a.log')).toBe(false);
    expect(matches('docs/*', 'docs/getting-started.md')).toBe(true);
    expect(matches('docs/*', 'docs/build-app/troubleshooting.md')).toBe(false);
    expect(matches('apps/', 'apps/x.js')).toBe(true);
    expect(matches('apps/', 'deep/apps/x/y.js')).toBe(true);
    expect(matches('/docs/', 'docs/a/b.md')).toBe(true);
    expect(matches('/docs/', 'src/docs/a.md')).toBe(false);
    expect(matches('**/logs', 'build/logs/x.log')).toBe(true);
    expect(matches('**/logs', 'logs')).toBe(true);
    expect(matches('/scripts/**', 'scripts/a/b.sh')).toBe(true);
    expect(matches('config', 'deep/config/x.yml')).toBe(true);
    expect(matches('config', 'deep/configs/x.yml')).toBe(false);
    expect(matches('src/*.ts', 'src/a.ts')).toBe(true);
    expect(matches('src/*.ts', 'lib/src/a.ts')).toBe(false);
    expect(matches('a?c.txt', 'abc.txt')).toBe(true);
  });

  it('last matching pattern wins; a match without owners means nobody; comments and bad lines are reported', () => {
    const codeowners = parseCodeowners(
      [
        '# global',
        '*       @acme/everyone',
        '*.js    @js-owner  # trailing comment',
        '/docs/  docs@example.com',
        '/docs/generated/',
        '!keep.js @x',
        'src/[ab].ts @x',
        'lib/ @acme/lib not-a-handle',
      ].join('\n'),
    );
    expect(ownersOf(codeowners, 'README.md').owners).toEqual(['@acme/everyone']);
    expect(ownersOf(codeowners, 'src/app.js')).toMatchObject({ owners: ['@js-owner'], rule: { line: 3 } });
    expect(ownersOf(codeowners, 'docs/a.js').owners).toEqual(['docs@example.com']);
    expect(ownersOf(codeowners, 'docs/generated/x.md').owners).toEqual([]);
    expect(ownersOf(codeowners, 'lib/x').owners).toEqual(['@acme/lib']);
    expect(codeowners.problems.map((p) => p.line)).toEqual([6, 7, 8]);
  });
});

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'aws-access-key-id',
    title: 'AWS access key',
    provider: 'AWS',
    severity: 'high',
    longLived: true,
    path: 'src/config.js',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 21,
    redacted: 'AKIA…(20 chars)',
    fingerprint: 'a'.repeat(64),
    entropy: 3.5,
    verifiedFormat: true,
    remediation: 'Revoke',
    ...overrides,
  };
}

const now = new Date('2026-06-01T00:00:00Z');

describe('expiry', () => {
  it('uses the credential’s own expiry first', () => {
    expect(expiryFor(finding({ expiresAt: '2026-05-01T00:00:00Z' }), { now })).toMatchObject({ status: 'expired', summary: 'credential expires 2026-05-01 (expired 31 days ago)' });
    expect(expiryFor(finding({ expiresAt: '2026-06-11T00:00:00Z' }), { now })).toMatchObject({ status: 'expiring-soon' });
    expect(expiryFor(finding({ expiresAt: '2027-06-11T00:00:00Z' }), { now })).toMatchObject({ status: 'ok' });
  });

  it('then age since the introducing commit against the policy (entry max-age, else default)', () => {
    const commit = { sha: 'c'.repeat(40), author: 'Dev', email: 'dev@example.com', date: '2025-05-01T00:00:00Z' };
    expect(expiryFor(finding({ commit }), { now })).toMatchObject({ status: 'expired', ageDays: 396, maxAgeDays: 90, summary: 'in repository 396 days; policy 90 days: rotate now (overdue by 306 days)' });
    const young = { ...commit, date: '2026-05-20T00:00:00Z' };
    expect(expiryFor(finding({ commit: young }), { now })).toMatchObject({ status: 'ok', ageDays: 12, expiresAt: '2026-08-18T00:00:00.000Z' });
    expect(expiryFor(finding({ commit: { ...commit, date: '2026-05-06T00:00:00Z' } }), { now, defaultMaxAgeDays: 30 })).toMatchObject({ status: 'expiring-soon', maxAgeDays: 30 });
    const inventory = parseInventory('version: 1\nidentities:\n  - name: K\n    kind: token\n    owner: "@a"\n    max-age: 1y\n    expires: 2026-06-20\n');
    const entry = inventory.entries[0];
    expect(expiryFor(finding({ commit }), { now, entry: { ...entry!, expires: undefined } })).toMatchObject({ status: 'expired', maxAgeDays: 365 });
    expect(expiryFor(finding({ commit }), { now, ...(entry ? { entry } : {}) })).toMatchObject({ status: 'expiring-soon', summary: 'inventory expires 2026-06-20 (in 19 days)' });
  });

  it('is unknown without any date', () => {
    expect(expiryFor(finding(), { now })).toMatchObject({ status: 'unknown', maxAgeDays: 90 });
  });
});

describe('enrichFindings', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());

  it('reads CODEOWNERS and the inventory from the repository and fills owners and expiry', () => {
    repo.write('.github/CODEOWNERS', '* @acme/all\n/src/ @acme/backend\n');
    repo.write(
      '.github/nhi.yml',
      `version: 1\ndefaults:\n  max-age: 30d\nidentities:\n  - name: legacy key\n    kind: token\n    owner: "@acme/payments"\n    purpose: old integration\n    max-age: 60d\n    revoke: https://example.com/revoke\n    paths: ["src/legacy/**"]\n`,
    );
    const commit = { sha: 'c'.repeat(40), author: 'Octo Cat', email: '123+octocat@users.noreply.github.com', date: '2026-05-01T00:00:00Z' };
    const [plain, legacy, docs] = enrichFindings(
      [finding({ commit }), finding({ path: 'src/legacy/a.js', commit }), finding({ path: 'docs/x.md', fingerprint: 'b'.repeat(64) })],
      { repoDir: repo.dir, now },
    );
    expect(plain?.owners).toEqual([
      { handle: '@acme/backend', source: 'codeowners' },
      { handle: '@octocat', source: 'commit-author' },
    ]);
    expect(plain?.expiry).toMatchObject({ status: 'expired', maxAgeDays: 30, ageDays: 31 });
    expect(legacy?.owners?.[0]).toEqual({ handle: '@acme/payments', source: 'inventory' });
    expect(legacy?.expiry).toMatchObject({ status: 'ok', maxAgeDays: 60 });
    expect(docs?.owners).toEqual([{ handle: '@acme/all', source: 'codeowners' }]);
    expect(docs?.expiry?.status).toBe('unknown');
  });

  it('works without CODEOWNERS or inventory', () => {
    const bare = new TestRepo();
    try {
      const [out] = enrichFindings([finding({ commit: { sha: 'c'.repeat(40), author: 'Dev', email: 'dev@example.com', date: '2026-05-30T00:00:00Z' } })], { repoDir: bare.dir, now });
      expect(out?.owners).toEqual([{ handle: 'dev@example.com', source: 'commit-author' }]);
      expect(out?.expiry?.status).toBe('ok');
    } finally {
      bare.cleanup();
    }
  });
});

describe('CODEOWNERS matching cost', () => {
  it('a hostile pattern stays cheap (no regex backtracking)', () => {
    const hostile = `${'*a'.repeat(40)}*b`;
    const path = `${'a'.repeat(3000)}/${'a'.repeat(3000)}`;
    const codeowners = parseCodeowners(`${hostile} @x\n**/${'**/'.repeat(30)}z @y\n`);
    expect(ownersOf(codeowners, path).owners).toEqual([]);
    expect(ownersOf(codeowners, 'q/z').owners).toEqual(['@y']);
  });
});
