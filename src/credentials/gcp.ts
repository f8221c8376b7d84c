import { CredentialError } from './errors.js';
import { writeCredentialFile } from './files.js';
import { parseJson, quotableBody, request, type HttpResponse } from './http.js';
import { requestIdToken } from './oidc.js';
import { exportSecrets, recordIssued, type SwapContext } from './record.js';
import type { GcpInputs, IssuedCredential, OidcClaims } from './types.js';

export const GCP_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';
const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';
const PROVIDER_PATTERN = /^projects\/[^/]+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+$/;

export function validateProvider(provider: string): void {
  if (!PROVIDER_PATTERN.test(provider)) {
    throw new CredentialError('input', `input gcp-workload-identity-provider: expected projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER, not "${provider}"`);
  }
}

/** The project a service account belongs to: `name@PROJECT.iam.gserviceaccount.com`. */
export function projectOfServiceAccount(email: string): string | undefined {
  return /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(email)?.[1];
}

function googleError(response: HttpResponse): { code: string; message: string } {
  if (response.status >= 200 && response.status < 300) return { code: `HTTP${response.status}`, message: quotableBody(response) };
  const body = parseJson(response.text) as { error?: unknown; error_description?: unknown } | undefined;
  if (body && typeof body.error === 'string') return { code: body.error, message: typeof body.error_description === 'string' ? body.error_description : '' };
  if (body && body.error && typeof body.error === 'object') {
    const error = body.error as { status?: unknown; message?: unknown };
    return { code: typeof error.status === 'string' ? error.status : `HTTP${response.status}`, message: typeof error.message === 'string' ? error.message : '' };
  }
  return { code: `HTTP${response.status}`, message: quotableBody(response) };
}

function stsHint(code: string, message: string, claims: OidcClaims, provider: string): string | undefined {
  if (code === 'invalid_grant' && /audience/i.test(message)) return `the token's aud was "${claims.aud}"; the provider ${provider} must list it as an allowed audience, or leave gcp-audience unset to use its default.`;
  if (code === 'invalid_grant' && /attribute condition|rejected/i.test(message)) return `the token's sub was "${claims.sub}" (repository "${claims.repository ?? '?'}"); the provider's attribute condition must accept it.`;
  if (code === 'invalid_grant' && /expired|exp/i.test(message)) return 'the OIDC token had expired when Google STS checked it: re-run the job.';
  if (code === 'invalid_target') return `the workload identity pool or provider ${provider} does not exist or is disabled.`;
  if (code === 'invalid_grant') return `the token's sub was "${claims.sub}"; check the provider's issuer (https://token.actions.githubusercontent.com) and attribute mapping.`;
  return undefined;
}

interface FederatedToken {
  accessToken: string;
  expiresIn: number;
}

async function exchangeToken(ctx: SwapContext, inputs: GcpInputs, subjectToken: string, claims: OidcClaims): Promise<FederatedToken> {
  const audience = `//iam.googleapis.com/${inputs.workloadIdentityProvider}`;
  const response = await request(ctx.runtime, `${inputs.stsEndpoint}/v1/token`, {
    method: 'POST',
    label: 'Google STS token exchange',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      audience,
      grantType: 'urn:ietf:params:oauth:grant-type:token-exchange',
      requestedTokenType: 'urn:ietf:params:oauth:token-type:access_token',
      scope: GCP_SCOPE,
      subjectTokenType: JWT_TOKEN_TYPE,
      subjectToken,
    }),
  });
  const body = parseJson(response.text) as { access_token?: unknown; expires_in?: unknown } | undefined;
  if (response.status === 200 && typeof body?.access_token === 'string') {
    return { accessToken: body.access_token, expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 3600 };
  }
  const error = googleError(response);
  throw new CredentialError('gcp', `Google STS token exchange for ${inputs.workloadIdentityProvider} failed: ${error.code}: ${error.message}`, {
    code: error.code,
    hint: stsHint(error.code, error.message, claims, inputs.workloadIdentityProvider),
  });
}

function impersonationUrl(inputs: GcpInputs, serviceAccount: string): string {
  return `${inputs.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${serviceAccount}:generateAccessToken`;
}

