import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { startLoopbackServer, type LoopbackServer } from './http.js';
import { stringLike, verifyJwt, type OidcFake } from './oidc.js';

/** Loopback Google STS (`/v1/token`) and IAM Credentials (`generateAccessToken`), answering documented JSON. */
export interface GoogleFake {
  server: LoopbackServer;
  url: string;
  provider: string;
  /** Attribute condition stand-in: StringLike on `sub`. */
  condition: string;
  /** Service accounts the pool's principals may impersonate. */
  serviceAccounts: string[];
  federatedTokens: string[];
  accessTokens: string[];
  close(): Promise<void>;
}

export async function startGoogleFake(oidc: OidcFake, provider = 'projects/123456789/locations/global/workloadIdentityPools/gh/providers/github'): Promise<GoogleFake> {
  const server = await startLoopbackServer();
  const fake: GoogleFake = { server, url: server.url, provider, condition: 'repo:octo-org/*', serviceAccounts: [], federatedTokens: [], accessTokens: [], close: () => server.close() };
  server.addRoutes([
    {
      method: 'POST',
      path: '/v1/token',
      handler: (req) => {
        const body = JSON.parse(req.body) as Record<string, string>;
        if (body.grantType !== 'urn:ietf:params:oauth:grant-type:token-exchange' || body.subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt') return { status: 400, body: { error: 'invalid_request', error_description: 'Invalid grant_type or subject_token_type' } };
        if (body.audience !== `//iam.googleapis.com/${fake.provider}`) return { status: 400, body: { error: 'invalid_target', error_description: 'The target service indicated by the "audience" parameters is invalid.' } };
        const check = verifyJwt(body.subjectToken ?? '', oidc.jwks, { audience: `https://iam.googleapis.com/${fake.provider}`, issuer: oidc.issuer });
        if (!check.ok && check.reason === 'audience') return { status: 400, body: { error: 'invalid_grant', error_description: 'The audience in ID Token does not match the expected audience.' } };
        if (!check.ok && check.reason === 'expired') return { status: 400, body: { error: 'invalid_grant', error_description: 'ID Token issued at 0 is stale to sign-in.' } };
        if (!check.ok) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid ID Token.' } };
        if (!stringLike(fake.condition, String(check.claims.sub))) return { status: 400, body: { error: 'unauthorized_client', error_description: 'The given credential is rejected by the attribute condition.' } };
        const token = `ya29.${randomFrom(ALNUM, 120)}`;
        fake.federatedTokens.push(token);
        return { body: { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: 3599 } };
      },
    },
    {
      method: 'POST',
      path: '/v1/projects/-/serviceAccounts/:name',
      handler: (req, params) => {
        const [email, method] = decodeURIComponent(params.name ?? '').split(':');
        if (method !== 'generateAccessToken') return { status: 404, body: { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } } };
        const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!fake.federatedTokens.includes(bearer)) return { status: 401, body: { error: { code: 401, message: 'Request had invalid authentication credentials.', status: 'UNAUTHENTICATED' } } };
        if (!fake.serviceAccounts.includes(email ?? '')) return { status: 403, body: { error: { code: 403, message: "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).", status: 'PERMISSION_DENIED' } } };
        const { lifetime = '3600s' } = JSON.parse(req.body) as { lifetime?: string };
        const token = `ya29.${randomFrom(ALNUM, 140)}`;
        fake.accessTokens.push(token);
        return { body: { accessToken: token, expireTime: new Date(Date.now() + parseInt(lifetime, 10) * 1000).toISOString() } };
      },
    },
  ]);
  return fake;
}
