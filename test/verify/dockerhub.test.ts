import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { dockerhubVerifier } from '../../src/verify/verifiers/dockerhub.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const PAT = `dckr_pat_${randomFrom(BASE64URL, 27)}`;
const REJECTED = `dckr_pat_${randomFrom(BASE64URL, 27)}`;
/** The short-lived JWT the exchange answers (never read by the verifier). */
const MINTED = [randomFrom(BASE64URL, 20), randomFrom(BASE64URL, 20), randomFrom(BASE64URL, 20)].join('.');
const ORG_TOKEN = `dckr_oat_${randomFrom(BASE64URL, 32)}`;

/** POST /v2/auth/token as Docker's Hub API reference gives it: a JWT for a valid pair, 401 otherwise. */
function hubRoutes(): Route[] {
  const valid = new Map([['dana', PAT], ['acme', ORG_TOKEN]]);
  return [
    {
      method: 'POST',
      path: '/v2/auth/token',
      handler: (req) => {
        const { identifier, secret } = JSON.parse(req.body) as { identifier?: string; secret?: string };
        if (identifier && valid.get(identifier) === secret) return { body: { access_token: MINTED } };
        return { status: 401, body: { errinfo: {}, detail: 'Incorrect authentication credentials', message: 'Incorrect authentication credentials' } };
      },
    },
  ];
}

describe('Docker Hub verifier', () => {
  it('exchanges a PAT with the user name from the same file', async () => {
    const server = await providerServer(hubRoutes());
    const context = `env:\n  DOCKERHUB_USERNAME: dana\n  DOCKERHUB_TOKEN: ${PAT}\n`;
    expect(await verifyAgainst(dockerhubVerifier, server, credential('dockerhub-personal-access-token', PAT, context))).toEqual({ status: 'active', identity: 'dana' });
    expect(server.requests[0]?.method).toBe('POST');
    expectSecretOnlyIn(server, PAT, { body: true });
  });

  it('finds the name after docker login -u, and tries each name found', async () => {
    const server = await providerServer(hubRoutes());
    const context = `username: builder\ndocker login -u acme -p ${ORG_TOKEN}\n`;
    expect(await verifyAgainst(dockerhubVerifier, server, credential('dockerhub-organization-access-token', ORG_TOKEN, context))).toEqual({ status: 'active', identity: 'acme' });
  });

  it('settles a rejected pair as inactive', async () => {
    const server = await providerServer(hubRoutes());
    const context = `DOCKER_USERNAME=dana\nDOCKER_PASSWORD=${REJECTED}\n`;
    const outcome = await verifyAgainst(dockerhubVerifier, server, credential('dockerhub-personal-access-token', REJECTED, context));
    expect(outcome).toEqual({ status: 'inactive', reason: 'Docker Hub rejected the token for dana (HTTP 401)' });
  });

  it('is unknown, sending nothing, when no user or organization name is in the file', async () => {
    const server = await providerServer(hubRoutes());
    const outcome = await verifyAgainst(dockerhubVerifier, server, credential('dockerhub-personal-access-token', PAT, `TOKEN=${PAT}`));
    expect(outcome).toEqual({ status: 'unknown', reason: 'no Docker Hub user or organization name in the same file to verify with' });
    expect(server.requests).toHaveLength(0);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(dockerhubVerifier, hubRoutes(), credential('dockerhub-personal-access-token', PAT, `DOCKER_USER=dana ${PAT}`));
  });
});
