import { CredentialError } from './errors.js';
import { parseJson } from './http.js';
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

/** The HTTP status in @actions/core's getIDToken error ("Error Code : 401"), when it names one. */
function statusOf(error: unknown): number | undefined {
  const match = /Error Code : (\d{3})/.exec(error instanceof Error ? error.message : String(error));
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * The job's OIDC token from the runner's token service (through the runtime's getIDToken, @actions/core's on a
 * runner), with the audience the cloud expects. Without `audience` GitHub uses its default (the owner's URL).
 */
export async function requestIdToken(runtime: CredentialRuntime, audience: string | undefined): Promise<IdToken> {
  if (!runtime.env.ACTIONS_ID_TOKEN_REQUEST_URL || !runtime.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new CredentialError('oidc', 'no GitHub OIDC token is available to this job (ACTIONS_ID_TOKEN_REQUEST_URL / ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set)', {
      code: 'MissingIdTokenPermission',
      hint: MISSING_PERMISSION_HINT,
    });
  }
  let token: string;
  try {
    token = await runtime.getIDToken(audience);
  } catch (error) {
    const status = statusOf(error);
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').replace(/^Error message: /, '');
    throw new CredentialError('oidc', `the GitHub OIDC token request failed: ${detail}`, {
      code: status ? `HTTP${status}` : 'IdTokenRequestFailed',
      hint: status === 401 || status === 403 ? MISSING_PERMISSION_HINT : undefined,
      cause: error,
    });
  }
  runtime.setSecret(token);
  const payload = decodeJwtPayload(token);
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined;
  return { token, claims: claimsOf(payload), expiresAt: exp };
}
