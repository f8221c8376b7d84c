import type { Outcome } from '../types.js';

/**
 * Small readers shared by the provider verifiers: auth headers, and safe picks from a provider's JSON answer (which
 * is untrusted input too: a field may be missing, of another type, or very long).
 */

/** Identity text longer than this is cut: it is shown in reports, and a provider's display name has no fixed limit. */
const MAX_IDENTITY_CHARS = 200;

export function bearer(secret: string): Record<string, string> {
  return { authorization: `Bearer ${secret}` };
}

export function basicAuth(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}` };
}

/** The value at `path` in a JSON answer when it is a non-empty string (numbers are given as text), else undefined. */
export function text(json: unknown, ...path: string[]): string | undefined {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The strings of the array at `path`, or undefined when there is none. */
export function textList(json: unknown, ...path: string[]): string[] | undefined {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string => typeof item === 'string' && item.length > 0).slice(0, 100);
}

/** Joins the parts that are present into one identity line ("acme / deploy-bot"), capped in length. */
export function identityOf(...parts: Array<string | undefined>): string | undefined {
  const joined = parts.filter((part): part is string => Boolean(part)).join(' / ');
  if (!joined) return undefined;
  return joined.length > MAX_IDENTITY_CHARS ? `${joined.slice(0, MAX_IDENTITY_CHARS - 1)}…` : joined;
}

/**
 * An ISO 8601 time from a provider's expiry field: an ISO or RFC 2822 date string, or Unix seconds. A bare date
 * (`2026-05-01`) reads as midnight UTC that day. Anything unreadable is undefined rather than a wrong date.
 */
export function isoTime(value: unknown): string | undefined {
  let date: Date | undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) date = new Date(value * 1000);
  else if (typeof value === 'string' && value.trim()) {
    const trimmed = value.trim();
    date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  }
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

/**
 * The distinct values of the first capture group of `pattern` in `context`, at most `limit`: companions such as an
 * account SID or a user name read from the file a secret was found in. Patterns must be simple (no nested
 * quantifiers) because the context is hostile text.
 */
export function companionsIn(context: string, pattern: RegExp, limit = 3): string[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const found = new Set<string>();
  for (const match of context.matchAll(new RegExp(pattern.source, flags))) {
    const value = match[1];
    if (value) found.add(value);
    if (found.size >= limit) break;
  }
  return [...found];
}

/** The one region (site, instance) of a provider Keyward asks, and how a file names one of the others. */
export interface AskedRegion {
  provider: string;
  asked: string;
  others: RegExp;
}

/**
 * A rejection by the one region Keyward asks: `inactive` only when the file names no other region of the provider.
 * A key of another region is rejected there too, and the other region's host is never taken from the file, so then
 * the verdict is `unknown`, with that reason.
 */
export function regionalRejection(status: number, context: string, region: AskedRegion): Outcome {
  const named = region.others.exec(context)?.[0];
  if (named) return { status: 'unknown', reason: `the file names ${named.toLowerCase().slice(0, 40)}; only ${region.provider} ${region.asked} is checked` };
  return { status: 'inactive', reason: `rejected by ${region.provider} ${region.asked} (HTTP ${status})` };
}

/**
 * The run's cache key for a credential whose verdict depends on companions read from its own file (an account SID, a
 * user name, a region the file names): the secret together with them, so the same secret next to other companions is
 * checked again. Undefined when there are none: the credential's fingerprint is then the key.
 */
export function keyWithCompanions(secret: string, companions: readonly string[]): string | undefined {
  return companions.length > 0 ? [secret, ...companions].join('\0') : undefined;
}

/** The cache key of a verifier whose rejection reading depends on the region the file names. */
export function regionalCacheKey(region: AskedRegion): (credential: { secret: string; context: string }) => string | undefined {
  return ({ secret, context }) => keyWithCompanions(secret, region.others.exec(context)?.slice(0, 1).map((named) => named.toLowerCase()) ?? []);
}