async function impersonate(ctx: SwapContext, inputs: GcpInputs, serviceAccount: string, federated: string): Promise<{ accessToken: string; expireTime: Date }> {
  const response = await request(ctx.runtime, impersonationUrl(inputs, serviceAccount), {
    method: 'POST',
    label: 'IAM Credentials generateAccessToken',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${federated}` },
    body: JSON.stringify({ scope: [GCP_SCOPE], lifetime: `${inputs.tokenLifetimeSeconds}s` }),
  });
  const body = parseJson(response.text) as { accessToken?: unknown; expireTime?: unknown } | undefined;
  if (response.status === 200 && typeof body?.accessToken === 'string' && typeof body.expireTime === 'string') {
    return { accessToken: body.accessToken, expireTime: new Date(body.expireTime) };
  }
  const error = googleError(response);
  const hint =
    error.code === 'PERMISSION_DENIED'
      ? `grant roles/iam.workloadIdentityUser on ${serviceAccount} to the pool's principalSet for this repository (principalSet://iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/attribute.repository/OWNER/REPO), and enable the IAM Credentials API.`
      : error.code === 'INVALID_ARGUMENT' && /lifetime/i.test(error.message)
        ? 'gcp-token-lifetime above 3600s needs the iam.allowServiceAccountCredentialLifetimeExtension organisation policy.'
        : error.code === 'NOT_FOUND'
          ? `the service account ${serviceAccount} does not exist.`
          : undefined;
  throw new CredentialError('gcp', `IAM Credentials generateAccessToken for ${serviceAccount} failed: ${error.code}: ${error.message}`, { code: error.code, hint });
}

/** The `external_account` file Google's client libraries and gcloud read; it holds no long-lived secret. */
function externalAccountFile(ctx: SwapContext, inputs: GcpInputs, oidcAudience: string, token: string): Record<string, unknown> {
  let credentialSource: Record<string, unknown>;
  if (inputs.credentialSource === 'url') {
    const url = new URL(ctx.runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '');
    url.searchParams.set('audience', oidcAudience);
    credentialSource = {
      url: url.toString(),
      headers: { Authorization: `Bearer ${ctx.runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? ''}` },
      format: { type: 'json', subject_token_field_name: 'value' },
    };
  } else {
    credentialSource = { file: writeCredentialFile(ctx.runtime, ctx.state, 'gcp-oidc-token', token), format: { type: 'text' } };
  }
  const file: Record<string, unknown> = {
    type: 'external_account',
    audience: `//iam.googleapis.com/${inputs.workloadIdentityProvider}`,
    subject_token_type: JWT_TOKEN_TYPE,
    token_url: `${inputs.stsEndpoint}/v1/token`,
    credential_source: credentialSource,
  };
  if (inputs.serviceAccount) {
    file.service_account_impersonation_url = impersonationUrl(inputs, inputs.serviceAccount);
    file.service_account_impersonation = { token_lifetime_seconds: inputs.tokenLifetimeSeconds };
  }
  return file;
}

export async function swapGcp(ctx: SwapContext, inputs: GcpInputs): Promise<IssuedCredential> {
  const { runtime } = ctx;
  validateProvider(inputs.workloadIdentityProvider);
  const oidcAudience = inputs.audience ?? `https://iam.googleapis.com/${inputs.workloadIdentityProvider}`;
  const idToken = await requestIdToken(runtime, oidcAudience);
  const issuedAt = runtime.now();
  const federated = await exchangeToken(ctx, inputs, idToken.token, idToken.claims);
  runtime.setSecret(federated.accessToken);
  let accessToken = federated.accessToken;
  let expiresAt = new Date(issuedAt.getTime() + federated.expiresIn * 1000);
  if (inputs.serviceAccount) {
    const impersonated = await impersonate(ctx, inputs, inputs.serviceAccount, federated.accessToken);
    accessToken = impersonated.accessToken;
    expiresAt = impersonated.expireTime;
  }
  runtime.setSecret(accessToken);
  if (inputs.credentialSource === 'url' && runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) runtime.setSecret(runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
  const credentialsPath = writeCredentialFile(runtime, ctx.state, 'gcp-credentials.json', JSON.stringify(externalAccountFile(ctx, inputs, oidcAudience, idToken.token), null, 2));
  const project = inputs.projectId ?? (inputs.serviceAccount ? projectOfServiceAccount(inputs.serviceAccount) : undefined);
  const variables: [string, string][] = [
    ['GOOGLE_APPLICATION_CREDENTIALS', credentialsPath],
    ['CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', credentialsPath],
    ['GOOGLE_GHA_CREDS_PATH', credentialsPath],
  ];
  if (project) for (const name of ['GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT', 'GCLOUD_PROJECT', 'GCP_PROJECT']) variables.push([name, project]);
  const outputs = exportSecrets(runtime, [accessToken], variables);
  runtime.setOutput('gcp-credentials-file', credentialsPath);
  if (project) runtime.setOutput('gcp-project-id', project);
  if (ctx.outputAccessTokens) runtime.setOutput('gcp-access-token', accessToken);
  return recordIssued(ctx, { cloud: 'gcp', identity: inputs.serviceAccount ?? inputs.workloadIdentityProvider, oidc: idToken.claims, issuedAt, expiresAt, outputs }, 'gcp-token');
}
