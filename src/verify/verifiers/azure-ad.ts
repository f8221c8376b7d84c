import { missingCompanion, outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier, VerifyResponse } from '../types.js';
import { phrase, text, valueAt } from './shared.js';
import { companionValue } from './companions.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A tenant is its GUID or one of its verified domain names (contoso.onmicrosoft.com): never a slash, never a port. */
const TENANT_DOMAIN = /^(?=.{4,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const TENANT_NAMES = ['tenant_id', 'tenantid', 'tenant', 'azure_tenant_id', 'arm_tenant_id', 'azure_ad_tenant_id', 'directory_id', 'directoryid'];
const CLIENT_NAMES = ['client_id', 'clientid', 'azure_client_id', 'arm_client_id', 'azure_ad_client_id', 'app_id', 'appid', 'application_id', 'applicationid'];
/** The resource every tenant has; `.default` asks for whatever the application was granted there, nothing new. */
const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** Entra ID error codes (AADSTS...) and what they say about the secret. */
const SECRET_INVALID = 7000215;
const SECRET_EXPIRED = 7000222;
const APPLICATION_NOT_FOUND = 700016;
const TENANT_NOT_FOUND = 90002;

function tenantOf(context: string, secret: string): string | undefined {
  const tenant = companionValue(context, TENANT_NAMES, { test: (value) => GUID.test(value) || TENANT_DOMAIN.test(value) }, secret);
  return tenant?.toLowerCase();
}

/** Who the token says the application is; the token itself is read for its claims, then dropped. */
function applicationIdentity(accessToken: unknown, clientId: string, tenant: string): string {
  let claims: unknown;
  try {
    const payload = typeof accessToken === 'string' ? (accessToken.split('.')[1] ?? '') : '';
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    claims = undefined;
  }
  const name = text(claims, 'app_displayname');
  return phrase(name && `"${name}"`, `application ${text(claims, 'appid') ?? clientId}`, `in tenant ${text(claims, 'tid') ?? tenant}`) ?? clientId;
}

function settleToken(response: VerifyResponse, clientId: string, tenant: string): Outcome {
  if (response.status >= 200 && response.status < 300) return { status: 'active', identity: applicationIdentity(valueAt(response.json, 'access_token'), clientId, tenant) };
  const codes = valueAt(response.json, 'error_codes');
  const has = (code: number) => Array.isArray(codes) && codes.includes(code);
  if (has(SECRET_INVALID)) return { status: 'inactive', reason: 'Entra ID: invalid client secret (AADSTS7000215)' };
  if (has(SECRET_EXPIRED)) return { status: 'inactive', reason: 'Entra ID: the client secret has expired (AADSTS7000222)' };
  if (has(APPLICATION_NOT_FOUND)) return { status: 'unknown', reason: 'Entra ID: no such application in the tenant named in the file (AADSTS700016)' };
  if (has(TENANT_NOT_FOUND)) return { status: 'unknown', reason: 'Entra ID: the tenant named in the file does not exist (AADSTS90002)' };
  return outcomeOfStatus(response.status);
}

/**
 * Azure AD (Entra ID) client secrets: the client-credentials grant at the Microsoft identity platform, with the
 * tenant and application (client) id found next to the secret. The tenant goes only into the path of the fixed
 * host, and only in the shape of a GUID or a domain name.
 */
export const azureAd: Verifier = {
  id: 'azure',
  rules: ['azure-ad-client-secret'],
  baseUrl: 'https://login.microsoftonline.com',
  ratePerSecond: 5,
  async verify(credential, http) {
    const tenant = tenantOf(credential.context, credential.secret);
    if (!tenant) return missingCompanion('tenant id (GUID or domain)');
    const clientId = companionValue(credential.context, CLIENT_NAMES, GUID, credential.secret);
    if (!clientId) return missingCompanion('application (client) id');
    const body = new URLSearchParams({ client_id: clientId, client_secret: credential.secret, scope: GRAPH_DEFAULT_SCOPE, grant_type: 'client_credentials' });
    const response = await http.request(`/${encodeURIComponent(tenant)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    });
    return settleToken(response, clientId, tenant);
  },
};
