import { UnsettledError } from './http.js';
import type { Credential, Outcome, Verifier, VerifyHttp } from './types.js';

/**
 * A provider's answer is untrusted text: an identity, scope or reason that carries the secret itself (an endpoint
 * echoing the key back) has it replaced, so no report can print it.
 */
function withoutSecret(outcome: Outcome, secret: string): Outcome {
  const scrub = (text: string) => (secret && text.includes(secret) ? text.split(secret).join('[secret]') : text);
  const clean: Outcome = { ...outcome };
  if (clean.identity !== undefined) clean.identity = scrub(clean.identity);
  if (clean.reason !== undefined) clean.reason = scrub(clean.reason);
  if (clean.scopes !== undefined) clean.scopes = clean.scopes.map(scrub);
  return clean;
}

/** Runs one verifier and turns whatever leaves it unsettled (network, timeout, 429, 5xx, a bug) into `unknown`. */
export async function settle(verifier: Verifier, credential: Credential, http: VerifyHttp): Promise<Outcome> {
  try {
    return withoutSecret(await verifier.verify(credential, http), credential.secret);
  } catch (error) {
    if (error instanceof UnsettledError) return { status: 'unknown', reason: error.message };
    return { status: 'unknown', reason: `verifier failed: ${error instanceof Error ? error.name : 'error'}` };
  }
}

/** The usual reading of an identity endpoint's status: 2xx active, 401/403 inactive, anything else unknown. */
export function outcomeOfStatus(status: number, identity?: string): Outcome {
  if (status >= 200 && status < 300) return { status: 'active', identity };
  if (status === 401 || status === 403) return { status: 'inactive', reason: `HTTP ${status}` };
  return { status: 'unknown', reason: `unexpected HTTP ${status}` };
}

/** A companion this verifier needs is not in the same file or diff: the credential cannot be checked alone. */
export function missingCompanion(what: string): Outcome {
  return { status: 'unknown', reason: `no ${what} in the same file to verify with` };
}
