import { readRegularFile } from '../fs/safe-read.js';
import { CredentialError } from './errors.js';
import { lookupVaultTokenTtl } from './vault.js';
import type { Cloud, CredentialRuntime, GuardFinding, GuardReport, SwapInputs } from './types.js';

/**
 * A key file is a few KB. The path comes from the job's env, which a pull request's workflow can set (to /dev/zero or
 * a FIFO): only a regular file within the cap is read. A link is followed, as a mounted key file often is one.
 */
const KEY_FILE_MAX_BYTES = 1024 * 1024;

function serviceAccountKeyFile(path: string): boolean {
  const read = readRegularFile(path, { maxBytes: KEY_FILE_MAX_BYTES, followLinks: true });
  if (!read.ok) return false;
  try {
    const parsed = JSON.parse(read.text) as { type?: unknown };
    return parsed.type === 'service_account';
  } catch {
    return false;
  }
}

/** Long-lived credentials already in the job's environment. Reasons name the variable and the evidence, never a value. */
export async function detectLongLived(runtime: CredentialRuntime, inputs: Pick<SwapInputs, 'vault'>): Promise<GuardFinding[]> {
  const env = runtime.env;
  const findings: GuardFinding[] = [];
  const keyId = env.AWS_ACCESS_KEY_ID;
  if (keyId?.startsWith('AKIA')) findings.push({ variable: 'AWS_ACCESS_KEY_ID', cloud: 'aws', reason: 'an IAM user access key (AKIA…): long-lived, unlike session keys (ASIA…)' });
  if (keyId?.startsWith('AKIA') && env.AWS_SECRET_ACCESS_KEY) findings.push({ variable: 'AWS_SECRET_ACCESS_KEY', cloud: 'aws', reason: 'the secret of that IAM user access key' });
  for (const variable of ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH']) {
    const path = env[variable];
    if (path && serviceAccountKeyFile(path)) findings.push({ variable, cloud: 'gcp', reason: 'points to a service account key file (type service_account)' });
  }
  for (const variable of ['AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET']) {
    if (env[variable]) findings.push({ variable, cloud: 'azure', reason: 'an Entra ID application client secret' });
  }
  if (env.AZURE_CREDENTIALS && /clientSecret/.test(env.AZURE_CREDENTIALS)) findings.push({ variable: 'AZURE_CREDENTIALS', cloud: 'azure', reason: 'an azure/login credentials JSON with a clientSecret' });
  const vaultToken = env.VAULT_TOKEN;
  const vaultAddr = inputs.vault?.url ?? env.VAULT_ADDR;
  if (vaultToken) {
    if (!vaultAddr) {
      findings.push({ variable: 'VAULT_TOKEN', cloud: 'vault', reason: 'a static Vault token (no VAULT_ADDR to check its TTL)' });
    } else {
      const ttl = await lookupVaultTokenTtl(runtime, vaultAddr, inputs.vault?.namespace ?? env.VAULT_NAMESPACE, vaultToken);
      if (ttl === 0) findings.push({ variable: 'VAULT_TOKEN', cloud: 'vault', reason: 'a Vault token without a TTL (never expires)' });
      else if (ttl === undefined) findings.push({ variable: 'VAULT_TOKEN', cloud: 'vault', reason: 'a static Vault token whose TTL could not be looked up' });
    }
  }
  return findings;
}

/** Warns or fails per `long-lived-env`, before any swap. */
/** Variables that hold a file path, not the credential itself. */
const PATH_VARIABLES = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'AZURE_CLIENT_CERTIFICATE_PATH', 'AZURE_FEDERATED_TOKEN_FILE']);

export async function runGuard(runtime: CredentialRuntime, inputs: SwapInputs): Promise<GuardReport> {
  const report: GuardReport = { policy: inputs.longLivedEnv, findings: [], removed: [] };
  if (inputs.longLivedEnv === 'ignore') return report;
  report.findings = await detectLongLived(runtime, inputs);
  if (report.findings.length === 0) return report;
  // The runner masks values that came from `secrets.*`, not those from elsewhere; the guard has read them, so mask them.
  for (const finding of report.findings) {
    const value = runtime.env[finding.variable];
    if (value && !PATH_VARIABLES.has(finding.variable)) runtime.setSecret(value);
  }
  const lines = report.findings.map((f) => `${f.variable} (${f.cloud}): ${f.reason}`);
  const advice = 'Replace it with the OIDC swap (aws-role-arn, gcp-workload-identity-provider, azure-client-id or vault-role) and delete the stored secret.';
  if (inputs.longLivedEnv === 'fail') {
    throw new CredentialError('guard', `Long-lived credentials are in this job's environment:\n  ${lines.join('\n  ')}\n${advice}`, { code: 'LongLivedCredentials' });
  }
  for (const line of lines) runtime.warning(`Long-lived credential in the job environment: ${line}. ${advice}`);
  return report;
}

/** Variables the swap for `cloud` replaces or makes unnecessary; emptied for later steps so tools cannot fall back on them. */
const SUPERSEDED: Record<Cloud, string[]> = {
  aws: [],
  gcp: [],
  azure: ['AZURE_CLIENT_SECRET', 'ARM_CLIENT_SECRET', 'AZURE_CREDENTIALS', 'AZURE_CLIENT_CERTIFICATE_PATH'],
  vault: [],
};

/**
 * After a successful swap: long-lived variables of the swapped clouds that the swap did not already overwrite are
 * exported empty. Returns the names removed.
 */
export function removeSuperseded(runtime: CredentialRuntime, report: GuardReport, swapped: Cloud[], exported: Set<string>): string[] {
  const removed: string[] = [];
  const flagged = new Set(report.findings.filter((f) => swapped.includes(f.cloud)).map((f) => f.variable));
  for (const cloud of swapped) for (const variable of SUPERSEDED[cloud]) if (runtime.env[variable]) flagged.add(variable);
  for (const variable of flagged) {
    if (exported.has(variable)) {
      removed.push(variable);
      continue;
    }
    runtime.exportVariable(variable, '');
    delete runtime.env[variable];
    removed.push(variable);
  }
  for (const variable of removed) runtime.info(`Removed the long-lived ${variable} from later steps: the OIDC swap replaced it${exported.has(variable) ? ' (overwritten with short-lived credentials)' : ' (exported empty)'}.`);
  report.removed.push(...removed);
  return removed;
}
