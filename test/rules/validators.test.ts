import { createHmac } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { base62 } from '../../src/rules/validators/base62.js';
import { hasBase62Crc32 } from '../../src/rules/validators/checksum.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { isStructuredJwt, jwtFacts } from '../../src/rules/validators/jwt.js';
import { hasKeyBody, isBase64Block, isBasicAuthPair } from '../../src/rules/validators/pem.js';
import { ALNUM, BASE64, BASE64URL, randomFrom as r } from '../helpers/fake-secrets.js';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (header: object, payload: object) => `${b64url(header)}.${b64url(payload)}.${r(BASE64URL, 43)}`;

describe('crc32', () => {
  it('matches the standard check value and zlib', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
    for (let i = 0; i < 50; i++) {
      const text = r(ALNUM, 1 + i);
      expect(crc32(text)).toBe(zlibCrc32(text));
    }
  });
});

describe('base62', () => {
  it('encodes with digits, upper, lower and pads to the width', () => {
    expect(base62(0, 6)).toBe('000000');
    expect(base62(61, 1)).toBe('z');
    expect(base62(62, 1)).toBe('10');
    expect(base62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('hasBase62Crc32', () => {
  it('accepts a token whose last six characters are the checksum of the rest and rejects any change', () => {
    const random = r(ALNUM, 30);
    const token = `ghp_${random}${base62(crc32(random), 6)}`;
    expect(hasBase62Crc32(token)).toBe(true);
    expect(hasBase62Crc32(`npm_${random}${base62(crc32(random), 6)}`)).toBe(true);
    const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    expect(hasBase62Crc32(flipped)).toBe(false);
    expect(hasBase62Crc32('ghp_abc')).toBe(false);
  });
});

describe('jwt', () => {
  it('takes a token signed with the key jwt.io prints beside its samples for documentation, another key not', () => {
    const signed = (alg: string, digest: string, key: string) => {
      const body = `${b64url({ alg })}.${b64url({ sub: r(ALNUM, 12) })}`;
      return `${body}.${createHmac(digest, key).update(body).digest('base64url')}`;
    };
    expect(isStructuredJwt(signed('HS256', 'sha256', 'your-256-bit-secret'))).toBe(false);
    expect(isStructuredJwt(signed('HS384', 'sha384', 'a-string-secret-at-least-256-bits-long'))).toBe(false);
    expect(isStructuredJwt(signed('HS512', 'sha512', r(ALNUM, 40)))).toBe(true);
  });
  const iat = 1767225600;
  it('needs a JSON header with a real alg and a JSON payload', () => {
    expect(isStructuredJwt(jwt({ alg: 'HS256', typ: 'JWT' }, { sub: '1' }))).toBe(true);
    expect(isStructuredJwt(jwt({ alg: 'none' }, { sub: '1' }))).toBe(false);
    expect(isStructuredJwt(jwt({ typ: 'JWT' }, { sub: '1' }))).toBe(false);
    expect(isStructuredJwt(`eyJ${r(ALNUM, 30)}.eyJ${r(ALNUM, 30)}.${r(ALNUM, 30)}`)).toBe(false);
  });

  it('reads exp and iat: an hour-long token is short-lived, a year-long one is not', () => {
    const short = jwtFacts(jwt({ alg: 'RS256' }, { iat, exp: iat + 3600, iss: 'https://issuer.test' }))!;
    expect(short.longLived).toBe(false);
    expect(short.issuedAt?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(short.expiresAt?.toISOString()).toBe('2026-01-01T01:00:00.000Z');
    expect(short.details).toEqual({ iss: 'https://issuer.test' });
    expect(jwtFacts(jwt({ alg: 'RS256' }, { iat, exp: iat + 365 * 86400 }))!.longLived).toBe(true);
  });

  it('treats a token without exp as long-lived', () => {
    const facts = jwtFacts(jwt({ alg: 'HS256' }, { sub: 'service' }))!;
    expect(facts.longLived).toBe(true);
    expect(facts.expiresAt).toBeUndefined();
  });
});

describe('pem', () => {
  const body = Array.from({ length: 10 }, () => r(BASE64, 64));
  it('accepts a base64 body in lines or in JSON-escaped form, with armor headers', () => {
    expect(hasKeyBody(`-----BEGIN RSA PRIVATE KEY-----\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----`)).toBe(true);
    expect(hasKeyBody(`-----BEGIN PRIVATE KEY-----\\n${body.join('\\n')}\\n-----END PRIVATE KEY-----`)).toBe(true);
    expect(hasKeyBody(`-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${'A1'.repeat(16)}\n\n${body.join('\n')}\n-----END RSA PRIVATE KEY-----`)).toBe(true);
  });

  it('rejects elided, prose and too-short bodies', () => {
    expect(hasKeyBody('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----')).toBe(false);
    expect(hasKeyBody('-----BEGIN RSA PRIVATE KEY-----\nyour key goes here, one line per block of sixty-four characters please\n-----END RSA PRIVATE KEY-----')).toBe(false);
    expect(hasKeyBody(`-----BEGIN RSA PRIVATE KEY-----\n${r(BASE64, 20)}\n-----END RSA PRIVATE KEY-----`)).toBe(false);
    expect(isBase64Block(r(BASE64, 44))).toBe(true);
    expect(isBase64Block('not base64 at all, clearly prose here....')).toBe(false);
  });

  it('recognises base64 user:password for docker auth', () => {
    expect(isBasicAuthPair(Buffer.from(`robot:${r(ALNUM, 20)}`).toString('base64'))).toBe(true);
    expect(isBasicAuthPair(Buffer.from(r(ALNUM, 20)).toString('base64'))).toBe(false);
    expect(isBasicAuthPair(Buffer.from('robot:').toString('base64'))).toBe(false);
  });
});
