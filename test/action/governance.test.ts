import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksumOf, verifyEvidence, type Evidence, type RevocationRecord } from '../../src/governance/index.js';
import { randomFrom, ALNUM, DIGITS, UPPER } from '../helpers/fake-secrets.js';
import { startStsFake } from '../servers/aws-sts.js';
import { startEntraFake } from '../servers/entra.js';
import { startGovernanceServer } from '../servers/github-governance.js';
import { startGoogleFake } from '../servers/google.js';
import { startOidcFake } from '../servers/oidc.js';
import { startVaultFake } from '../servers/vault.js';
import { NODE, fileCommands, runAction } from './harness.js';
import { mdText } from '../../src/report/markdown.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function workspaceWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The log as a reader sees it: `::add-mask::` lines are commands to the runner, not output. */
const withoutMaskCommands = (log: string) =>
  log
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

const STATIC_KEYS_WORKFLOW = `name: deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
      - name: Deploy
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.AWS_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets.AWS_SECRET_ACCESS_KEY }}
          AWS_REGION: eu-west-1
        run: ./deploy.sh
`;

describe('the Action audits workflows in every mode', () => {
  it('fails on a job fed static AWS keys: annotation, summary with the OIDC replacement, SARIF result', async () => {
    const workspace = workspaceWith({ '.github/workflows/deploy.yml': STATIC_KEYS_WORKFLOW, 'src/app.ts': 'export const ok = true;\n' });
    const run = await runAction({ workspace, eventName: 'workflow_dispatch', inputs: { mode: 'tree' } });
    expect(run.code, run.log).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '0', 'workflow-findings': '1', verdict: 'fail' });
    expect(run.log).toMatch(/::error title=Workflow audit%3A workflow-aws-static-keys \(high\),file=\.github\/workflows\/deploy\.yml,line=\d+/);
    expect(run.log).toContain('1 workflow audit finding(s) at or above high');
    expect(run.summary).toContain('### Workflow audit');
    expect(run.summary).toContain('aws-role-arn: arn:aws:iam::<ACCOUNT_ID>:role/');
    expect(run.summary).toContain('**Why it failed:**');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file']!, 'utf8'));
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'workflow-aws-static-keys');
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('.github/workflows/deploy.yml');
    expect(result.partialFingerprints['keyward/fingerprint/v2']).toMatch(/^[0-9a-f]{64}$/);
    expect(sarif.runs[0].tool.driver.rules[result.ruleIndex].id).toBe('workflow-aws-static-keys');
  });

  it('only reports with workflow-audit: warn, and skips with off', async () => {
    const workspace = workspaceWith({ '.github/workflows/deploy.yml': STATIC_KEYS_WORKFLOW });
    const warn = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree', 'workflow-audit': 'warn' } });
    expect(warn.code, warn.log).toBe(0);
    expect(warn.log).toMatch(/::warning title=Workflow audit%3A workflow-aws-static-keys/);
    expect(warn.outputs).toMatchObject({ 'workflow-findings': '1', verdict: 'pass' });
    const off = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree', 'workflow-audit': 'off' } });
    expect(off.code, off.log).toBe(0);
    expect(off.outputs['workflow-findings']).toBe('0');
    expect(off.log).not.toContain('Workflow audit');
  });

  it('reports a malformed workflow as a notice naming the file and line, without failing the scan', async () => {
    const workspace = workspaceWith({ '.github/workflows/broken.yml': 'jobs:\n  build:\n    steps: [\n' });
    const run = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree' } });
    expect(run.code, run.log).toBe(0);
    expect(run.summary).toMatch(/Not audited: `\.github\/workflows\/broken\.yml` line \d+/);
  });
});

