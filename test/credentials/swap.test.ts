import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialError, parseSwapInputs, runPost, runSwap, SwapFailure, type SwapInputs } from '../../src/credentials/index.js';
import { ALNUM, DIGITS, UPPER, randomFrom } from '../helpers/fake-secrets.js';
import { startEntraFake, type EntraFake } from '../servers/entra.js';
import { startGoogleFake, type GoogleFake } from '../servers/google.js';
import { startOidcFake, type OidcFake } from '../servers/oidc.js';
import { startStsFake, type StsFake } from '../servers/aws-sts.js';
import { startVaultFake, type VaultFake } from '../servers/vault.js';
import { recordingRuntime } from './runtime.js';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';
const CHAINED = 'arn:aws:iam::210987654321:role/target';
const SA = 'deployer@my-project-1.iam.gserviceaccount.com';

let oidc: OidcFake;
let sts: StsFake;
let google: GoogleFake;
let entra: EntraFake;
let vault: VaultFake;

beforeEach(async () => {
  oidc = await startOidcFake();
  sts = await startStsFake(oidc);
  google = await startGoogleFake(oidc);
  google.serviceAccounts.push(SA);
  entra = await startEntraFake(oidc);
  vault = await startVaultFake(oidc);
  vault.roles.ci = { boundAudience: 'https://github.com/octo-org', boundSubject: 'repo:octo-org/*', ttl: 600, policies: ['ci-read'] };
});
afterEach(async () => {
  await Promise.all([oidc.close(), sts.close(), google.close(), entra.close(), vault.close()]);
});

function inputs(values: Record<string, string>): SwapInputs {
  return parseSwapInputs((name) => values[name] ?? '');
}

const awsInputs = (extra: Record<string, string> = {}) => inputs({ 'aws-role-arn': ROLE, 'aws-region': 'eu-west-1', 'aws-sts-endpoint': sts.url, ...extra });

function assertNoRawSecrets(logs: string, secrets: string[]): void {
  for (const secret of secrets) expect(logs).not.toContain(secret);
}

