import { describe, expect, it } from 'vitest';
import { azureAd } from '../../src/verify/verifiers/azure-ad.js';
import type { RecordedRequest } from '../servers/http.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './placement.js';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const CLIENT = '0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0';
const LIVE = 'abc8Q~LiveSecretValueForTheLoopbackFake123';
const EXPIRED = 'abc8Q~ExpiredSecretValueForTheLoopback0001';

const jwt = (claims: object) => `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const aadError = (status: number, error: string, code: number) => ({ status, body: { error, error_description: `AADSTS${code}: loopback.`, error_codes: [code], trace_id: 't', correlation_id: 'c' } });

/**
 * The Microsoft identity platform's token endpoint as its client-credentials docs describe it: 200 with an access
 * token; AADSTS7000215 (invalid secret) and 7000222 (expired secret) as 401 invalid_client; AADSTS700016 (no such
 * application) and 90002 (no such tenant) as 400.
 */
const routes = [
  {
    method: 'POST',
    path: '/:tenant/oauth2/v2.0/token',
    handler: (req: RecordedRequest, params: Record<string, string>) => {
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default') return aadError(400, 'invalid_request', 900144);
      if (params.tenant !== TENANT && params.tenant !== 'contoso.onmicrosoft.com') return aadError(400, 'invalid_request', 90002);
      if (form.get('client_id') !== CLIENT) return aadError(400, 'unauthorized_client', 700016);
      if (form.get('client_secret') === EXPIRED) return aadError(401, 'invalid_client', 7000222);
      if (form.get('client_secret') !== LIVE) return aadError(401, 'invalid_client', 7000215);
      return { body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: jwt({ aud: 'https://graph.microsoft.com', appid: CLIENT, app_displayname: 'ci-deployer', tid: TENANT }) } };
    },
  },
];

const envFile = (secret: string, tenant = TENANT) => `AZURE_TENANT_ID=${tenant}\nAZURE_CLIENT_ID=${CLIENT}\nAZURE_CLIENT_SECRET=${secret}\n`;

describe('Azure AD client secret verifier', () => {
  it('settles a live secret as active with the application and tenant, the secret only in the client_secret field', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, envFile(LIVE)))).toEqual({
      status: 'active',
      identity: `"ci-deployer" application ${CLIENT} in tenant ${TENANT}`,
    });
    expectSecretOnlyIn(server.requests, LIVE, { form: 'client_secret' });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${TENANT}/oauth2/v2.0/token`]);
  });

  it('reads the ids of `az ad sp create-for-rbac` output and takes a tenant domain name', async () => {
    const server = await providerServer(routes);
    const output = JSON.stringify({ appId: CLIENT, displayName: 'ci-deployer', password: LIVE, tenant: 'contoso.onmicrosoft.com' }, null, 2);
    expect((await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, output))).status).toBe('active');
    expect(server.requests[0]?.path).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/token');
  });

  it('settles an invalid or expired secret as inactive, with the Entra ID code', async () => {
    const server = await providerServer(routes);
    const wrong = 'abc8Q~WrongSecretValueForTheLoopbackFake12';
    expect(await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', wrong, envFile(wrong)))).toEqual({ status: 'inactive', reason: 'Entra ID: invalid client secret (AADSTS7000215)' });
    expect(await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', EXPIRED, envFile(EXPIRED)))).toEqual({ status: 'inactive', reason: 'Entra ID: the client secret has expired (AADSTS7000222)' });
  });

  it('is unknown, not inactive, when the ids in the file name no application or tenant Entra ID knows', async () => {
    const server = await providerServer(routes);
    expect((await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, envFile(LIVE, 'ffffffff-86f1-41af-91ab-2d7cd011db47')))).status).toBe('unknown');
    const otherApp = envFile(LIVE).replace(CLIENT, 'aaaaaaaa-4f50-6172-8394-a5b6c7d8e9f0');
    expect(await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, otherApp))).toEqual({ status: 'unknown', reason: 'Entra ID: no such application in the tenant named in the file (AADSTS700016)' });
  });

  it('never takes a tenant that is not a GUID or a domain name, and asks nothing without the ids', async () => {
    const server = await providerServer(routes);
    for (const tenant of ['evil.example:8443', 'x@evil.example', '..%2F..%2Fevil', 'common/../../x']) {
      expect((await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, envFile(LIVE, tenant)))).reason).toMatch(/no tenant id/);
    }
    expect(await verifyAgainst(azureAd, server, credential('azure-ad-client-secret', LIVE, `AZURE_TENANT_ID=${TENANT}\nsecret=${LIVE}`))).toEqual({ status: 'unknown', reason: 'no application (client) id in the same file to verify with' });
    expect(server.requests).toEqual([]);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(azureAd, routes, credential('azure-ad-client-secret', LIVE, envFile(LIVE)));
  });
});
