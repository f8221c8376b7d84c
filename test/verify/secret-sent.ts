import { expect } from 'vitest';
import type { LoopbackServer, RecordedRequest } from '../servers/http.js';

export type SecretPlace = { header: string; basic?: 'user' | 'password' } | { body: true } | { path: true };

function basicPart(value: string | undefined, part: 'user' | 'password'): string {
  const encoded = /^Basic\s+(\S+)$/i.exec(value ?? '')?.[1] ?? '';
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return part === 'user' ? decoded.slice(0, colon) : decoded.slice(colon + 1);
}

function placesOf(request: RecordedRequest): Record<string, string> {
  const places: Record<string, string> = { path: `${request.path}?${request.query.toString()}`, body: request.body };
  for (const [name, value] of Object.entries(request.headers)) places[`header:${name}`] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return places;
}

/**
 * Asserts that every request the provider stand-in received carried `secret` in the one documented place and nowhere
 * else (not in the URL, the body, or another header; base64 of it counts for Basic auth).
 */
export function expectSecretOnlyIn(server: LoopbackServer, secret: string, place: SecretPlace): void {
  expect(server.requests.length).toBeGreaterThan(0);
  const encoded = Buffer.from(secret).toString('base64');
  for (const request of server.requests) {
    const places = placesOf(request);
    const expected = 'header' in place ? `header:${place.header.toLowerCase()}` : 'body' in place ? 'body' : 'path';
    if ('header' in place && place.basic) expect(basicPart(places[expected], place.basic)).toBe(secret);
    else expect(places[expected]).toContain(secret);
    for (const [name, value] of Object.entries(places)) {
      if (name === expected) continue;
      expect(value, `secret leaked into ${name}`).not.toContain(secret);
      expect(value, `secret leaked into ${name}`).not.toContain(encoded);
    }
  }
}
