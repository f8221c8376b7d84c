import type { Verifier } from '../types.js';

export interface HostBound {
  id: string;
  rules: readonly string[];
  /** The provider's own site; never contacted, since there is no fixed host that could settle the credential. */
  baseUrl: string;
  /** Why it cannot be checked, in words for the report. */
  reason: string;
}

/**
 * A provider whose API answers only at a host named by the credential's account (a shop, an org, a data center).
 * Such a host would have to come from the scanned content, and a secret is never sent to a host taken from content,
 * so the finding is settled as unknown with the reason instead of being silently left unverified.
 */
export function hostBound(spec: HostBound): Verifier {
  return {
    id: spec.id,
    rules: spec.rules,
    baseUrl: spec.baseUrl,
    ratePerSecond: 1,
    verify: () => Promise.resolve({ status: 'unknown', reason: spec.reason }),
  };
}
