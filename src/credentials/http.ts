import type { CredentialRuntime, RetryPolicy } from './types.js';

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 8000, timeoutMs: 30_000 };

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Decides on a response the server did answer; 429 and 5xx are always retried. */
  isRetryable?: (response: HttpResponse) => boolean;
  /** For log lines: which call is retried. */
  label: string;
}

function policyOf(runtime: Pick<CredentialRuntime, 'retry'>): RetryPolicy {
  return { ...DEFAULT_RETRY, ...(runtime.retry ?? {}) };
}

/** Exponential backoff with full jitter, capped; a Retry-After header (seconds) is honoured up to the cap. */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfter?: string | null): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(policy.maxDelayMs, seconds * 1000);
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * fetch with bounded retries on throttling, 5xx and network failures. Returns the last response (the caller turns a
 * failed one into an error naming the provider's code); throws only when no response ever came.
 */
export async function request(runtime: Pick<CredentialRuntime, 'retry' | 'info' | 'debug'>, url: string, options: RequestOptions): Promise<HttpResponse> {
  const policy = policyOf(runtime);
  let lastError: unknown;
  for (let attempt = 0; attempt < policy.attempts; attempt++) {
    if (attempt > 0) runtime.debug(`${options.label}: attempt ${attempt + 1} of ${policy.attempts}`);
    let response: HttpResponse | undefined;
    try {
      const res = await fetch(url, {
        method: options.method ?? 'GET',
        headers: options.headers,
        body: options.body,
        signal: AbortSignal.timeout(policy.timeoutMs),
        redirect: 'error',
      });
      response = { status: res.status, headers: res.headers, text: await res.text() };
    } catch (error) {
      lastError = error;
    }
    const last = attempt === policy.attempts - 1;
    if (response) {
      const retryable = response.status === 429 || response.status >= 500 || (options.isRetryable?.(response) ?? false);
      if (!retryable || last) return response;
      const delay = backoffDelay(policy, attempt, response.headers.get('retry-after'));
      runtime.info(`${options.label}: throttled or unavailable (HTTP ${response.status}); retrying in ${(delay / 1000).toFixed(1)} s.`);
      await sleep(delay);
      continue;
    }
    if (last) break;
    const delay = backoffDelay(policy, attempt);
    runtime.info(`${options.label}: ${describeNetworkError(lastError)}; retrying in ${(delay / 1000).toFixed(1)} s.`);
    await sleep(delay);
  }
  throw new Error(`${options.label}: no answer from ${new URL(url).origin} after ${policy.attempts} attempts (${describeNetworkError(lastError)})`, { cause: lastError });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ? `${error.message} (${cause.code})` : error.message;
}

/** Parses a JSON body or returns undefined: providers answer HTML from proxies and gateways too. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function form(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, value);
  return params.toString();
}
