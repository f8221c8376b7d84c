import { afterAll, describe, expect, it } from 'vitest';
import { identityChangesFromGit, renderIdentityChangesMarkdown } from '../../src/governance/index.js';
import { TestRepo } from '../helpers/git.js';

const BASE = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: make
        env:
          OLD: \${{ secrets.OLD_SECRET }}
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: keyward/keyward@v1
`;

const HEAD = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
      contents: read
    steps:
      - run: make
        env:
          OLD: \${{ secrets.OLD_SECRET }}
          NEW: \${{ secrets.NEW_SECRET }}
          LISTED: \${{ secrets.LISTED_SECRET }}
          GH: \${{ secrets.GITHUB_TOKEN }}
  deploy:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: keyward/keyward@v1
`;

describe('identity changes on a pull request', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());

  it('new secrets without an entry, newly granted id-token: write, entries expiring within 30 days, each with the owner to ask', async () => {
    const base = repo.commit('base', {
      '.github/workflows/ci.yml': BASE,
      '.github/CODEOWNERS': '* @acme/all\n/.github/workflows/ @acme/platform\n',
    });
    repo.commit('head', {
      '.github/workflows/ci.yml': HEAD,
      '.github/workflows/new.yml': 'on: push\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n',
      '.github/nhi.yml': `version: 1
identities:
  - name: LISTED_SECRET
    kind: repository-secret
    owner: "@dana"
    purpose: p
    expires: 2026-06-20
    revoke: r
  - name: ROTATE_ME
    kind: token
    owner: TODO
    purpose: p
    created: 2026-03-01
    max-age: 90d
    revoke: r
  - name: FAR
    kind: token
    owner: "@erin"
    purpose: p
    expires: 2027-01-01
    revoke: r
`,
    });
    const changes = await identityChangesFromGit(repo.dir, base, { now: new Date('2026-06-01T00:00:00Z') });
    expect(changes.map((c) => [c.kind, c.path, c.line, c.subject, c.owners])).toEqual([
      ['new-secret-without-inventory', '.github/workflows/ci.yml', 12, 'NEW_SECRET', ['@acme/platform']],
      ['id-token-granted', '.github/workflows/ci.yml', 5, '.github/workflows/ci.yml build', ['@acme/platform']],
      ['id-token-granted', '.github/workflows/new.yml', 2, '.github/workflows/new.yml x', ['@acme/platform']],
      ['inventory-expiring', '.github/nhi.yml', 3, 'LISTED_SECRET', ['@dana']],
      ['inventory-expiring', '.github/nhi.yml', 9, 'ROTATE_ME', ['@acme/all']],
    ]);
    expect(changes[3]?.message).toContain('expires 2026-06-20: in 19 days');
    expect(changes[4]?.message).toContain('due for rotation 2026-05-30: 2 days ago');
    const markdown = renderIdentityChangesMarkdown(changes, { blobUrl: (path, line) => `https://github.com/acme/app/blob/abc/${path}#L${line}` });
    expect(markdown).toContain('### Ownership and expiry');
    expect(markdown).toContain('| New secret without an owner | [`.github/workflows/ci.yml:12`](https://github.com/acme/app/blob/abc/.github/workflows/ci.yml#L12) |');
    // CODEOWNERS entries are named, never mentioned: the word joiner after @ keeps GitHub from pinging them.
    expect(markdown).toContain('\\@\u2060dana');
    expect(renderIdentityChangesMarkdown([])).toBe('');
  });

  it('a base without workflows counts everything in the head as new', async () => {
    const fresh = new TestRepo();
    try {
      const base = fresh.commit('empty', { 'README.md': 'x' });
      fresh.commit('add', { '.github/workflows/a.yml': HEAD });
      const changes = await identityChangesFromGit(fresh.dir, base, { now: new Date('2026-06-01T00:00:00Z') });
      expect(changes.filter((c) => c.kind === 'new-secret-without-inventory').map((c) => c.subject)).toEqual(['OLD_SECRET', 'NEW_SECRET', 'LISTED_SECRET']);
      expect(changes.filter((c) => c.kind === 'id-token-granted')).toHaveLength(2);
      expect(changes.every((c) => c.owners.length === 0)).toBe(true);
      expect(renderIdentityChangesMarkdown(changes)).toContain('_nobody named: add an owner_');
    } finally {
      fresh.cleanup();
    }
  });
});
