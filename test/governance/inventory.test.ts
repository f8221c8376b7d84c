import { afterAll, describe, expect, it } from 'vitest';
import { formatInventoryProblem, inventoryInit, loadInventory, parseInventory } from '../../src/governance/index.js';
import { TestRepo } from '../helpers/git.js';

const VALID = `version: 1
defaults:
  max-age: 90d
identities:
  - name: NPM_TOKEN
    kind: repository-secret
    owner: "@acme/release"
    purpose: publishes the package
    created: 2026-01-10
    max-age: 12w
    rotation: quarterly, by the release team
    revoke: https://www.npmjs.com/settings/acme/tokens
  - name: arn:aws:iam::123456789012:role/deploy
    kind: cloud-role
    owner: ops@example.com
    purpose: deploys production through OIDC
    expires: 2027-01-01T00:00:00Z
    revoke: delete the GitHub OIDC trust on the role
    provider: aws
  - name: DB_PASSWORD
    kind: environment-secret
    environment: production
    owner: "@dba"
    purpose: migrations
    max-age: 30
    revoke: ALTER ROLE ... PASSWORD
`;

describe('inventory schema', () => {
  it('parses a valid file without problems', () => {
    const inventory = parseInventory(VALID);
    expect(inventory.problems).toEqual([]);
    expect(inventory.defaultMaxAgeDays).toBe(90);
    expect(inventory.entries.map((e) => [e.name, e.kind, e.owner, e.maxAgeDays, e.line])).toEqual([
      ['NPM_TOKEN', 'repository-secret', '@acme/release', 84, 5],
      ['arn:aws:iam::123456789012:role/deploy', 'cloud-role', 'ops@example.com', undefined, 13],
      ['DB_PASSWORD', 'environment-secret', '@dba', 30, 20],
    ]);
  });

  const BAD = `version: 2
defaults:
  max_age: 90d
owners: []
identities:
  - name: A
    kind: secret
    owner: alice
    purpose: x
    created: 2026-13-01
    max-age: ninety days
    revoke: r
  - name: B
    kind: environment-secret
    purpose: y
    expires: soon
    paths: src/**
    fingerprints: [abc]
    max_age: 90d
  - just a string
  - kind: token
    owner: TODO
    purpose: z
    revoke: r
    max-age: 1y
  - name: A
    kind: secret
    owner: "@x"
    purpose: dup
    max-age: 1d
    revoke: r
`;

  it('names the file, line and field in every problem', () => {
    const inventory = parseInventory(BAD, '.github/nhi.yml');
    const problems = inventory.problems;
    expect(problems.length).toBeGreaterThan(10);
    for (const problem of problems) {
      expect(problem.file).toBe('.github/nhi.yml');
      expect(problem.line).toBeGreaterThan(0);
      expect(problem.field).toMatch(/\S/);
      expect(formatInventoryProblem(problem)).toMatch(new RegExp(`^\\.github/nhi\\.yml:${problem.line}: (error|warning): ${problem.field.replace(/[[\]().]/g, '\\$&')}: .+`));
    }
    const at = (field: string) => problems.filter((p) => p.field === field).map((p) => [p.line, p.severity]);
    expect(at('version')).toEqual([[1, 'error']]);
    expect(at('defaults.max_age')).toEqual([[3, 'error']]);
    expect(problems.find((p) => p.field === 'defaults.max_age')?.message).toContain('did you mean "max-age"');
    expect(at('owners')).toEqual([[4, 'error']]);
    expect(at('identities[0].kind')).toEqual([[7, 'error']]);
    expect(at('identities[0].owner')).toEqual([[8, 'error']]);
    expect(at('identities[0].created')).toEqual([[10, 'error']]);
    expect(at('identities[0].max-age')).toEqual([[11, 'error']]);
    expect(at('identities[1].owner')).toEqual([[13, 'error']]);
    expect(at('identities[1].environment')).toEqual([[13, 'error']]);
    expect(at('identities[1].expires')).toEqual([[16, 'error']]);
    expect(at('identities[1].paths')).toEqual([[17, 'error']]);
    expect(at('identities[1].fingerprints')).toEqual([[18, 'error']]);
    expect(at('identities[1].max_age')).toEqual([[19, 'error']]);
    expect(at('identities[1].revoke')).toEqual([[13, 'warning']]);
    expect(at('identities[2]')).toEqual([[20, 'error']]);
    expect(at('identities[3].name')).toEqual([[21, 'error']]);
    expect(at('identities[3].owner')).toEqual([[22, 'warning']]);
    expect(at('identities[4].name')).toEqual([[26, 'error']]);
    // Entries with problems are kept as far as they could be read.
    expect(inventory.entries.map((e) => e.name)).toEqual(['A', 'B', 'A']);
  });

  it('reports broken YAML, an empty file and a missing identities list with line and field', () => {
    for (const text of ['identities:\n  - name: [\n', '', 'version: 1\n', '- a\n- b\n', 'identities: 3\n']) {
      const { problems } = parseInventory(text, '.github/nhi.yml');
      expect(problems.length, text).toBeGreaterThan(0);
      for (const p of problems) expect([p.file, p.line > 0, p.field.length > 0]).toEqual(['.github/nhi.yml', true, true]);
    }
  });
});

