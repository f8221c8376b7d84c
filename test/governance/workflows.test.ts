import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { auditWorkflowFiles, auditWorkflows, renderWorkflowAuditText, type WorkflowFinding } from '../../src/governance/workflows/index.js';
import { isUnpinnedThirdParty } from '../../src/governance/workflows/audit.js';
import { TestRepo } from '../helpers/git.js';

const SHA = 'b4ffde65f46336ab88eb53be808477a3936bae11';

function audit(text: string): WorkflowFinding[] {
  const result = auditWorkflowFiles([{ path: '.github/workflows/w.yml', text }]);
  expect(result.notices).toEqual([]);
  return result.findings;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('workflow audit: flagged patterns', () => {
  it('AWS keys from secrets into a job env', () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
      AWS_REGION: eu-west-1
    steps:
      - run: aws s3 ls
`;
    const [finding, ...rest] = audit(text);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'workflow-aws-static-keys', path: '.github/workflows/w.yml', line: 6, job: 'deploy', severity: 'high' });
    expect(finding?.replacement).toContain('aws-role-arn:');
    expect(finding?.replacement).toContain('aws-region: eu-west-1');
    expect(() => parse(finding?.replacement ?? '')).not.toThrow();
  });

  it('suggests the credentials sub-action, pinned, which its own pinning check accepts once the SHA is filled in', () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    env:
      AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
    steps:
      - run: aws s3 ls
`;
    const replacement = audit(text)[0]?.replacement ?? '';
    const steps = (parse(replacement) as { steps: { uses: string }[] }).steps;
    expect(steps[0]?.uses).toBe('keyward/keyward/credentials@<FULL_40_CHARACTER_COMMIT_SHA>');
    expect(isUnpinnedThirdParty(steps[0]!.uses.replace('<FULL_40_CHARACTER_COMMIT_SHA>', SHA))).toBe(false);
    // Keyward holds itself to the rule it sets: its own tag is as movable as anyone's.
    expect(isUnpinnedThirdParty('keyward/keyward@v1')).toBe(true);
    expect(isUnpinnedThirdParty('keyward/keyward/credentials@v1')).toBe(true);
  });

  it('AWS keys into configure-aws-credentials inputs, and a secret named AWS_ACCESS_KEY_ID under another env name', () => {
    const text = `on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Configure AWS
        uses: aws-actions/configure-aws-credentials@${SHA}
        with:
          aws-access-key-id: \${{ secrets.AWS_ACCESS_KEY_ID }}
          aws-secret-access-key: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          aws-region: us-east-2
      - name: Tool
        run: ./deploy.sh
        env:
          KEY: \${{ secrets.AWS_ACCESS_KEY_ID }}
`;
    const findings = audit(text);
    expect(findings.map((f) => [f.ruleId, f.line, f.step])).toEqual([
      ['workflow-aws-static-keys', 9, 'Configure AWS'],
      ['workflow-aws-static-keys', 15, 'Tool'],
    ]);
    expect(findings[0]?.replacement).toContain('aws-region: us-east-2');
  });

  it('GCP credentials_json into google-github-actions/auth', () => {
    const text = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@${SHA}
        with:
          credentials_json: '\${{ secrets.GCP_SA_KEY }}'
`;
    expect(audit(text)).toMatchObject([{ ruleId: 'workflow-gcp-key-json', line: 8, job: 'build', step: `google-github-actions/auth@${SHA}` }]);
  });

  it('Azure creds and client-secret into azure/login', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@${SHA}
        with:
          creds: \${{ secrets.AZURE_CREDENTIALS }}
  b:
    runs-on: ubuntu-latest
    steps:
      - uses: azure/login@${SHA}
        with:
          client-id: x
          client-secret: \${{ secrets.AZ_SECRET }}
`;
    expect(audit(text).map((f) => [f.ruleId, f.job, f.line])).toEqual([
      ['workflow-azure-client-secret', 'a', 8],
      ['workflow-azure-client-secret', 'b', 15],
    ]);
  });

  it('static Vault tokens: VAULT_TOKEN from secrets and vault-action with method token', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: vault kv get secret/x
        env:
          VAULT_TOKEN: \${{ secrets.VAULT_TOKEN }}
      - uses: hashicorp/vault-action@${SHA}
        with:
          url: https://vault.example.com
          method: token
          token: \${{ secrets.VT }}
`;
    const findings = audit(text);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ['workflow-vault-static-token', 8],
      ['workflow-vault-static-token', 12],
    ]);
    expect(findings[1]?.replacement).toContain('vault-url: https://vault.example.com');
  });

  it('id-token: write without a step that uses it, at job and inherited from workflow level', () => {
    const text = `on: push
permissions:
  id-token: write
  contents: read
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm test
  own:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - run: echo hi
`;
    expect(audit(text).map((f) => [f.ruleId, f.job, f.line, f.severity])).toEqual([
      ['workflow-unused-id-token', 'lint', 2, 'low'],
      ['workflow-unused-id-token', 'own', 13, 'low'],
    ]);
  });

  it('pull_request_target checking out the PR head, critical when the job has secrets', () => {
    const text = `on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm test
        env:
          NPM_TOKEN: \${{ secrets.NPM_TOKEN }}
  other:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.ref }}
`;
    const findings = audit(text);
    expect(findings.map((f) => [f.ruleId, f.job, f.line, f.severity])).toEqual([
      ['workflow-pr-target-head-checkout', 'test', 8, 'critical'],
      ['workflow-pr-target-head-checkout', 'other', 17, 'medium'],
    ]);
    expect(findings[1]?.message).toContain('persist-credentials: false');
  });

  it('pull_request_target head checkout followed by a local action or a run step is high; gh pr checkout counts too', () => {
    const text = `on:
  pull_request_target:
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          persist-credentials: false
      - uses: ./
  b:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: gh pr checkout \${{ github.event.pull_request.number }} && make
`;
    const findings = audit(text);
    expect(findings.map((f) => [f.job, f.line, f.severity])).toEqual([
      ['a', 9, 'high'],
      ['b', 16, 'high'],
    ]);
    expect(findings[0]?.message).not.toContain('persist-credentials');
  });

  it('unpinned third-party actions receiving secrets, directly, through env, and reusable workflows with secrets: inherit', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    env:
      SLACK: \${{ secrets.SLACK_WEBHOOK }}
    steps:
      - uses: someone/notify@v2
      - uses: other/deploy@main
        with:
          token: \${{ github.token }}
  b:
    uses: org/shared/.github/workflows/deploy.yml@main
    secrets: inherit
`;
    const findings = audit(text);
    expect(findings.map((f) => [f.ruleId, f.job, f.line])).toEqual([
      ['workflow-unpinned-action-secrets', 'a', 8],
      ['workflow-unpinned-action-secrets', 'a', 9],
      ['workflow-unpinned-action-secrets', 'b', 13],
    ]);
    expect(findings[0]?.message).toContain('secrets.SLACK_WEBHOOK');
    expect(findings[1]?.message).toContain('github.token');
    expect(findings[2]?.message).toContain('secrets: inherit');
    expect(findings[0]?.replacement).toContain('someone/notify@<FULL_40_CHARACTER_COMMIT_SHA>');
  });

  it('gives lines inside block scalars and names the step', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - name: Publish
        uses: third/publish@v1
        with:
          script: |
            echo start
            echo \${{ secrets.PUBLISH_KEY }}
`;
    expect(audit(text)).toMatchObject([{ ruleId: 'workflow-unpinned-action-secrets', line: 7, step: 'Publish' }]);
  });
});

describe('workflow audit: clean workflows are not flagged', () => {
  it('OIDC already used (configure-aws-credentials with role-to-assume, google auth with WIF, Keyward swap)', () => {
    const text = `on: push
permissions:
  id-token: write
  contents: read
jobs:
  aws:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@${SHA}
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: us-east-1
      - run: aws s3 ls
        env:
          AWS_ACCESS_KEY_ID: \${{ steps.creds.outputs.aws-access-key-id }}
  gcp:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@${SHA}
        with:
          workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/g
  swap:
    runs-on: ubuntu-latest
    steps:
      - uses: keyward/keyward@v1
        with:
          aws-role-arn: arn:aws:iam::123456789012:role/deploy
  attest:
    runs-on: ubuntu-latest
    steps:
      - run: |
          curl -H "Authorization: bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN" "$ACTIONS_ID_TOKEN_REQUEST_URL"
`;
    expect(audit(text)).toEqual([]);
  });

  it('pinned third-party actions, first-party actions and local actions with secrets', () => {
    const text = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          token: \${{ secrets.BOT_TOKEN }}
      - uses: github/codeql-action/upload-sarif@v3
        with:
          token: \${{ secrets.GITHUB_TOKEN }}
      - uses: someone/notify@${SHA}
        with:
          webhook: \${{ secrets.SLACK_WEBHOOK }}
      - uses: ./.github/actions/local
        with:
          key: \${{ secrets.LOCAL }}
      - uses: someone/lint@v1
`;
    expect(audit(text)).toEqual([]);
  });

  it('actions/checkout on pull_request_target without a head ref', () => {
    const text = `on:
  pull_request_target:
    types: [labeled]
jobs:
  label:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.event.pull_request.title }}" > /dev/null
`;
    expect(audit(text)).toEqual([]);
  });

  it('a head checkout on plain pull_request is fine', () => {
    const text = `on: pull_request
jobs:
  t:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
`;
    expect(audit(text)).toEqual([]);
  });
});

