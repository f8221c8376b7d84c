import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { openaiVerifier } from '../../src/verify/verifiers/openai.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const openaiKey = (kind: string) => `sk-${kind}-${randomFrom(BASE64URL, 40)}T3BlbkFJ${randomFrom(BASE64URL, 40)}`;
const PROJECT_KEY = openaiKey('proj');
const RESTRICTED_KEY = openaiKey('svcacct');
const ADMIN_KEY = openaiKey('admin');
const REVOKED = openaiKey('proj');

const INVALID = { status: 401, body: { error: { message: 'Incorrect API key provided: sk-proj-****.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } };
const ORG_HEADERS = { 'openai-organization': 'acme-inc', 'openai-project': 'proj_abc123' };

/** The models list and the admin projects list as OpenAI's API reference gives them. */
function openaiRoutes(): Route[] {
  const key = (authorization?: string) => /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  return [
    {
      method: 'GET',
      path: '/v1/models',
      handler: (req) => {
        if (key(req.headers.authorization) === PROJECT_KEY) return { headers: ORG_HEADERS, body: { object: 'list', data: [{ id: 'gpt-4o', object: 'model', owned_by: 'system' }] } };
        if (key(req.headers.authorization) === RESTRICTED_KEY) {
          return { status: 403, headers: ORG_HEADERS, body: { error: { message: 'You have insufficient permissions for this operation. Missing scopes: api.model.read.', type: 'invalid_request_error', code: null } } };
        }
        return INVALID;
      },
    },
    {
      method: 'GET',
      path: '/v1/organization/projects',
      handler: (req) => (key(req.headers.authorization) === ADMIN_KEY ? { headers: { 'openai-organization': 'acme-inc' }, body: { object: 'list', data: [], has_more: false } } : INVALID),
    },
  ];
}

describe('OpenAI verifier', () => {
  it('reads a live project key with its organization and project from the response headers', async () => {
    const server = await providerServer(openaiRoutes());
    expect(await verifyAgainst(openaiVerifier, server, credential('openai-project-key', PROJECT_KEY))).toEqual({ status: 'active', identity: 'acme-inc / proj_abc123' });
    expectSecretOnlyIn(server, PROJECT_KEY, { header: 'authorization' });
  });

  it('counts a restricted key refused the models scope as live', async () => {
    const server = await providerServer(openaiRoutes());
    expect(await verifyAgainst(openaiVerifier, server, credential('openai-service-account-key', RESTRICTED_KEY))).toEqual({ status: 'active', identity: 'acme-inc / proj_abc123' });
  });

  it('checks an admin key against the administration API', async () => {
    const server = await providerServer(openaiRoutes());
    expect(await verifyAgainst(openaiVerifier, server, credential('openai-admin-key', ADMIN_KEY))).toEqual({ status: 'active', identity: 'acme-inc' });
    expect(server.requests[0]?.path).toBe('/v1/organization/projects');
    expect(server.requests[0]?.method).toBe('GET');
  });

  it('settles invalid_api_key as inactive', async () => {
    const server = await providerServer(openaiRoutes());
    expect(await verifyAgainst(openaiVerifier, server, credential('openai-project-key', REVOKED))).toEqual({ status: 'inactive', reason: 'OpenAI: invalid_api_key' });
    expectSecretOnlyIn(server, REVOKED, { header: 'authorization' });
  });

  it('keeps an IP allowlist refusal unknown: the key was not judged', async () => {
    const server = await providerServer([{ method: 'GET', path: '/v1/models', handler: () => ({ status: 401, body: { error: { message: 'IP 203.0.113.5 not authorized', code: null } } }) }]);
    expect(await verifyAgainst(openaiVerifier, server, credential('openai-project-key', PROJECT_KEY))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(openaiVerifier, openaiRoutes(), credential('openai-project-key', PROJECT_KEY));
  });
});
