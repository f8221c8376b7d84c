import { CredentialError } from './errors.js';
import { writeCredentialFile } from './files.js';
import { form, parseJson, quotableBody, request } from './http.js';
import { requestIdToken } from './oidc.js';
import { exportSecrets, recordIssued, type SwapContext } from './record.js';
import type { AzureInputs, IssuedCredential, OidcClaims } from './types.js';

export const AZURE_AUDIENCE = 'api://AzureADTokenExchange';
export const AZURE_DEFAULT_AUTHORITY = 'https://login.microsoftonline.com';
export const AZURE_DEFAULT_SCOPE = 'https://management.azure.com/.default';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface AadError {
  error?: string;
  error_description?: string;
  error_codes?: number[];
  correlation_id?: string;
}

/** The AADSTS number in an Entra ID error, from error_codes or the description. */
export function aadstsCode(body: AadError): number | undefined {
  if (Array.isArray(body.error_codes) && typeof body.error_codes[0] === 'number') return body.error_codes[0];
  const match = /AADSTS(\d+)/.exec(body.error_description ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
}

function aadHint(code: number | undefined, claims: OidcClaims, inputs: AzureInputs): string | undefined {
  switch (code) {
    case 70021:
    case 700213:
      return `no federated identity credential of app ${inputs.clientId} matches the token: its subject must be exactly "${claims.sub}", issuer ${claims.iss || 'https://token.actions.githubusercontent.com'} and audience ${AZURE_AUDIENCE}.`;
    case 700211:
      return `the app's federated credential must name the issuer ${claims.iss || 'https://token.actions.githubusercontent.com'}.`;
    case 700212:
      return `the federated credential's audience must be ${AZURE_AUDIENCE} (the token carried "${claims.aud}").`;
    case 700024:
      return 'the OIDC token had expired (or is not yet valid) when Entra ID checked it: re-run the job, and check the runner clock.';
    case 700016:
      return `no application with client id ${inputs.clientId} exists in tenant ${inputs.tenantId}.`;
    case 90002:
    case 900023:
      return `tenant ${inputs.tenantId} does not exist; check azure-tenant-id.`;
    default:
      return undefined;
  }
}

export function validateAzureInputs(inputs: AzureInputs): void {
  if (!GUID.test(inputs.clientId)) throw new CredentialError('input', `input azure-client-id: expected a GUID, not "${inputs.clientId}"`);
  if (!GUID.test(inputs.tenantId) && !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(inputs.tenantId)) throw new CredentialError('input', `input azure-tenant-id: expected a GUID or a tenant domain, not "${inputs.tenantId}"`);
  if (inputs.subscriptionId && !GUID.test(inputs.subscriptionId)) throw new CredentialError('input', `input azure-subscription-id: expected a GUID, not "${inputs.subscriptionId}"`);
}

/** OIDC token as a client assertion at the tenant's token endpoint (client credentials grant, workload identity federation). */
export async function swapAzure(ctx: SwapContext, inputs: AzureInputs): Promise<IssuedCredential> {
  const { runtime } = ctx;
  validateAzureInputs(inputs);
  const authority = (inputs.authorityHost ?? runtime.env.AZURE_AUTHORITY_HOST ?? AZURE_DEFAULT_AUTHORITY).replace(/\/+$/, '');
  const idToken = await requestIdToken(runtime, inputs.audience);
  const issuedAt = runtime.now();
  const response = await request(runtime, `${authority}/${encodeURIComponent(inputs.tenantId)}/oauth2/v2.0/token`, {
    method: 'POST',
    label: 'Entra ID token request',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form({
      client_id: inputs.clientId,
      scope: inputs.scope,
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: idToken.token,
    }),
  });
  const body = parseJson(response.text) as (AadError & { access_token?: unknown; expires_in?: unknown }) | undefined;
  if (response.status !== 200 || typeof body?.access_token !== 'string') {
    const code = body ? aadstsCode(body) : undefined;
    // A 2xx answer in an unexpected shape is quoted by nothing but its status: it may hold a token.
    const ok = response.status >= 200 && response.status < 300;
    const description = ok ? quotableBody(response) : String(body?.error_description ?? `HTTP ${response.status}`).split(/\r?\n/)[0];
    throw new CredentialError('azure', `Entra ID token request for app ${inputs.clientId} failed: ${ok ? `HTTP${response.status}` : (body?.error ?? `HTTP${response.status}`)}: ${description}`, {
      code: code ? `AADSTS${code}` : body?.error,
      hint: aadHint(code, idToken.claims, inputs),
    });
  }
  const accessToken = body.access_token;
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in ?? 3600);
  const expiresAt = new Date(issuedAt.getTime() + expiresIn * 1000);
  runtime.setSecret(accessToken);
  const tokenFile = writeCredentialFile(runtime, ctx.state, 'azure-federated-token', idToken.token);
  const variables: [string, string][] = [
    ['AZURE_CLIENT_ID', inputs.clientId],
    ['AZURE_TENANT_ID', inputs.tenantId],
    ['AZURE_FEDERATED_TOKEN_FILE', tokenFile],
    ['AZURE_AUTHORITY_HOST', authority],
    ['ARM_USE_OIDC', 'true'],
    ['ARM_CLIENT_ID', inputs.clientId],
    ['ARM_TENANT_ID', inputs.tenantId],
  ];
  if (inputs.subscriptionId) variables.push(['AZURE_SUBSCRIPTION_ID', inputs.subscriptionId], ['ARM_SUBSCRIPTION_ID', inputs.subscriptionId]);
  const outputs = exportSecrets(runtime, [accessToken, idToken.token], variables);
  if (ctx.outputAccessTokens) runtime.setOutput('azure-access-token', accessToken);
  return recordIssued(ctx, { cloud: 'azure', identity: inputs.clientId, oidc: idToken.claims, issuedAt, expiresAt, outputs }, 'azure-token');
}
