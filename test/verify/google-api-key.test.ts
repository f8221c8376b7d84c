import { describe, expect, it } from 'vitest';
import { googleApiKey } from '../../src/verify/verifiers/google-api-key.js';
import type { RecordedRequest } from '../servers/http.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `AIza${'S'.repeat(35)}`;
const DISABLED = `AIza${'D'.repeat(35)}`;
const REFERRER = `AIza${'R'.repeat(35)}`;

/** A google.rpc.Status error with an ErrorInfo detail, as googleapis.com answers. */
function rpcError(code: number, status: string, message: string, reason: string, consumer?: string) {
  const metadata = { service: 'generativelanguage.googleapis.com', ...(consumer ? { consumer } : {}) };
  return { status: code, body: { error: { code, message, status, details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason, domain: 'googleapis.com', metadata }] } } };
}

const routes = [
  {
    method: 'GET',
    path: '/v1beta/models',
    handler: (req: RecordedRequest) => {
      const key = req.headers['x-goog-api-key'];
      if (key === LIVE) return { body: { models: [{ name: 'models/gemini-2.0-flash', displayName: 'Gemini 2.0 Flash' }], nextPageToken: 'x' } };
      if (key === DISABLED) return rpcError(403, 'PERMISSION_DENIED', 'Generative Language API has not been used in project 123456789 before or it is disabled.', 'SERVICE_DISABLED', 'projects/123456789');
      if (key === REFERRER) return rpcError(403, 'PERMISSION_DENIED', 'Requests from referer <empty> are blocked.', 'API_KEY_HTTP_REFERRER_BLOCKED', 'projects/42');
      return rpcError(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', 'API_KEY_INVALID');
    },
  },
];

describe('Google API key verifier', () => {
  itSettlesIdentity({
    verifier: googleApiKey,
    ruleId: 'gcp-api-key',
    live: LIVE,
    revoked: `AIza${'X'.repeat(35)}`,
    routes,
    active: { status: 'active' },
    inactive: { status: 'inactive', reason: 'Google: API key not valid' },
    placement: { header: 'x-goog-api-key' },
  });

  it('settles a recognised key as active even when its project has the API off or it is restricted, naming the project', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(googleApiKey, server, credential('gcp-api-key', DISABLED))).toEqual({
      status: 'active', identity: 'project 123456789', reason: 'recognised by Google; the Generative Language API is not enabled in its project',
    });
    expect(await verifyAgainst(googleApiKey, server, credential('gcp-api-key', REFERRER))).toEqual({
      status: 'active', identity: 'project 42', reason: 'recognised by Google; the key is restricted to certain HTTP referrers',
    });
  });

  it('does not call a bare 403 inactive', async () => {
    const server = await providerServer([{ method: 'GET', path: '/v1beta/models', handler: () => ({ status: 403, body: { error: { code: 403, message: 'Forbidden', status: 'PERMISSION_DENIED' } } }) }]);
    expect((await verifyAgainst(googleApiKey, server, credential('gcp-api-key', LIVE))).status).toBe('unknown');
  });
});