describe('auditWorkflows on a repository', () => {
  const repo = new TestRepo();
  afterAll(() => repo.cleanup());

  it('reads .yml and .yaml, reports malformed YAML as a notice with file and line, and renders text', async () => {
    const good = `on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}\n    steps:\n      - run: true\n`;
    repo.write('.github/workflows/good.yaml', good);
    repo.write('.github/workflows/broken.yml', 'on: push\njobs:\n  a:\n    steps: [\n  b: c: d\n');
    repo.write('.github/workflows/notes.yml', 'just: a map\n');
    repo.write('.github/workflows/README.md', '# not a workflow');
    const result = await auditWorkflows(repo.dir);
    expect(result.workflows.map((w) => w.path)).toEqual(['.github/workflows/good.yaml']);
    expect(result.findings).toMatchObject([{ path: '.github/workflows/good.yaml', line: lineOf(good, 'AWS_SECRET'), ruleId: 'workflow-aws-static-keys' }]);
    expect(result.notices.map((n) => n.path)).toContain('.github/workflows/broken.yml');
    expect(result.notices.find((n) => n.path.endsWith('broken.yml'))?.line).toBeGreaterThan(1);
    expect(result.notices).toContainEqual(expect.objectContaining({ path: '.github/workflows/notes.yml', line: 1 }));
    const text = renderWorkflowAuditText(result);
    expect(text).toContain('.github/workflows/good.yaml:6: [high] workflow-aws-static-keys (job a)');
    expect(text).toContain('.github/workflows/broken.yml:');
    expect(text).toContain('Replace with:');
  });

  it('a repository without workflows is an empty result', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'keyward-empty-'));
    try {
      expect(await auditWorkflows(empty)).toEqual({ workflows: [], findings: [], notices: [] });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
