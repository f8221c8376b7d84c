import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { startLoopbackServer, type LoopbackServer } from './http.js';
import { stringLike, verifyJwt, type OidcFake } from './oidc.js';

/** Loopback Vault: JWT auth login at `auth/<mount>/login`, token lookup-self and revoke-self. */
export interface VaultFake {
  server: LoopbackServer;
  url: string;
  roles: Record<string, { boundAudience: string; boundSubject: string; ttl: number; policies: string[] }>;
  tokens: Map<string, { ttl: number; revoked: boolean }>;
  close(): Promise<void>;
}

export async function startVaultFake(oidc: OidcFake, mount = 'jwt'): Promise<VaultFake> {
  const server = await startLoopbackServer();
  const fake: VaultFake = { server, url: server.url, roles: {}, tokens: new Map(), close: () => server.close() };
  server.addRoutes([
    {
      method: 'POST',
      path: `/v1/auth/${mount}/login`,
      handler: (req) => {
        const { role, jwt } = JSON.parse(req.body) as { role?: string; jwt?: string };
        const config = fake.roles[role ?? ''];
        if (!config) return { status: 400, body: { errors: [`role "${role ?? ''}" could not be found`] } };
        const check = verifyJwt(jwt ?? '', oidc.jwks, { audience: config.boundAudience, issuer: oidc.issuer });
        if (!check.ok && check.reason === 'audience') return { status: 400, body: { errors: ['error validating token: invalid audience (aud) claim: audience claim does not match any expected audience'] } };
        if (!check.ok && check.reason === 'expired') return { status: 400, body: { errors: ['error validating token: token is expired (exp)'] } };
        if (!check.ok) return { status: 400, body: { errors: ['error validating token: failed to verify id token signature'] } };
        if (!stringLike(config.boundSubject, String(check.claims.sub))) return { status: 400, body: { errors: ['error validating claims: claim "sub" does not match any associated bound claim values'] } };
        const token = `hvs.${randomFrom(ALNUM, 90)}`;
        fake.tokens.set(token, { ttl: config.ttl, revoked: false });
        return { body: { auth: { client_token: token, accessor: randomFrom(ALNUM, 24), policies: ['default', ...config.policies], token_policies: ['default', ...config.policies], lease_duration: config.ttl, renewable: true, metadata: { role } } } };
      },
    },
    {
      method: 'GET',
      path: '/v1/auth/token/lookup-self',
      handler: (req) => {
        const entry = fake.tokens.get(String(req.headers['x-vault-token'] ?? ''));
        if (!entry || entry.revoked) return { status: 403, body: { errors: ['permission denied'] } };
        return { body: { data: { ttl: entry.ttl } } };
      },
    },
    {
      method: 'POST',
      path: '/v1/auth/token/revoke-self',
      handler: (req) => {
        const entry = fake.tokens.get(String(req.headers['x-vault-token'] ?? ''));
        if (!entry || entry.revoked) return { status: 403, body: { errors: ['permission denied'] } };
        entry.revoked = true;
        return { status: 204 };
      },
    },
  ]);
  return fake;
}