describe('the run evidence', () => {
  it('is written next to the SARIF, verifies, records fingerprints and statuses, and holds no secret', async () => {
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const workspace = workspaceWith({ 'deploy/settings.py': `AWS_KEY = "${key}"\n`, '.keyward.yml': 'fail-on: critical\n' });
    const run = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree' } });
    const path = run.outputs['evidence-file']!;
    expect(path).toBe(join(run.root, 'keyward-evidence.json'));
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(key);
    const evidence = JSON.parse(text) as Evidence;
    expect(verifyEvidence(evidence).valid).toBe(true);
    expect(evidence).toMatchObject({ kind: 'keyward-evidence', repository: 'acme/app', runId: '4242', event: 'push', summary: { new: 1, credentialsIssued: 0 } });
    expect(evidence.findings[0]).toMatchObject({ status: 'new', ruleId: 'aws-access-key-id', path: 'deploy/settings.py', longLived: true });
    expect(run.outputs['policy-version']).toBe(evidence.policyVersion);
    expect(run.summary).toContain('### Evidence');
    expect(run.summary).toContain(evidence.checksum);
  });
});

describe('the inventory in the Action', () => {
  it('reports every problem of a malformed .github/nhi.yml with its line and field, and still scans', async () => {
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const workspace = workspaceWith({
      '.github/nhi.yml': 'version: 1\nidentities:\n  - name: DEPLOY_KEY\n    kind: repository-secret\n    owner: 12\n    expires: someday\n',
      'deploy.env': `AWS_ACCESS_KEY_ID=${key}\n`,
    });
    const run = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree' } });
    expect(run.code).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.log).toMatch(/::warning title=Inventory%3A identities\[0\]\.owner,file=\.github\/nhi\.yml,line=5/);
    expect(run.log).toMatch(/::warning title=Inventory%3A identities\[0\]\.expires,file=\.github\/nhi\.yml,line=6/);
    expect(run.summary).toContain(`### Inventory (${mdText('.github/nhi.yml')})`);
    expect(run.summary).toMatch(/error at line 6, `identities\[0\]\.expires`/);
    expect(run.log).not.toContain(key);
  });
});

describe('fixed findings across runs', () => {
  it('records as fixed what the previous run found and this one does not', async () => {
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const workspace = workspaceWith({ 'deploy/settings.py': `AWS_KEY = "${key}"\n` });
    const first = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree' } });
    const firstEvidence = JSON.parse(readFileSync(first.outputs['evidence-file']!, 'utf8')) as Evidence;
    writeFileSync(join(workspace, 'deploy/settings.py'), 'AWS_KEY = os.environ["AWS_KEY"]\n');
    const second = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree', 'previous-report': first.outputs['evidence-file']! } });
    expect(second.code, second.log).toBe(0);
    const evidence = JSON.parse(readFileSync(second.outputs['evidence-file']!, 'utf8')) as Evidence;
    expect(evidence.summary).toMatchObject({ new: 0, fixed: 1 });
    expect(evidence.findings[0]).toMatchObject({ status: 'fixed', fingerprint: firstEvidence.findings[0]!.fingerprint, ruleId: 'aws-access-key-id', path: 'deploy/settings.py' });
    const missing = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree', 'previous-report': 'nowhere.json' } });
    expect(missing.code).toBe(0);
    expect(missing.log).toMatch(/::warning::previous-report .*nowhere\.json: no such file/);
  });
});

