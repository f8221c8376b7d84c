import { describe, expect, it } from 'vitest';
import { launchdarkly } from '../../src/verify/verifiers/launchdarkly.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const TOKEN = 'api-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const SDK_KEY = 'sdk-11111111-2222-3333-4444-555555555555';

// As LaunchDarkly's "Identify the caller" describes it: a CallerIdentityRep for API tokens and SDK keys; 401 otherwise.
const routes = [
  {
    method: 'GET',
    path: '/api/v2/caller-identity',
    handler: (req: { headers: Record<string, unknown> }) => {
      if (req.headers.authorization === TOKEN) return { body: { accountId: '5f8a', tokenName: 'terraform', tokenKind: 'service', tokenId: '61ab', authKind: 'token', serviceToken: true } };
      if (req.headers.authorization === SDK_KEY) return { body: { accountId: '5f8a', projectName: 'Web', environmentName: 'Production', authKind: 'sdk' } };
      return { status: 401, body: { code: 'unauthorized', message: 'Invalid access token' } };
    },
  },
];

describe('LaunchDarkly verifier', () => {
  itSettlesIdentity({
    verifier: launchdarkly,
    ruleId: 'launchdarkly-access-token',
    live: TOKEN,
    revoked: 'api-99999999-2222-3333-4444-555555555555',
    routes,
    active: { status: 'active', identity: 'token "terraform" (service) of account 5f8a' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });

  it('names the project and environment of an SDK key', async () => {
    const server = await providerServer(routes);
    expect(await verifyAgainst(launchdarkly, server, credential('launchdarkly-sdk-key', SDK_KEY))).toEqual({ status: 'active', identity: '(sdk) in Web / Production of account 5f8a' });
  });
});
