import { CredentialError } from './errors.js';
import { AZURE_AUDIENCE, AZURE_DEFAULT_SCOPE } from './azure.js';
import type { LongLivedPolicy, SwapInputs } from './types.js';

/** Reads one input by its action.yml name; '' when unset (as @actions/core's getInput). */
export type InputReader = (name: string) => string;

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

function invalid(name: string, expected: string, value: string): never {
  throw new CredentialError('input', `input ${name}: expected ${expected}, not "${value}"`);
}

function url(name: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') invalid(name, 'an http(s) URL', value);
    return value.replace(/\/+$/, '');
  } catch (error) {
    if (error instanceof CredentialError) throw error;
    return invalid(name, 'an http(s) URL', value);
  }
}

/** `600`, `600s`, `10m`, `1h` -> seconds. */
export function parseDuration(name: string, value: string): number {
  const match = /^(\d+)\s*(s|m|h)?$/i.exec(value.trim());
  if (!match?.[1]) return invalid(name, 'a duration such as 900, 600s, 15m or 1h', value);
  const unit = (match[2] ?? 's').toLowerCase();
  return Number(match[1]) * (unit === 'h' ? 3600 : unit === 'm' ? 60 : 1);
}

/**
 * Parses and checks the credential inputs. A cloud is swapped when its identity input is set; every other input it
 * needs must then be present and valid, and the error names the input.
 */
export function parseSwapInputs(get: InputReader, env: NodeJS.ProcessEnv = {}): SwapInputs {
  const read = (name: string) => {
    const value = get(name).trim();
    return value === '' ? undefined : value;
  };
  const required = (name: string, because: string) => read(name) ?? invalid(name, `a value (${because})`, '');

  const longLived = (read('long-lived-env') ?? 'warn').toLowerCase();
  if (longLived !== 'warn' && longLived !== 'fail' && longLived !== 'ignore') invalid('long-lived-env', 'warn, fail or ignore', longLived);
  const outputTokens = (read('output-access-tokens') ?? 'false').toLowerCase();
  if (outputTokens !== 'true' && outputTokens !== 'false') invalid('output-access-tokens', 'true or false', outputTokens);
  const inputs: SwapInputs = { longLivedEnv: longLived as LongLivedPolicy, outputAccessTokens: outputTokens === 'true', policyVersion: read('policy-version') };

  const roleArn = read('aws-role-arn');
  if (roleArn) {
    if (!ROLE_ARN.test(roleArn)) invalid('aws-role-arn', 'an IAM role ARN (arn:aws:iam::123456789012:role/NAME)', roleArn);
    const region = read('aws-region') ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? invalid('aws-region', 'a region such as eu-west-1 (aws-role-arn is set)', '');
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) invalid('aws-region', 'a region such as eu-west-1', region);
    const duration = parseDuration('aws-session-duration', read('aws-session-duration') ?? '900');
    if (duration < 900 || duration > 43200) invalid('aws-session-duration', 'between 900 and 43200 seconds', String(duration));
    const policy = read('aws-session-policy');
    if (policy !== undefined) {
      try {
        JSON.parse(policy);
      } catch (error) {
        throw new CredentialError('input', `input aws-session-policy: not valid JSON (${(error as Error).message})`);
      }
    }
    const chain = read('aws-role-chain');
    if (chain && !ROLE_ARN.test(chain)) invalid('aws-role-chain', 'an IAM role ARN', chain);
    const sessionName = read('aws-role-session-name');
    if (sessionName && !/^[\w+=,.@-]{2,64}$/.test(sessionName)) invalid('aws-role-session-name', '2 to 64 characters of letters, digits and +=,.@_-', sessionName);
    const endpoint = read('aws-sts-endpoint');
    inputs.aws = {
      roleArn,
      region,
      roleSessionName: sessionName,
      sessionDurationSeconds: duration,
      sessionPolicy: policy,
      roleChain: chain,
      audience: read('aws-audience') ?? 'sts.amazonaws.com',
      stsEndpoint: endpoint ? url('aws-sts-endpoint', endpoint) : undefined,
    };
  }

  const provider = read('gcp-workload-identity-provider');
  if (provider) {
    const lifetime = parseDuration('gcp-token-lifetime', read('gcp-token-lifetime') ?? '3600s');
    if (lifetime < 1 || lifetime > 43200) invalid('gcp-token-lifetime', 'between 1s and 43200s', String(lifetime));
    const source = (read('gcp-credential-source') ?? 'file').toLowerCase();
    if (source !== 'file' && source !== 'url') invalid('gcp-credential-source', 'file or url', source);
    const serviceAccount = read('gcp-service-account');
    if (serviceAccount && !/^[^@\s]+@[^@\s]+\.iam\.gserviceaccount\.com$/.test(serviceAccount)) invalid('gcp-service-account', 'a service account email (NAME@PROJECT.iam.gserviceaccount.com)', serviceAccount);
    inputs.gcp = {
      workloadIdentityProvider: provider.replace(/^\/\/iam\.googleapis\.com\//, ''),
      serviceAccount,
      projectId: read('gcp-project-id'),
      tokenLifetimeSeconds: lifetime,
      audience: read('gcp-audience'),
      credentialSource: source as 'file' | 'url',
      stsEndpoint: url('gcp-sts-endpoint', read('gcp-sts-endpoint') ?? env.GOOGLE_STS_ENDPOINT ?? 'https://sts.googleapis.com'),
      iamCredentialsEndpoint: url('gcp-iam-credentials-endpoint', read('gcp-iam-credentials-endpoint') ?? env.GOOGLE_IAMCREDENTIALS_ENDPOINT ?? 'https://iamcredentials.googleapis.com'),
    };
  }

  const clientId = read('azure-client-id');
  if (clientId) {
    const authority = read('azure-authority-host');
    inputs.azure = {
      clientId,
      tenantId: required('azure-tenant-id', 'azure-client-id is set'),
      subscriptionId: read('azure-subscription-id'),
      audience: read('azure-audience') ?? AZURE_AUDIENCE,
      authorityHost: authority ? url('azure-authority-host', authority) : undefined,
      scope: read('azure-scope') ?? AZURE_DEFAULT_SCOPE,
    };
  }

  const vaultRole = read('vault-role');
  const vaultUrl = read('vault-url');
  if (vaultRole || vaultUrl) {
    inputs.vault = {
      url: url('vault-url', vaultUrl ?? env.VAULT_ADDR ?? invalid('vault-url', 'the Vault address (vault-role is set)', '')),
      role: vaultRole ?? invalid('vault-role', 'the JWT auth role (vault-url is set)', ''),
      path: (read('vault-path') ?? 'jwt').replace(/^\/+|\/+$/g, ''),
      namespace: read('vault-namespace'),
      audience: read('vault-audience'),
    };
  }
  return inputs;
}

export function wantsSwap(inputs: SwapInputs): boolean {
  return Boolean(inputs.aws || inputs.gcp || inputs.azure || inputs.vault);
}