describe('the OIDC swap end to end (bundle, runner file commands, post step)', () => {
  it('exports masked short-lived AWS, GCP, Azure and Vault credentials through GITHUB_ENV, removes the static key, and the post step revokes and reseals the evidence', async () => {
    const oidc = await startOidcFake();
    const sts = await startStsFake(oidc);
    const vault = await startVaultFake(oidc);
    vault.roles.ci = { boundAudience: 'https://github.com/octo-org', boundSubject: 'repo:octo-org/*', ttl: 600, policies: ['ci-read'] };
    const google = await startGoogleFake(oidc);
    google.serviceAccounts.push('deployer@my-project-1.iam.gserviceaccount.com');
    const entra = await startEntraFake(oidc);
    closers.push(oidc.close, sts.close, vault.close, google.close, entra.close);

    const files = mkdtempSync(join(tmpdir(), 'keyward-runner-files-'));
    const githubEnv = join(files, 'env');
    const githubState = join(files, 'state');
    writeFileSync(githubEnv, '');
    writeFileSync(githubState, '');
    const staticKeyId = `AKIA${randomFrom(UPPER + DIGITS, 16)}`;
    const staticSecret = randomFrom(ALNUM, 40);
    const workspace = workspaceWith({ 'src/app.ts': 'export const ok = true;\n' });
    const run = await runAction({
      workspace,
      eventName: 'workflow_dispatch',
      inputs: {
        mode: 'tree',
        'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy',
        'aws-region': 'eu-west-1',
        'aws-sts-endpoint': sts.url,
        'vault-url': vault.url,
        'vault-role': 'ci',
        'vault-audience': 'https://github.com/octo-org',
        'gcp-workload-identity-provider': google.provider,
        'gcp-service-account': 'deployer@my-project-1.iam.gserviceaccount.com',
        'gcp-sts-endpoint': google.url,
        'gcp-iam-credentials-endpoint': google.url,
        'azure-client-id': entra.clientId,
        'azure-tenant-id': entra.tenantId,
        'azure-authority-host': entra.url,
        'long-lived-env': 'warn',
      },
      env: { ...oidc.env, GITHUB_ENV: githubEnv, GITHUB_STATE: githubState, AWS_ACCESS_KEY_ID: staticKeyId, AWS_SECRET_ACCESS_KEY: staticSecret },
    });
    expect(run.code, run.log).toBe(0);

    const aws = sts.issued[0]!;
    const vaultToken = [...vault.tokens.keys()][0]!;
    const exported = fileCommands(readFileSync(githubEnv, 'utf8'));
    expect(exported).toMatchObject({ AWS_ACCESS_KEY_ID: aws.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.secretAccessKey, AWS_SESSION_TOKEN: aws.sessionToken, AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'eu-west-1', VAULT_TOKEN: vaultToken });
    expect(exported.AZURE_CLIENT_ID).toBe(entra.clientId);
    const credentialFiles = [exported.GOOGLE_APPLICATION_CREDENTIALS!, exported.AZURE_FEDERATED_TOKEN_FILE!];
    for (const file of credentialFiles) {
      expect(existsSync(file)).toBe(true);
      expect(file.startsWith(workspace)).toBe(false);
    }
    expect(JSON.parse(readFileSync(exported.GOOGLE_APPLICATION_CREDENTIALS!, 'utf8')).type).toBe('external_account');
    const minted = [aws.secretAccessKey, aws.sessionToken, vaultToken, google.accessTokens[0]!, entra.accessTokens[0]!];
    const secrets = [...minted, staticSecret, ...oidc.issued, oidc.requestToken];
    for (const secret of [...minted, staticSecret, ...oidc.issued]) expect(run.stdout).toContain(`::add-mask::${secret}`);
    const unmasked = withoutMaskCommands(run.log);
    for (const secret of secrets) {
      expect(unmasked).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
    }
    expect(run.log).toMatch(/::warning::.*AWS_ACCESS_KEY_ID/);
    expect(run.outputs['aws-ttl'], JSON.stringify(Object.keys(run.outputs))).toMatch(/^\d+$/);
    expect(Number(run.outputs['aws-ttl'])).toBeLessThanOrEqual(900);

    const evidencePath = run.outputs['evidence-file']!;
    const before = JSON.parse(readFileSync(evidencePath, 'utf8')) as Evidence;
    expect(before.credentials.map((c) => c.cloud).sort()).toEqual(['aws', 'azure', 'gcp', 'vault']);
    expect(before.credentials.find((c) => c.cloud === 'aws')).toMatchObject({ identity: 'arn:aws:iam::123456789012:role/deploy', oidc: { sub: 'repo:octo-org/octo-repo:ref:refs/heads/main', aud: 'sts.amazonaws.com' } });
    expect(run.summary).toContain('### Short-lived credentials');
    for (const secret of secrets) expect(readFileSync(evidencePath, 'utf8')).not.toContain(secret);

    // The runner hands the main step's saved state to the post step as STATE_<name>.
    const state = fileCommands(readFileSync(githubState, 'utf8'));
    const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
    writeFileSync(join(files, 'post-output'), '');
    const post = await new Promise<{ code: number | null; log: string }>((done) => {
      // The runner gives the post step the step's inputs too: it trusts only the Vault URL they name, not the state's.
      const env = { PATH: process.env.PATH ?? '', RUNNER_TEMP: run.root, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: join(files, 'post-output'), 'INPUT_VAULT-URL': vault.url, 'INPUT_VAULT-ROLE': 'ci', ...stateEnv };
      const child = spawn(NODE, [resolve('dist/post/index.js')], { env });
      let log = '';
      child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
      child.on('close', (code) => done({ code, log }));
    });
    expect(post.code, post.log).toBe(0);
    expect(post.log).toContain('is unchanged');
    expect(vault.tokens.get(vaultToken)!.revoked).toBe(true);
    for (const file of credentialFiles) expect(existsSync(file)).toBe(false);
    const unmaskedPost = withoutMaskCommands(post.log);
    for (const secret of secrets) expect(unmaskedPost).not.toContain(secret);
    // The evidence a later step may have uploaded or attested is left byte for byte; the revocations have their own file.
    const after = JSON.parse(readFileSync(evidencePath, 'utf8')) as Evidence;
    expect(after).toEqual(before);
    expect(verifyEvidence(after).valid).toBe(true);
    const record = JSON.parse(readFileSync(evidencePath.replace(/\.json$/, '.revocations.json'), 'utf8')) as RevocationRecord;
    expect(record).toMatchObject({ kind: 'keyward-revocations', evidence: before.checksum });
    expect(record.revocations.map((r) => r.cloud)).toEqual(['vault']);
    expect(record.revocations[0]!.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(record.checksum).toBe(checksumOf(record));
  });

  it('fails with the fix named when the job has no id-token permission, and still writes no credential', async () => {
    const workspace = workspaceWith({ 'src/app.ts': 'export const ok = true;\n' });
    const githubEnv = join(mkdtempSync(join(tmpdir(), 'keyward-env-')), 'env');
    writeFileSync(githubEnv, '');
    const run = await runAction({ workspace, eventName: 'push', inputs: { mode: 'tree', 'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'eu-west-1' }, env: { GITHUB_ENV: githubEnv } });
    expect(run.code).toBe(1);
    expect(run.log).toContain('id-token: write');
    expect(readFileSync(githubEnv, 'utf8')).not.toContain('AWS_SECRET_ACCESS_KEY');
  });
});

describe('the secrets audit in the Action', () => {
  it('runs with a secrets-audit-token against the API and reports orphaned and missing secrets in the summary', async () => {
    const api = await startGovernanceServer({ tokens: { 'audit-token': 'repo' } });
    closers.push(api.close);
    api.repoSecrets.push({ name: 'OLD_DEPLOY_KEY', created_at: '2020-01-01T00:00:00Z', updated_at: '2020-01-01T00:00:00Z' });
    const workspace = workspaceWith({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$T"\n        env:\n          T: ${{ secrets.NPM_TOKEN }}\n',
    });
    const run = await runAction({ workspace, eventName: 'push', apiUrl: api.url, inputs: { mode: 'tree', 'secrets-audit-token': 'audit-token' } });
    expect(run.code, run.log).toBe(0);
    expect(Number(run.outputs['secrets-audit-findings'])).toBeGreaterThanOrEqual(2);
    expect(run.summary).toContain('### Secrets audit');
    expect(run.summary).toContain('OLD_DEPLOY_KEY');
    expect(run.summary).toContain(mdText('secrets.NPM_TOKEN is referenced by'));
    expect(api.calls(/\/actions\/secrets/).length).toBeGreaterThan(0);
    expect(run.stdout).toContain('::add-mask::audit-token');
  });

  it('names the permission when the token cannot list secrets, and the scan still passes on its own merits', async () => {
    const api = await startGovernanceServer({ tokens: { 'workflow-token': 'workflow' } });
    closers.push(api.close);
    const workspace = workspaceWith({ 'src/app.ts': 'export const ok = true;\n' });
    const run = await runAction({ workspace, eventName: 'push', apiUrl: api.url, inputs: { mode: 'tree', 'secrets-audit-token': 'workflow-token' } });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toMatch(/::warning::Secrets audit: .*secrets: read/);
    expect(run.outputs.verdict).toBe('pass');
  });
});
