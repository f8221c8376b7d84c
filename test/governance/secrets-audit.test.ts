import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSecretsAuditMarkdown, renderSecretsAuditText } from '../../src/governance/index.js';
import { auditSecrets, listSecrets, type SecretAuditFinding } from '../../src/governance/secrets-audit.js';
import { createGitHubClient } from '../../src/report/github/client.js';
import { TestRepo } from '../helpers/git.js';
import { startGovernanceServer, type GovernanceFake } from '../servers/github-governance.js';

const now = new Date('2026-06-01T00:00:00Z');

function client(fake: GovernanceFake, token: string) {
  return createGitHubClient({ token, baseUrl: fake.url, log: { info: () => {}, warning: () => {} }, retries: 0, retryBaseMs: 1, spaceWrites: false });
}

const WORKFLOW = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
        env:
          S0: \${{ secrets.SECRET_000 }}
          NPM: \${{ secrets.NPM_TOKEN }}
          GONE: \${{ secrets.NOT_DEFINED }}
          ORG: \${{ secrets.ORG_SHARED }}
          GH: \${{ secrets.GITHUB_TOKEN }}
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - run: ./deploy
        env:
          DB: \${{ secrets.DB_PASSWORD }}
`;

const INVENTORY = `version: 1
identities:
  - name: NPM_TOKEN
    kind: repository-secret
    owner: "@alice"
    purpose: publish
    max-age: 30d
    revoke: npm token revoke
  - name: DB_PASSWORD
    kind: environment-secret
    environment: production
    owner: "@acme/dba"
    purpose: migrations
    expires: 2026-05-01
    revoke: ALTER ROLE
  - name: SECRET_000
    kind: repository-secret
    owner: "@bob"
    purpose: first
    max-age: 1y
    revoke: r
  - name: SECRET_001
    kind: repository-secret
    owner: "@carol"
    purpose: second
    max-age: 1y
    revoke: r
