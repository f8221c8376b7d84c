import { keyWithCompanions } from './companions.js';
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

/** The value at `path` inside a parsed JSON body, or undefined when any step is missing. */
export function valueAt(json: unknown, ...path: string[]): unknown {
  let node = json;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The value at `path` in a JSON answer when it is a non-empty string (numbers are given as text), cleaned for display:
 * control characters become spaces and it is cut to the identity limit. Else undefined.
 */
export function text(json: unknown, ...path: string[]): string | undefined {
  const value = valueAt(json, ...path);
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = String(value).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, MAX_IDENTITY_CHARS);
  return cleaned || undefined;
}

/** The strings of the array at `path` (scopes), each cut to 100 characters, or undefined when there is none. */
export function textList(json: unknown, ...path: string[]): string[] | undefined {
  const value = valueAt(json, ...path);
  if (!Array.isArray(value)) return undefined;
  const texts = value.filter((item): item is string => typeof item === 'string' && item.length > 0).slice(0, 100).map((item) => item.slice(0, 100));
  return texts.length ? texts : undefined;
}

/** Joins the parts that are present into one identity line ("acme / deploy-bot"), capped in length. */
export function identityOf(...parts: Array<string | undefined>): string | undefined {
  const joined = parts.filter((part): part is string => Boolean(part)).join(' / ');
  if (!joined) return undefined;
  return joined.length > MAX_IDENTITY_CHARS ? `${joined.slice(0, MAX_IDENTITY_CHARS - 1)}…` : joined;
}

/** Joins the parts that are present into one phrase with spaces (`Greg <greg@example.com>`), capped like an identity. */
export function phrase(...parts: Array<string | undefined>): string | undefined {
  const joined = parts.filter((part): part is string => Boolean(part)).join(' ');
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

/** `isoTime` of the value at `path` in a JSON answer. */
export function isoAt(json: unknown, ...path: string[]): string | undefined {
  return isoTime(valueAt(json, ...path));
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

/** The cache key of a verifier whose rejection reading depends on the region the file names. */
export function regionalCacheKey(region: AskedRegion): (credential: { secret: string; context: string }) => string | undefined {
  return ({ secret, context }) => keyWithCompanions(secret, region.others.exec(context)?.slice(0, 1).map((named) => named.toLowerCase()) ?? []);
}
