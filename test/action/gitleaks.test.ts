import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';
import { startGitHubServer, type GitHubFake } from '../servers/github/index.js';
import { ACTION_TOKEN, pullRequestEvent, runAction } from './harness.js';

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

const GITLEAKS_TOML = String.raw`
[extend]
useDefault = true

[[rules]]
id = "acme-api-key"
description = "ACME API key"
regex = '''(acme_[a-z0-9]{32})'''
keywords = ["acme_"]

[[allowlists]]
regexTarget = "line"
regexes = ['''notsecret''']
`;

describe('the Action bundle honours a gitleaks config when the repository has no .keyward.yml', () => {
  let fake: GitHubFake;
  beforeAll(async () => {
    fake = await startGitHubServer({ token: ACTION_TOKEN });
  });
  afterAll(async () => {
    await fake.close();
  });

  it('tree mode: custom rules and .gitleaksignore apply, and what could not be mapped is a warning', async () => {
    const repo = new TestRepo();
    const acme = 'acme_' + randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32);
    repo.commit('app', {
      '.gitleaks.toml': GITLEAKS_TOML,
      '.gitleaksignore': 'ops/accepted.env:aws-access-token:1\n',
      'ops/accepted.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n`,
      'src/client.py': `CLIENT = "${acme}"\n`,
    });
    const run = await runAction({ workspace: repo.dir, eventName: 'workflow_dispatch', inputs: { mode: 'tree', comment: 'false' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.log).toContain('file=src/client.py');
    expect(run.log).not.toContain('ops/accepted.env,');
    expect(run.log).toContain('::warning::not applied from the gitleaks config: .gitleaks.toml: allowlists[0].regexTarget');
    expect(run.log).not.toContain(acme);
  });

  it('pull requests: the gitleaks files of the base commit judge the PR, not the ones it brings', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { '.gitleaksignore': 'ops/a.env:aws-access-token:1\n', 'README.md': '# app\n' });
    const headSha = repo.commit('feature', {
      'ops/a.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n`,
      'ops/b.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n`,
      // Added by the pull request: it must not accept its own key.
      '.gitleaksignore': 'ops/a.env:aws-access-token:1\nops/b.env:aws-access-token:1\n',
    });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 7, baseSha, headSha }), inputs: { comment: 'false' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', verdict: 'fail' });
    expect(run.log).toContain('(gitleaks) as of the base commit');
    expect(run.log).toContain('file=ops/b.env');
  });

  it('pull requests: a gitleaks config the PR adds applies once merged, and says so', async () => {
    const repo = new TestRepo();
    const baseSha = repo.commit('base', { 'README.md': '# app\n' });
    const headSha = repo.commit('feature', { 'ops/a.env': `AWS_ACCESS_KEY_ID=${awsKey()}\n`, '.gitleaksignore': 'ops/a.env:aws-access-token:1\n' });
    const run = await runAction({ workspace: repo.dir, event: pullRequestEvent({ number: 8, baseSha, headSha }), inputs: { comment: 'false' }, apiUrl: fake.url });
    expect(run.code, run.log).toBe(1);
    expect(run.log).toContain('This pull request adds .gitleaksignore; it applies once merged.');
  });
});