`;

function kinds(findings: SecretAuditFinding[], secret: string): string[] {
  return findings.filter((f) => f.secret === secret).map((f) => f.kind).sort();
}

describe('secrets audit against the loopback GitHub API', () => {
  let fake: GovernanceFake;
  const repo = new TestRepo();

  beforeAll(async () => {
    fake = await startGovernanceServer({ tokens: { 'org-token': 'org', 'repo-token': 'repo', 'workflow-token': 'workflow' } });
    for (let i = 0; i < 130; i++) {
      const name = `SECRET_${String(i).padStart(3, '0')}`;
      fake.repoSecrets.push({ name, created_at: '2026-05-01T00:00:00Z', updated_at: '2026-05-01T00:00:00Z' });
    }
    fake.repoSecrets.push({ name: 'NPM_TOKEN', created_at: '2025-01-01T00:00:00Z', updated_at: '2026-04-01T00:00:00Z' });
    fake.environments.set('production', [{ name: 'DB_PASSWORD', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z' }]);
    fake.environments.set('staging area', [{ name: 'STAGING_KEY', created_at: '2026-05-20T00:00:00Z', updated_at: '2026-05-20T00:00:00Z' }]);
    fake.orgSecrets.push({ name: 'ORG_SHARED', created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', visibility: 'all' });
    fake.members.add('alice');
    fake.members.add('bob');
    fake.collaborators.add('carol');
    repo.write('.github/workflows/ci.yml', WORKFLOW);
    repo.write('.github/nhi.yml', INVENTORY);
    repo.write('.github/CODEOWNERS', '* @alice @acme/dba\n');
  });
  afterAll(async () => {
    await fake.close();
    repo.cleanup();
  });

  it('pages through more than 100 secrets with Link headers and reads dates, environments and org secrets', async () => {
    fake.server.requests.length = 0;
    const listing = await listSecrets(client(fake, 'org-token'), fake.owner, fake.repo);
    expect(listing.notices).toEqual([]);
    expect(listing.listed).toEqual({ repository: true, environments: true, organization: true });
    const repoSecrets = listing.secrets.filter((s) => s.scope === 'repository');
    expect(repoSecrets).toHaveLength(131);
    expect(repoSecrets.find((s) => s.name === 'NPM_TOKEN')).toEqual({ name: 'NPM_TOKEN', scope: 'repository', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2026-04-01T00:00:00Z' });
    const pages = fake.calls(/\/actions\/secrets$/);
    expect(pages.map((r) => [r.query.get('per_page'), r.query.get('page')])).toEqual([
      ['100', null],
      ['100', '2'],
    ]);
    expect(listing.secrets.filter((s) => s.scope === 'environment').map((s) => [s.environment, s.name])).toEqual([
      ['production', 'DB_PASSWORD'],
      ['staging area', 'STAGING_KEY'],
    ]);
    expect(listing.secrets.filter((s) => s.scope === 'organization')).toEqual([
      { name: 'ORG_SHARED', scope: 'organization', createdAt: '2024-01-01T00:00:00Z', updatedAt: '2024-01-01T00:00:00Z', visibility: 'all' },
    ]);
  });

  it('with an org token: orphaned, missing, too old, expired, unowned, and owners who left', async () => {
    const result = await auditSecrets({ octokit: client(fake, 'org-token'), owner: fake.owner, repo: fake.repo, repoDir: repo.dir, now });
    expect(result.notices).toEqual([]);
    const f = result.findings;
    expect(kinds(f, 'SECRET_000')).toEqual(['owner-not-codeowner']);
    expect(kinds(f, 'SECRET_001')).toEqual(['orphaned', 'owner-not-codeowner']);
    expect(kinds(f, 'SECRET_002')).toEqual(['no-owner', 'orphaned']);
    expect(kinds(f, 'NPM_TOKEN')).toEqual(['too-old']);
    expect(f.find((x) => x.kind === 'too-old')?.message).toContain('over its max-age of 30 days');
    expect(kinds(f, 'DB_PASSWORD')).toEqual(['expired', 'owner-not-member']);
    expect(f.find((x) => x.kind === 'owner-not-member')).toMatchObject({ owner: '@acme/dba', severity: 'high' });
    expect(kinds(f, 'STAGING_KEY')).toEqual(['no-owner', 'orphaned']);
    // Org secrets: used elsewhere too, so never orphaned here; old under the default 90-day policy; no inventory entry.
    expect(kinds(f, 'ORG_SHARED')).toEqual(['no-owner', 'too-old']);
    expect(f.find((x) => x.kind === 'missing')).toMatchObject({ secret: 'NOT_DEFINED', severity: 'medium', usedBy: ['.github/workflows/ci.yml (job build)'] });
    expect(f.some((x) => x.secret === 'GITHUB_TOKEN')).toBe(false);
    // @carol is an outside collaborator (still fine) but not in CODEOWNERS; @bob is a member not in CODEOWNERS.
    expect(f.filter((x) => x.kind === 'owner-not-codeowner').map((x) => x.owner).sort()).toEqual(['@bob', '@carol']);
    expect(fake.calls(/\/orgs\/acme\/members\/alice$/)).toHaveLength(1);
    expect(fake.calls(/\/orgs\/acme\/teams\/dba$/).length).toBeGreaterThan(0);
    const text = renderSecretsAuditText(result);
    expect(text).toContain('[high] expired: secret of environment "production" DB_PASSWORD is past its inventory expiry 2026-05-01');
    expect(text).toMatch(/Secrets audit: 131 repository, 2 environment, 1 organization secrets; \d+ findings\.\n$/);
    expect(renderSecretsAuditMarkdown(result)).toContain('| high | `DB_PASSWORD` \\(production\\) |');
  });

  it('with a repo token: organization secrets answer 403, the message names the permission and the audit continues', async () => {
    const result = await auditSecrets({ octokit: client(fake, 'repo-token'), owner: fake.owner, repo: fake.repo, repoDir: repo.dir, now, checkOwners: false });
    expect(result.listed).toEqual({ repository: true, environments: true, organization: false });
    const notice = result.notices.find((n) => n.area === 'organization-secrets');
    expect(notice).toMatchObject({ status: 403, permission: expect.stringContaining('organization token') });
    expect(notice?.message).toContain('Resource not accessible by personal access token');
    expect(notice?.message).toContain('the rest of the audit continues');
    expect(result.secrets.filter((s) => s.scope === 'repository')).toHaveLength(131);
    // ORG_SHARED could not be seen, so "missing" is softened and says why.
    const missing = result.findings.find((f) => f.kind === 'missing' && f.secret === 'ORG_SHARED');
    expect(missing).toMatchObject({ severity: 'low' });
    expect(missing?.message).toContain('organization secrets could not be');
  });

  it('with the workflow token: no secrets can be listed; each area says what it needs and nothing throws', async () => {
    const result = await auditSecrets({ octokit: client(fake, 'workflow-token'), owner: fake.owner, repo: fake.repo, repoDir: repo.dir, now, checkOwners: false });
    expect(result.secrets).toEqual([]);
    const repoNotice = result.notices.find((n) => n.area === 'repository-secrets' && n.status === 403);
    expect(repoNotice?.message).toContain('`secrets: read`');
    expect(repoNotice?.message).toContain('"Secrets" repository permission (read)');
    expect(result.notices.filter((n) => n.area === 'environment-secrets')).toHaveLength(2);
    expect(result.notices.some((n) => n.message.startsWith('Missing secrets were not checked'))).toBe(true);
    expect(result.findings.filter((f) => f.kind === 'missing')).toEqual([]);
  });

  it('bad credentials and a wrong repository are notices too', async () => {
    const bad = await auditSecrets({ octokit: client(fake, 'nope'), owner: fake.owner, repo: fake.repo, repoDir: repo.dir, now, checkOwners: false });
    expect(bad.notices[0]).toMatchObject({ status: 401, area: 'repository-secrets' });
    const other = await listSecrets(client(fake, 'org-token'), fake.owner, 'elsewhere');
    expect(other.notices.map((n) => n.status)).toEqual([404, 404, 404]);
  });

  it('without an inventory every secret lacks an owner and says how to start one', async () => {
    const bare = new TestRepo();
    try {
      bare.write('.github/workflows/ci.yml', WORKFLOW);
      const result = await auditSecrets({ octokit: client(fake, 'org-token'), owner: fake.owner, repo: fake.repo, repoDir: bare.dir, now });
      const noOwner = result.findings.filter((f) => f.kind === 'no-owner');
      expect(noOwner).toHaveLength(result.secrets.length);
      expect(noOwner[0]?.message).toContain('keyward inventory init');
    } finally {
      bare.cleanup();
    }
  });
});

describe('governance files through the contents API', () => {
  it('reads workflows, CODEOWNERS and the inventory without a checkout, and audits with them', async () => {
    const fake = await startGovernanceServer({ tokens: { 'org-token': 'org' } });
    const bare = new TestRepo();
    try {
      fake.contents.set('.github/workflows/ci.yml', WORKFLOW);
      fake.contents.set('.github/workflows/notes.md', 'not a workflow');
      fake.contents.set('.github/workflows/sub/x.yml', 'on: push');
      fake.contents.set('CODEOWNERS', '* @alice\n');
      fake.contents.set('.github/nhi.yml', INVENTORY);
      fake.repoSecrets.push({ name: 'NPM_TOKEN', created_at: '2026-05-20T00:00:00Z', updated_at: '2026-05-20T00:00:00Z' });
      fake.members.add('alice');
      const { fetchGovernanceFiles, parseWorkflow } = await import('../../src/governance/index.js');
      const octokit = client(fake, 'org-token');
      const files = await fetchGovernanceFiles(octokit, fake.owner, fake.repo);
      expect(files.notices).toEqual([]);
      expect(files.workflows.map((w) => w.path)).toEqual(['.github/workflows/ci.yml']);
      expect(files.codeowners?.path).toBe('CODEOWNERS');
      expect(files.inventory?.entries).toHaveLength(4);
      const workflows = files.workflows.flatMap((f) => parseWorkflow(f.path, f.text).workflow ?? []);
      const result = await auditSecrets({ octokit, owner: fake.owner, repo: fake.repo, repoDir: bare.dir, now, workflows, inventory: files.inventory ?? null, codeowners: files.codeowners ?? null });
      expect(kinds(result.findings, 'NPM_TOKEN')).toEqual([]);
      expect(result.findings.filter((f) => f.kind === 'missing').map((f) => f.secret).sort()).toEqual(['DB_PASSWORD', 'NOT_DEFINED', 'ORG_SHARED', 'SECRET_000']);
      const none = await fetchGovernanceFiles(octokit, fake.owner, 'elsewhere');
      expect(none).toEqual({ workflows: [], notices: [] });
    } finally {
      await fake.close();
      bare.cleanup();
    }
  });
});
