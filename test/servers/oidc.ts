import { createPublicKey, createSign, createVerify, generateKeyPairSync, type JsonWebKey, type KeyObject } from 'node:crypto';
import { randomFrom, ALNUM } from '../helpers/fake-secrets.js';
import { startLoopbackServer, type LoopbackServer } from './http.js';

export interface OidcFakeOptions {
  claims?: Record<string, unknown>;
  /** Seconds the token lives; negative issues an already expired token. */
  ttlSeconds?: number;
}

/** Loopback GitHub Actions OIDC token service: signs real RS256 JWTs and serves discovery + JWKS. */
export interface OidcFake {
  server: LoopbackServer;
  issuer: string;
  /** The ACTIONS_ID_TOKEN_REQUEST_TOKEN the service accepts. */
  requestToken: string;
  env: Record<string, string>;
  jwks: { keys: JsonWebKey[] };
  claims: Record<string, unknown>;
  ttlSeconds: number;
  issued: string[];
  close(): Promise<void>;
}

export async function startOidcFake(options: OidcFakeOptions = {}): Promise<OidcFake> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomFrom(ALNUM, 12);
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const requestToken = randomFrom(ALNUM, 40);
  const server = await startLoopbackServer();
  const fake: OidcFake = {
    server,
    issuer: server.url,
    requestToken,
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: `${server.url}/_apis/token?api-version=2.0`, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken },
    jwks: { keys: [jwk] },
    claims: {
      sub: 'repo:octo-org/octo-repo:ref:refs/heads/main',
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      run_id: '4242',
      ...options.claims,
    },
    ttlSeconds: options.ttlSeconds ?? 300,
    issued: [],
    close: () => server.close(),
  };
  server.addRoutes([
    { method: 'GET', path: '/.well-known/openid-configuration', handler: () => ({ body: { issuer: server.url, jwks_uri: `${server.url}/.well-known/jwks`, id_token_signing_alg_values_supported: ['RS256'] } }) },
    { method: 'GET', path: '/.well-known/jwks', handler: () => ({ body: fake.jwks }) },
    {
      method: 'GET',
      path: '/_apis/token',
      handler: (req) => {
        if (req.headers.authorization !== `Bearer ${requestToken}`) return { status: 401, body: { message: 'Unauthorized' } };
        const now = Math.floor(Date.now() / 1000);
        const audience = req.query.get('audience') ?? `https://github.com/${String(fake.claims.repository_owner)}`;
        const payload = { jti: randomFrom(ALNUM, 16), iss: server.url, aud: audience, iat: now - 5, nbf: now - 5, exp: now + fake.ttlSeconds, ...fake.claims };
        const token = signJwt(privateKey, kid, payload);
        fake.issued.push(token);
        return { body: { count: 1, value: token } };
      },
    },
  ]);
  return fake;
}

export function signJwt(privateKey: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = createSign('RSA-SHA256').update(`${header}.${body}`).sign(privateKey).toString('base64url');
  return `${header}.${body}.${signature}`;
}

export type JwtCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: 'malformed' | 'signature' | 'audience' | 'expired' | 'issuer'; claims?: Record<string, unknown> };

/** What each provider fake does first: signature against the JWKS, then iss, aud, exp. */
export function verifyJwt(token: string, jwks: { keys: JsonWebKey[] }, expected: { audience: string; issuer: string }): JwtCheck {
  const [h, p, s] = token.split('.');
  if (!h || !p || !s) return { ok: false, reason: 'malformed' };
  let header: { kid?: string; alg?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString()) as typeof header;
    claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as typeof claims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const jwk = jwks.keys.find((k) => (k as { kid?: string }).kid === header.kid);
  if (!jwk || header.alg !== 'RS256') return { ok: false, reason: 'signature', claims };
  const valid = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'));
  if (!valid) return { ok: false, reason: 'signature', claims };
  if (claims.iss !== expected.issuer) return { ok: false, reason: 'issuer', claims };
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(expected.audience)) return { ok: false, reason: 'audience', claims };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** IAM StringLike: `*` any run of characters, `?` one. */
export function stringLike(pattern: string, value: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(value);
}