describe('AWS', () => {
  it('assumes the role, masks all three secrets before exporting them, and records evidence', async () => {
    const t = recordingRuntime(oidc.env);
    const result = await runSwap(awsInputs(), t.runtime);
    const creds = sts.issued[0]!;
    for (const secret of [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken]) {
      expect(t.masked(secret)).toBeGreaterThanOrEqual(0);
      expect(t.masked(secret)).toBeLessThan(t.firstUse(secret));
    }
    expect(t.exported('AWS_SESSION_TOKEN')).toBe(creds.sessionToken);
    expect(t.exported('AWS_DEFAULT_REGION')).toBe('eu-west-1');
    const record = result.issued[0]!;
    expect(record.durationSeconds).toBeGreaterThan(890);
    expect(record.durationSeconds).toBeLessThanOrEqual(900);
    expect(record).toMatchObject({ cloud: 'aws', identity: ROLE, oidc: { sub: 'repo:octo-org/octo-repo:ref:refs/heads/main', aud: 'sts.amazonaws.com', repository: 'octo-org/octo-repo', run_id: '4242' } });
    expect(record.outputs).toContain('AWS_ACCESS_KEY_ID');
    expect(JSON.stringify(result)).not.toContain(creds.secretAccessKey);
    expect(t.events.some((e) => e.kind === 'output' && e.name === 'aws-expiration')).toBe(true);
    assertNoRawSecrets(t.logs(), [creds.secretAccessKey, creds.sessionToken, oidc.issued[0]!]);
  });

  it('chains a second role with a SigV4-signed AssumeRole', async () => {
    const t = recordingRuntime(oidc.env);
    const result = await runSwap(awsInputs({ 'aws-role-chain': CHAINED }), t.runtime);
    expect(sts.issued).toHaveLength(2);
    expect(t.exported('AWS_ACCESS_KEY_ID')).toBe(sts.issued[1]!.accessKeyId);
    expect(result.issued[0]).toMatchObject({ identity: CHAINED, chain: [ROLE, CHAINED] });
  });

  it('names the fix when id-token: write is missing', async () => {
    const t = recordingRuntime({});
    const error = await runSwap(awsInputs(), t.runtime).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SwapFailure);
    expect((error as SwapFailure).message).toContain('permissions: id-token: write');
  });

  it('surfaces AccessDenied with the sub the token carried', async () => {
    sts.trustedSubjects = ['repo:octo-org/other-repo:*'];
    const error = (await runSwap(awsInputs(), recordingRuntime(oidc.env).runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.failures[0]!.code).toBe('AccessDenied');
    expect(error.message).toContain('sub was "repo:octo-org/octo-repo:ref:refs/heads/main"');
  });

  it('reports a wrong audience', async () => {
    const error = (await runSwap(awsInputs({ 'aws-audience': 'not-sts' }), recordingRuntime(oidc.env).runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.failures[0]!.code).toBe('InvalidIdentityToken');
    expect(error.message).toContain('aud was "not-sts"');
  });

  it('reports an expired token', async () => {
    oidc.ttlSeconds = -60;
    const error = (await runSwap(awsInputs(), recordingRuntime(oidc.env).runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.failures[0]!.code).toBe('ExpiredTokenException');
  });

  it('retries Throttling and then succeeds', async () => {
    sts.throttle(2);
    const t = recordingRuntime(oidc.env);
    const result = await runSwap(awsInputs(), t.runtime);
    expect(result.issued).toHaveLength(1);
    expect(sts.server.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
  });
});

describe('GCP, Azure, Vault', () => {
  it('GCP: exchanges, impersonates, writes an external_account file outside the workspace', async () => {
    const t = recordingRuntime(oidc.env);
    const result = await runSwap(
      inputs({ 'gcp-workload-identity-provider': google.provider, 'gcp-service-account': SA, 'gcp-token-lifetime': '600s', 'gcp-sts-endpoint': google.url, 'gcp-iam-credentials-endpoint': google.url, 'output-access-tokens': 'true' }),
      t.runtime,
    );
    const path = t.exported('GOOGLE_APPLICATION_CREDENTIALS')!;
    expect(path.startsWith(t.runtime.tempDir)).toBe(true);
    expect(path.startsWith(t.runtime.workspace)).toBe(false);
    const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ type: 'external_account', audience: `//iam.googleapis.com/${google.provider}` });
    expect(String(file.service_account_impersonation_url)).toContain(`${SA}:generateAccessToken`);
    expect(t.exported('GOOGLE_CLOUD_PROJECT')).toBe('my-project-1');
    const token = google.accessTokens[0]!;
    expect(t.masked(token)).toBeLessThan(t.firstUse(token));
    expect(result.issued[0]).toMatchObject({ cloud: 'gcp', identity: SA });
    expect(result.issued[0]!.durationSeconds).toBeGreaterThan(590);
    assertNoRawSecrets(t.logs(), [token, google.federatedTokens[0]!]);
  });

  it('GCP: a rejected attribute condition is an error with a hint', async () => {
    google.condition = 'repo:someone-else/*';
    const error = (await runSwap(inputs({ 'gcp-workload-identity-provider': google.provider, 'gcp-sts-endpoint': google.url }), recordingRuntime(oidc.env).runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.failures[0]!.cloud).toBe('gcp');
    expect(error.message).toContain('attribute condition');
  });

  it('Azure: client assertion exchange, federated token file, expiry output', async () => {
    const t = recordingRuntime(oidc.env);
    const subscription = '00000000-0000-4000-8000-000000000001';
    await runSwap(inputs({ 'azure-client-id': entra.clientId, 'azure-tenant-id': entra.tenantId, 'azure-subscription-id': subscription, 'azure-authority-host': entra.url }), t.runtime);
    expect(t.exported('AZURE_CLIENT_ID')).toBe(entra.clientId);
    expect(readFileSync(t.exported('AZURE_FEDERATED_TOKEN_FILE')!, 'utf8')).toBe(oidc.issued[0]);
    expect(t.events.some((e) => e.kind === 'output' && e.name === 'azure-token-expiration')).toBe(true);
    expect(t.masked(entra.accessTokens[0]!)).toBeGreaterThanOrEqual(0);
  });

  it('Azure: AADSTS700213 names the subject the token carried', async () => {
    entra.subject = 'repo:octo-org/octo-repo:environment:prod';
    const error = (await runSwap(inputs({ 'azure-client-id': entra.clientId, 'azure-tenant-id': entra.tenantId, 'azure-authority-host': entra.url }), recordingRuntime(oidc.env).runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.failures[0]!.code).toBe('AADSTS700213');
    expect(error.message).toContain('"repo:octo-org/octo-repo:ref:refs/heads/main"');
  });

  it('Vault: login, TTL output, and the post step revokes the token and deletes every file', async () => {
    const t = recordingRuntime(oidc.env);
    const evidenceFile = join(t.root, 'evidence.json');
    await runSwap(inputs({ 'vault-url': vault.url, 'vault-role': 'ci', 'aws-role-arn': ROLE, 'aws-region': 'eu-west-1', 'aws-sts-endpoint': sts.url, 'azure-client-id': entra.clientId, 'azure-tenant-id': entra.tenantId, 'azure-authority-host': entra.url }), t.runtime, { evidenceFile });
    const token = t.exported('VAULT_TOKEN')!;
    expect(vault.tokens.get(token)?.revoked).toBe(false);
    expect(t.events.find((e) => e.kind === 'output' && e.name === 'vault-token-ttl')?.value).toBe('600');
    const files = [t.exported('AZURE_FEDERATED_TOKEN_FILE')!];
    expect(files.every((f) => existsSync(f))).toBe(true);
    const post = await runPost(t.runtime, { vaultUrl: vault.url, evidenceFile });
    expect(vault.tokens.get(token)?.revoked).toBe(true);
    expect(post.problems).toEqual([]);
    expect(files.some((f) => existsSync(f))).toBe(false);
    const evidence = JSON.parse(readFileSync(evidenceFile, 'utf8')) as { issued: { cloud: string; revokedAt?: string }[] };
    expect(evidence.issued.find((r) => r.cloud === 'vault')?.revokedAt).toBeTruthy();
    expect(readFileSync(evidenceFile, 'utf8')).not.toContain(token);
    assertNoRawSecrets(t.logs(), [token, ...sts.issued.map((c) => c.secretAccessKey)]);
  });
});

describe('runtime guard and workspace', () => {
  const akia = () => `AKIA${randomFrom(UPPER + DIGITS, 16)}`;

  it('warns on an AKIA key and removes it after the swap, without printing it', async () => {
    const keyId = akia();
    const secret = randomFrom(ALNUM, 40);
    const azureSecret = randomFrom(ALNUM, 34);
    const t = recordingRuntime({ ...oidc.env, AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret, AZURE_CLIENT_SECRET: azureSecret });
    const result = await runSwap(awsInputs(), t.runtime);
    expect(result.guard.findings.map((f) => f.variable)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AZURE_CLIENT_SECRET']);
    expect(result.guard.removed).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(t.exported('AWS_ACCESS_KEY_ID')!.startsWith('ASIA')).toBe(true);
    expect(t.events.filter((e) => e.kind === 'warning').length).toBeGreaterThan(0);
    assertNoRawSecrets(t.logs(), [keyId, secret, azureSecret]);
  });

  it('empties an Azure client secret when the Azure swap replaces it', async () => {
    const t = recordingRuntime({ ...oidc.env, AZURE_CLIENT_SECRET: randomFrom(ALNUM, 34) });
    const result = await runSwap(inputs({ 'azure-client-id': entra.clientId, 'azure-tenant-id': entra.tenantId, 'azure-authority-host': entra.url }), t.runtime);
    expect(result.guard.removed).toEqual(['AZURE_CLIENT_SECRET']);
    expect(t.exported('AZURE_CLIENT_SECRET')).toBe('');
  });

  it('fails on a service account key file when long-lived-env is fail, before any exchange', async () => {
    const t = recordingRuntime(oidc.env);
    const keyFile = join(t.root, 'key.json');
    writeFileSync(keyFile, JSON.stringify({ type: 'service_account', client_email: SA }));
    t.runtime.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
    const error = await runSwap(awsInputs({ 'long-lived-env': 'fail' }), t.runtime).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialError);
    expect((error as CredentialError).message).toContain('GOOGLE_APPLICATION_CREDENTIALS');
    expect(sts.issued).toHaveLength(0);
  });

  it('refuses to write credential files inside the workspace', async () => {
    const base = recordingRuntime(oidc.env);
    const t = recordingRuntime(oidc.env, { workspace: base.root, tempDir: join(base.root, 'tmp') });
    const error = (await runSwap(inputs({ 'azure-client-id': entra.clientId, 'azure-tenant-id': entra.tenantId, 'azure-authority-host': entra.url }), t.runtime).catch((e: unknown) => e)) as SwapFailure;
    expect(error.message).toContain('inside the workspace');
  });

  it('names the input in a bad value', () => {
    expect(() => inputs({ 'aws-role-arn': 'deploy', 'aws-region': 'eu-west-1' })).toThrow(/aws-role-arn/);
    expect(() => inputs({ 'aws-role-arn': ROLE, 'aws-region': 'eu-west-1', 'aws-session-duration': '60' })).toThrow(/aws-session-duration/);
  });
});
