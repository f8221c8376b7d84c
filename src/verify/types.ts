import type { Verification } from '../engine/finding.js';

export type { Verification };

/**
 * One found credential as a verifier sees it. It exists only inside the verify stage, in memory: it is never logged,
 * serialised or attached to a Finding.
 */
export interface Credential {
  ruleId: string;
  /** The raw secret the rule captured. */
  secret: string;
  /**
   * The text of the file (or diff) the secret was found in, for companion values a provider needs next to the
   * secret: an AWS key id, a Twilio account SID, an Azure tenant and client id, a service account's e-mail.
   * Companions are read from here with the verifier's own patterns; hosts are never taken from it.
   */
  context: string;
  /** Other secrets found in the same file or diff, by rule id, so pairs (key id plus secret) are verified together. */
  companions: ReadonlyArray<{ ruleId: string; secret: string }>;
}

/** What a verifier settles from the provider's answer; the runner adds `checkedAt` and `verifier`. */
export type Outcome = Omit<Verification, 'checkedAt' | 'verifier'>;

export interface VerifyResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body, or undefined when it is not JSON. */
  json: unknown;
}

export interface VerifyRequest {
  method?: 'GET' | 'POST' | 'HEAD';
  headers?: Record<string, string>;
  body?: string;
}

/**
 * An HTTP client bound to one provider's base URL: `path` is joined to it and can never change the host. Network
 * errors, timeouts, 429 and 5xx never reach the verifier: they throw an `UnsettledError` that the runner turns
 * into `unknown` with its reason.
 */
export interface VerifyHttp {
  /** The base URL requests go to, for verifiers that sign the host (AWS SigV4); never a host from the content. */
  readonly baseUrl: string;
  request(path: string, init?: VerifyRequest): Promise<VerifyResponse>;
}

export interface Verifier {
  /** Provider id, the key of KEYWARD_VERIFY_ENDPOINTS: `aws`, `github`, `gitlab`, `slack`, `npm`, ... */
  id: string;
  /** Rule ids whose findings this verifier checks. */
  rules: readonly string[];
  /** The provider's fixed https origin (and base path), e.g. `https://api.github.com`. */
  baseUrl: string;
  /** A standard environment variable that may override the base URL as well (GITHUB_API_URL, AWS_ENDPOINT_URL_STS). */
  baseUrlEnv?: string;
  /** At most this many requests per second to this provider (default 5). */
  ratePerSecond?: number;
  /**
   * Checks one credential with read-only calls. Returns `unknown` with a reason when a companion it needs is absent
   * (e.g. an AWS secret key with no key id in the same file). Must never send the secret anywhere but `http`.
   */
  verify(credential: Credential, http: VerifyHttp): Promise<Outcome>;
  /**
   * For verifiers that check a pair (a key id plus its secret): a key that is the same for both halves' credentials, so
   * the run calls the provider once for the pair. The runner hashes it and keeps it in memory only. Undefined: the
   * credential's fingerprint is the key.
   */
  cacheKey?(credential: Credential): string | undefined;
}
