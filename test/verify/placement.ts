import { expect } from 'vitest';
import type { RecordedRequest } from '../servers/http.js';

/** Where a provider's docs put the secret: one header, the path, one query parameter, or a form field. */
export type Placement = { header: string } | { path: true } | { query: string } | { form: string };

function places(request: RecordedRequest): Map<string, string> {
  const found = new Map<string, string>();
  found.set('path', request.path);
  for (const [name, value] of request.query) found.set(`query:${name}`, value);
  for (const [name, value] of Object.entries(request.headers)) found.set(`header:${name}`, String(value));
  const form = new URLSearchParams(request.body);
  if (request.headers['content-type']?.includes('x-www-form-urlencoded')) for (const [name, value] of form) found.set(`form:${name}`, value);
  else found.set('body', request.body);
  return found;
}

function keyOf(placement: Placement): string {
  if ('header' in placement) return `header:${placement.header.toLowerCase()}`;
  if ('query' in placement) return `query:${placement.query}`;
  if ('form' in placement) return `form:${placement.form}`;
  return 'path';
}

/**
 * Asserts every request the provider fake received carried `secret` in the documented place and nowhere else
 * (not in other headers, the path, the query or the body).
 */
export function expectSecretOnlyIn(requests: RecordedRequest[], secret: string, placement: Placement): void {
  expect(requests.length).toBeGreaterThan(0);
  const allowed = keyOf(placement);
  for (const request of requests) {
    const leaks = [...places(request)].filter(([key, value]) => key !== allowed && value.includes(secret)).map(([key]) => key);
    expect(leaks).toEqual([]);
    expect(places(request).get(allowed) ?? '').toContain(secret);
  }
}
