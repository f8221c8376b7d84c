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

/** Field names that carry a credential in the providers' answers (JSON keys, XML elements, form fields). */
const SECRET_FIELD = /token|secret|password|passwd|credential|private_?key|assertion|signature|accessor|^value$|^key$/i;
/** ...except those that only describe one (token_type: "Bearer" must not mask the word Bearer in every later line). */
const DESCRIPTIVE_FIELD = /type$|expir|ttl|lifetime|duration|policies|renewable|accessor_?type|^issued/i;
/** Shorter values are words, not credentials; masking them would blank ordinary log text. */
const MIN_SECRET_LENGTH = 8;
const MAX_DEPTH = 16;

function isSecretField(name: string): boolean {
  return SECRET_FIELD.test(name) && !DESCRIPTIVE_FIELD.test(name);
}

function maskValue(runtime: Pick<CredentialRuntime, 'setSecret'>, value: string): void {
  const trimmed = value.trim();
  if (trimmed.length >= MIN_SECRET_LENGTH) runtime.setSecret(trimmed);
}

function maskJson(runtime: Pick<CredentialRuntime, 'setSecret'>, value: unknown, secretContext: boolean, depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') {
    if (secretContext && typeof value === 'string') maskValue(runtime, value);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) maskJson(runtime, item, secretContext, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) maskJson(runtime, item, isSecretField(key), depth + 1);
}

/**
 * Masks (setSecret) every credential-shaped field of a response body, whatever its status or shape: a provider that
 * answers 200 with `{"token": {"accessToken": ...}}` instead of the documented shape must not have the token printed
 * by the error that says so. JSON (any depth), XML elements (AWS STS) and form-encoded bodies are covered.
 */
export function maskResponseSecrets(runtime: Pick<CredentialRuntime, 'setSecret'>, text: string): void {
  const json = parseJson(text);
  if (json !== undefined) maskJson(runtime, json, false, 0);
  for (const match of text.matchAll(/<([A-Za-z_][\w.-]*)(?:\s[^>]*)?>([^<]+)<\/\1>/g)) if (isSecretField(match[1]!)) maskValue(runtime, match[2]!);
  if (json === undefined && /^[\w.%-]+=[^\s]*$/.test(text.trim())) {
    for (const [key, value] of new URLSearchParams(text.trim())) if (isSecretField(key)) maskValue(runtime, value);
  }
}

/**
 * What an error may quote of a response: a 2xx body never (it may hold a credential in a shape nobody expected),
 * another body's first 200 characters (masked already by request()).
 */
export function quotableBody(response: HttpResponse): string {
  if (response.status >= 200 && response.status < 300) return `an unexpected HTTP ${response.status} answer (body not shown)`;
  return response.text.slice(0, 200);
}

/**
 * fetch with bounded retries on throttling, 5xx and network failures. Returns the last response (the caller turns a
 * failed one into an error naming the provider's code); throws only when no response ever came.
 */
export async function request(runtime: Pick<CredentialRuntime, 'retry' | 'info' | 'debug' | 'setSecret'>, url: string, options: RequestOptions): Promise<HttpResponse> {
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
      // Before anything can quote the body (an error, a retry message): whatever looks like a credential is masked.
      maskResponseSecrets(runtime, response.text);
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
