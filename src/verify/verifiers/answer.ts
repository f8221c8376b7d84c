import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyResponse } from '../types.js';

/** For providers whose docs answer a bad credential with 401 and a good one lacking a permission with 403. */
export function forbiddenIsLive(reason: string): (response: VerifyResponse) => string | undefined {
  return (response) => (response.status === 403 ? reason : undefined);
}

export interface IdentityEndpoint {
  id: string;
  rules: readonly string[];
  baseUrl: string;
  ratePerSecond?: number;
  /** The documented read-only path that answers who the credential belongs to. */
  path: string;
  /** The documented header(s) that carry the secret, plus any the provider requires. */
  headers(secret: string): Record<string, string>;
  /** Reads identity, expiry and scopes from a 2xx answer. */
  read(response: VerifyResponse): Omit<Outcome, 'status'>;
  /**
   * A refusal that shows the provider recognised the credential (a live one lacking a permission), with the reason;
   * undefined for a refusal that means the credential is bad.
   */
  liveRefusal?(response: VerifyResponse): string | undefined;
}

/**
 * The common shape: one GET to a fixed identity endpoint with the secret in a header; 2xx active (identity read from
 * the body), 401/403 inactive unless `liveRefusal` recognises a live credential lacking a permission, else unknown.
 */
export function identityEndpoint(spec: IdentityEndpoint): Verifier {
  return {
    id: spec.id,
    rules: spec.rules,
    baseUrl: spec.baseUrl,
    ratePerSecond: spec.ratePerSecond,
    async verify(credential, http) {
      const response = await http.request(spec.path, { headers: { accept: 'application/json', ...spec.headers(credential.secret) } });
      const liveReason = response.status >= 400 ? spec.liveRefusal?.(response) : undefined;
      if (liveReason) return { status: 'active', reason: liveReason };
      const outcome = outcomeOfStatus(response.status);
      return outcome.status === 'active' ? { status: 'active', ...spec.read(response) } : outcome;
    },
  };
}

/**
 * A rejection by the one regional host asked, for a provider whose credentials answer only at their own region's
 * host: not proof the credential is dead, so unknown rather than a false inactive that would wave a live key through.
 */
export function rejectedByRegion(status: number, provider: string): Outcome {
  return { status: 'unknown', reason: `rejected (HTTP ${status}) by the one ${provider} region asked; a credential of another region answers only at its own host` };
}
