import { randomUUID } from 'node:crypto';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { startLoopbackServer, type LoopbackServer, type Reply } from './http.js';
import { verifyJwt, type OidcFake } from './oidc.js';

/** Loopback Entra ID v2.0 token endpoint with federated identity credentials (issuer, subject, audience). */
export interface EntraFake {
  server: LoopbackServer;
  url: string;
  tenantId: string;
  clientId: string;
  /** Exact subject of the app's federated credential. */
  subject: string;
  accessTokens: string[];
  close(): Promise<void>;
}

function aadError(error: string, code: number, description: string, status = 400): Reply {
  return { status, body: { error, error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${randomUUID()}\r\nCorrelation ID: ${randomUUID()}`, error_codes: [code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() } };
}

export async function startEntraFake(oidc: OidcFake): Promise<EntraFake> {
  const server = await startLoopbackServer();
  const fake: EntraFake = { server, url: server.url, tenantId: randomUUID(), clientId: randomUUID(), subject: 'repo:octo-org/octo-repo:ref:refs/heads/main', accessTokens: [], close: () => server.close() };
  server.addRoutes([
    {
      method: 'POST',
      path: '/:tenant/oauth2/v2.0/token',
      handler: (req, params) => {
        if (params.tenant !== fake.tenantId) return aadError('invalid_request', 90002, `Tenant '${params.tenant}' not found.`);
        const form = new URLSearchParams(req.body);
        if (form.get('client_id') !== fake.clientId) return aadError('unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory.`);
        if (form.get('grant_type') !== 'client_credentials' || form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return aadError('invalid_request', 900144, "The request body must contain the following parameter: 'client_assertion_type'.");
        const check = verifyJwt(form.get('client_assertion') ?? '', oidc.jwks, { audience: 'api://AzureADTokenExchange', issuer: oidc.issuer });
        if (!check.ok && check.reason === 'expired') return aadError('invalid_client', 700024, 'Client assertion is not within its valid time range.', 401);
        if (!check.ok && check.reason === 'audience') return aadError('invalid_client', 700212, 'No matching federated identity record found for presented assertion audience.', 401);
        if (!check.ok) return aadError('invalid_client', 700211, 'No matching federated identity record found for presented assertion issuer.', 401);
        if (check.claims.sub !== fake.subject) return aadError('invalid_client', 700213, `No matching federated identity record found for presented assertion subject '${String(check.claims.sub)}'.`, 401);
        const token = `eyJ0eXAiOiJKV1Qi.${randomFrom(ALNUM, 150)}`;
        fake.accessTokens.push(token);
        return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
      },
    },
  ]);
  return fake;
}
