import { CredentialError } from './errors.js';
import { writeCredentialFile } from './files.js';
import { parseJson, quotableBody, request, type HttpResponse } from './http.js';
import { requestIdToken } from './oidc.js';
import { exportSecrets, recordIssued, type SwapContext } from './record.js';
import { saveState } from './state.js';
import type { CredentialRuntime, IssuedCredential, OidcClaims, VaultInputs } from './types.js';

function vaultHeaders(namespace: string | undefined, token?: string): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (namespace) headers['x-vault-namespace'] = namespace;
  if (token) headers['x-vault-token'] = token;
  return headers;
}

function vaultErrors(response: HttpResponse): string {
  if (response.status >= 200 && response.status < 300) return quotableBody(response);
  const body = parseJson(response.text) as { errors?: unknown } | undefined;
  return Array.isArray(body?.errors) && body.errors.length > 0 ? body.errors.map(String).join('; ') : quotableBody(response);
}

function loginHint(status: number, message: string, claims: OidcClaims, inputs: VaultInputs): string | undefined {
  if (/aud/i.test(message)) return `the token's aud was "${claims.aud}"; the role's bound_audiences must contain it, or set vault-audience to one it lists.`;
  if (/bound claim|sub|claim/i.test(message)) return `the token's sub was "${claims.sub}" (repository "${claims.repository ?? '?'}"); the role's bound_subject / bound_claims must match it.`;
  if (/role .* (could not be found|not found)|role not found/i.test(message)) return `create the role "${inputs.role}" on the ${inputs.path} auth mount, or fix vault-role.`;
  if (/expired|exp/i.test(message)) return 'the OIDC token had expired when Vault checked it: re-run the job, and check the runner clock.';
  if (status === 404 || /no handler/i.test(message)) return `no JWT auth method is mounted at auth/${inputs.path}; set vault-path to its mount.`;
  return undefined;
}

/** JWT auth login with the OIDC token; the Vault token is masked, exported, and kept (in a 0600 file) for revoke-self. */
export async function swapVault(ctx: SwapContext, inputs: VaultInputs): Promise<IssuedCredential> {
  const { runtime } = ctx;
  const url = inputs.url.replace(/\/+$/, '');
  const idToken = await requestIdToken(runtime, inputs.audience);
  const issuedAt = runtime.now();
  const response = await request(runtime, `${url}/v1/auth/${inputs.path}/login`, {
    method: 'POST',
    label: 'Vault JWT login',
    headers: vaultHeaders(inputs.namespace),
    body: JSON.stringify({ role: inputs.role, jwt: idToken.token }),
  });
  const body = parseJson(response.text) as { auth?: { client_token?: unknown; lease_duration?: unknown; policies?: unknown; token_policies?: unknown } } | undefined;
  const token = body?.auth?.client_token;
  if (response.status !== 200 || typeof token !== 'string') {
    const message = vaultErrors(response);
    throw new CredentialError('vault', `Vault JWT login as role ${inputs.role} at ${url} failed (HTTP ${response.status}): ${message}`, {
      code: `HTTP${response.status}`,
      hint: loginHint(response.status, message, idToken.claims, inputs),
    });
  }
  runtime.setSecret(token);
  const ttl = typeof body?.auth?.lease_duration === 'number' ? body.auth.lease_duration : 0;
  const expiresAt = new Date(issuedAt.getTime() + ttl * 1000);
  const tokenFile = writeCredentialFile(runtime, ctx.state, 'vault-token', token);
  ctx.state.vaultTokens.push({ url, namespace: inputs.namespace, tokenFile, identity: inputs.role });
  saveState(runtime, ctx.state);
  const variables: [string, string][] = [
    ['VAULT_ADDR', url],
    ['VAULT_TOKEN', token],
  ];
  if (inputs.namespace) variables.push(['VAULT_NAMESPACE', inputs.namespace]);
  const outputs = exportSecrets(runtime, [token], variables);
  if (ttl === 0) runtime.warning(`Vault issued a token without a TTL for role ${inputs.role}: set token_ttl on the role so it cannot outlive the job.`);
  const policies = body?.auth?.token_policies ?? body?.auth?.policies;
  const policyVersion = Array.isArray(policies) ? `vault-policies:${policies.map(String).join(',')}` : undefined;
  return recordIssued(ctx, { cloud: 'vault', identity: inputs.role, oidc: idToken.claims, issuedAt, expiresAt, outputs, policyVersion }, 'vault-token');
}

/** POST /v1/auth/token/revoke-self: true when Vault confirmed (204) or the token was already gone (403). */
export async function revokeVaultToken(runtime: CredentialRuntime, url: string, namespace: string | undefined, token: string): Promise<{ revoked: boolean; detail: string }> {
  const response = await request(runtime, `${url}/v1/auth/token/revoke-self`, { method: 'POST', label: 'Vault revoke-self', headers: vaultHeaders(namespace, token) });
  if (response.status === 204 || response.status === 200) return { revoked: true, detail: 'revoked' };
  if (response.status === 403) return { revoked: true, detail: 'already invalid (expired or revoked)' };
  return { revoked: false, detail: `HTTP ${response.status}: ${vaultErrors(response)}` };
}

/** GET /v1/auth/token/lookup-self: the token's ttl in seconds (0 = never expires), undefined if it cannot be looked up. */
export async function lookupVaultTokenTtl(runtime: CredentialRuntime, url: string, namespace: string | undefined, token: string): Promise<number | undefined> {
  try {
    const response = await request(runtime, `${url.replace(/\/+$/, '')}/v1/auth/token/lookup-self`, { label: 'Vault token lookup', headers: vaultHeaders(namespace, token) });
    const body = parseJson(response.text) as { data?: { ttl?: unknown } } | undefined;
    return response.status === 200 && typeof body?.data?.ttl === 'number' ? body.data.ttl : undefined;
  } catch {
    return undefined;
  }
}
