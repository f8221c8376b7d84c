import { saveState, type CleanupState } from './state.js';
import type { Cloud, CredentialRuntime, IssuedCredential, OidcClaims } from './types.js';

export interface SwapContext {
  runtime: CredentialRuntime;
  state: CleanupState;
  policyVersion?: string;
  outputAccessTokens: boolean;
}

/** Masks every secret first, then exports: a value must never reach GITHUB_ENV or a log unmasked. */
export function exportSecrets(runtime: CredentialRuntime, secrets: string[], variables: [string, string][]): string[] {
  for (const secret of secrets) runtime.setSecret(secret);
  for (const [name, value] of variables) runtime.exportVariable(name, value);
  return variables.map(([name]) => name);
}

export function ttlSeconds(now: Date, expiresAt: Date): number {
  return Math.max(0, Math.round((expiresAt.getTime() - now.getTime()) / 1000));
}

/** Outputs `<prefix>-expiration` and `<prefix>-ttl`, and adds the evidence record (saved for the post step). */
export function recordIssued(
  ctx: SwapContext,
  fields: { cloud: Cloud; identity: string; oidc: OidcClaims; issuedAt: Date; expiresAt: Date; outputs: string[]; policyVersion?: string; chain?: string[] },
  outputPrefix: string,
): IssuedCredential {
  const durationSeconds = ttlSeconds(fields.issuedAt, fields.expiresAt);
  ctx.runtime.setOutput(`${outputPrefix}-expiration`, fields.expiresAt.toISOString());
  ctx.runtime.setOutput(`${outputPrefix}-ttl`, String(durationSeconds));
  const record: IssuedCredential = {
    cloud: fields.cloud,
    identity: fields.identity,
    oidc: fields.oidc,
    issuedAt: fields.issuedAt.toISOString(),
    expiresAt: fields.expiresAt.toISOString(),
    durationSeconds,
    outputs: fields.outputs,
  };
  const policyVersion = [ctx.policyVersion, fields.policyVersion].filter(Boolean).join(' ');
  if (policyVersion) record.policyVersion = policyVersion;
  if (fields.chain) record.chain = fields.chain;
  ctx.state.issued.push(record);
  saveState(ctx.runtime, ctx.state);
  ctx.runtime.info(`Issued ${fields.cloud} credentials for ${fields.identity} (token sub "${fields.oidc.sub}"), valid until ${record.expiresAt} (${durationSeconds} s).`);
  return record;
}
