import { CredentialError } from './errors.js';
import { parseJson, request } from './http.js';
import type { CredentialRuntime, OidcClaims } from './types.js';

export interface IdToken {
  token: string;
  claims: OidcClaims;
  /** Seconds since the epoch, from `exp`. */
  expiresAt?: number;
}

const MISSING_PERMISSION_HINT =
  'give the job `permissions: id-token: write` (a job-level `permissions:` block replaces the workflow-level one, so add it there too). ' +
  'Pull requests from forks never receive an OIDC token.';

/** Decodes (does not verify) a JWT's payload; the cloud provider does the verifying. */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) throw new CredentialError('oidc', 'the OIDC token is not a JWT (expected three dot-separated parts)');
  const payload = parseJson(Buffer.from(parts[1], 'base64url').toString('utf8'));
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new CredentialError('oidc', 'the OIDC token payload is not a JSON object');
  return payload as Record<string, unknown>;
}

function claimString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(String).join(' ');
  return undefined;
}

export function claimsOf(payload: Record<string, unknown>): OidcClaims {
  const claims: OidcClaims = { sub: claimString(payload.sub) ?? '', aud: claimString(payload.aud) ?? '', iss: claimString(payload.iss) ?? '' };
  for (const key of ['repository', 'ref', 'workflow_ref', 'job_workflow_ref', 'run_id'] as const) {
    const value = claimString(payload[key]);
    if (value !== undefined) claims[key] = value;
  }
  return claims;
}

/**
 * Asks the runner's token service for an OIDC token, as @actions/core's getIDToken does, with the audience the cloud
 * expects. Without `audience` GitHub uses its default (the repository owner's URL).
 */
export async function requestIdToken(runtime: CredentialRuntime, audience: string | undefined): Promise<IdToken> {
  const requestUrl = runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestToken = runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestToken) {
    throw new CredentialError('oidc', 'no GitHub OIDC token is available to this job (ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set)', {
      code: 'MissingIdTokenPermission',
      hint: MISSING_PERMISSION_HINT,
    });
  }
  const url = new URL(requestUrl);
  if (audience) url.searchParams.set('audience', audience);
  const response = await request(runtime, url.toString(), {
    label: 'GitHub OIDC token request',
    headers: { authorization: `Bearer ${requestToken}`, accept: 'application/json; api-version=2.0', 'user-agent': 'keyward' },
  });
  const body = parseJson(response.text) as { value?: unknown; message?: unknown } | undefined;
  if (response.status !== 200 || typeof body?.value !== 'string') {
    const detail = typeof body?.message === 'string' ? body.message : `HTTP ${response.status}`;
    throw new CredentialError('oidc', `the GitHub OIDC token request failed: ${detail}`, {
      code: `HTTP${response.status}`,
      hint: response.status === 401 || response.status === 403 ? MISSING_PERMISSION_HINT : undefined,
    });
  }
  runtime.setSecret(body.value);
  const payload = decodeJwtPayload(body.value);
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  return { token: body.value, claims: claimsOf(payload), expiresAt: exp };
}
