import type { VerifyHttp, VerifyRequest, VerifyResponse } from './types.js';

/** A provider answer that settles nothing (network error, timeout, rate limit, 5xx): the finding's status is unknown. */
export class UnsettledError extends Error {}

export const DEFAULT_VERIFY_TIMEOUT_MS = 10_000;
/** Bodies past this are cut: identity endpoints answer in a few KB, and a hostile or broken server must not fill memory. */
const MAX_BODY_BYTES = 256 * 1024;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Joins a path onto the base URL; a path that would leave the base's origin (`//host`, `http:`) is refused. */
export function joinUrl(baseUrl: string, path: string): URL {
  const base = new URL(baseUrl);
  if (!path.startsWith('/') || path.startsWith('//')) throw new UnsettledError(`refused request path ${JSON.stringify(path.slice(0, 40))}`);
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${base.origin}${prefix}${path}`);
  if (url.origin !== base.origin) throw new UnsettledError('refused a request to another origin');
  return url;
}

async function readCapped(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8');
}

function unsettledStatus(status: number): string | undefined {
  if (status === 429) return 'rate limited (HTTP 429)';
  if (status >= 500) return `provider error (HTTP ${status})`;
  return undefined;
}

/**
 * The one HTTP client of the verify stage: bound to `baseUrl`, with a timeout, no redirects (a redirect could carry
 * the secret's headers elsewhere), a capped body, and the process-wide proxy dispatcher (src/net/proxy.ts).
 */
export function createVerifyHttp(baseUrl: string, timeoutMs = DEFAULT_VERIFY_TIMEOUT_MS): VerifyHttp {
  return {
    baseUrl,
    async request(path: string, init: VerifyRequest = {}): Promise<VerifyResponse> {
      const url = joinUrl(baseUrl, path);
      let response: Response;
      try {
        response = await fetch(url, {
          method: init.method ?? 'GET',
          headers: { 'user-agent': 'keyward-verify', ...(init.headers ?? {}) },
          body: init.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        throw new UnsettledError(timedOut ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `network error reaching ${url.host}`);
      }
      const unsettled = unsettledStatus(response.status);
      if (unsettled) {
        await response.body?.cancel();
        throw new UnsettledError(unsettled);
      }
      const text = await readCapped(response);
      return { status: response.status, headers: response.headers, text, json: parseJson(text) };
    },
  };
}