describe('inventoryInit', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());

  it('drafts entries from workflow references, the secrets list and literal cloud roles, with TODO owners', async () => {
    repo.write(
      '.github/workflows/deploy.yml',
      `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
      - run: ./deploy.sh
        env:
          DB_PASSWORD: \${{ secrets.DB_PASSWORD }}
          SLACK: \${{ secrets.SLACK_WEBHOOK }}
          GH: \${{ secrets.GITHUB_TOKEN }}
`,
    );
    const text = await inventoryInit(repo.dir, {
      repo: 'acme/app',
      secrets: [
        { name: 'SLACK_WEBHOOK', scope: 'repository', createdAt: '2025-03-04T05:06:07Z', updatedAt: '2025-03-04T05:06:07Z' },
        { name: 'OLD_KEY', scope: 'repository', createdAt: '2024-01-01T00:00:00Z' },
        { name: 'ORG_NPM', scope: 'organization' },
      ],
    });
    const inventory = parseInventory(text);
    expect(inventory.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(inventory.problems.filter((p) => p.field.endsWith('.owner')).length).toBe(5);
    expect(inventory.entries.map((e) => [e.kind, e.name, e.environment])).toEqual([
      ['cloud-role', 'arn:aws:iam::123456789012:role/deploy', undefined],
      ['environment-secret', 'DB_PASSWORD', 'production'],
      ['org-secret', 'ORG_NPM', undefined],
      ['repository-secret', 'OLD_KEY', undefined],
      ['repository-secret', 'SLACK_WEBHOOK', undefined],
    ]);
    expect(inventory.entries.find((e) => e.name === 'SLACK_WEBHOOK')).toMatchObject({ created: '2025-03-04', maxAgeDays: 90 });
    expect(inventory.entries.find((e) => e.name === 'OLD_KEY')?.purpose).toContain('not referenced by any workflow');
    expect(text).toContain('https://github.com/acme/app/settings/secrets/actions');
    expect(text).not.toContain('GITHUB_TOKEN');
  });

  it('keeps an existing inventory as written and appends only what is missing', async () => {
    const existing = `# ours, keep this comment\nversion: 1\nidentities:\n  - name: SLACK_WEBHOOK\n    kind: repository-secret\n    owner: "@acme/chatops"  # the bot team\n    purpose: notify\n    max-age: 180d\n    revoke: slack admin\n`;
    repo.write('.github/nhi.yml', existing);
    const text = await inventoryInit(repo.dir, { secrets: [{ name: 'SLACK_WEBHOOK', scope: 'repository' }] });
    expect(text.startsWith('# ours, keep this comment')).toBe(true);
    expect(text).toContain('# the bot team');
    const inventory = parseInventory(text);
    expect(inventory.entries.map((e) => e.name)).toEqual(['SLACK_WEBHOOK', 'arn:aws:iam::123456789012:role/deploy', 'DB_PASSWORD']);
    expect((await loadInventory(repo.dir))?.entries.length).toBe(1);
  });
});
