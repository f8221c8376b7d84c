import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { npmVerifier } from '../../src/verify/verifiers/npm.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

const LIVE = `npm_${randomFrom(ALNUM, 36)}`;
const REVOKED = `npm_${randomFrom(ALNUM, 36)}`;

/** The registry's whoami: the user name for a known token, 401 otherwise. */
function npmRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/-/whoami',
      handler: (req) => (req.headers.authorization === `Bearer ${LIVE}` ? { body: { username: 'dana' } } : { status: 401, body: { error: 'You must be logged in' } }),
    },
  ];
}

describe('npm verifier', () => {
  it('reads the user name of a live token', async () => {
    const server = await providerServer(npmRoutes());
    expect(await verifyAgainst(npmVerifier, server, credential('npm-access-token', LIVE))).toEqual({ status: 'active', identity: 'dana' });
    expectSecretOnlyIn(server, LIVE, { header: 'authorization' });
  });

  it('settles a revoked token (401) as inactive', async () => {
    const server = await providerServer(npmRoutes());
    expect(await verifyAgainst(npmVerifier, server, credential('npm-access-token', REVOKED))).toEqual({ status: 'inactive', reason: 'HTTP 401' });
  });

  it('checks an .npmrc token scoped to registry.npmjs.org, or unscoped with the default registry', async () => {
    const server = await providerServer(npmRoutes());
    const scoped = `//registry.npmjs.org/:_authToken=${LIVE}\n`;
    expect(await verifyAgainst(npmVerifier, server, credential('npmrc-auth-token', LIVE, scoped))).toMatchObject({ status: 'active' });
    const unscoped = `always-auth=true\n_authToken=${LIVE}\n`;
    expect(await verifyAgainst(npmVerifier, server, credential('npmrc-auth-token', LIVE, unscoped))).toMatchObject({ status: 'active' });
  });

  it('never sends an .npmrc token that belongs to another registry to npm', async () => {
    const server = await providerServer(npmRoutes());
    const contexts = [
      `//npm.pkg.github.com/:_authToken=${LIVE}\n`,
      `registry=https://artifactory.example.com/api/npm/\n_authToken=${LIVE}\n`,
      `//registry.npmjs.org.evil.example/:_authToken=${LIVE}\n`,
    ];
    for (const context of contexts) {
      const outcome = await verifyAgainst(npmVerifier, server, credential('npmrc-auth-token', LIVE, context));
      expect(outcome).toEqual({ status: 'unknown', reason: expect.stringMatching(/another registry/) });
    }
    expect(server.requests).toHaveLength(0);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(npmVerifier, npmRoutes(), credential('npm-access-token', LIVE));
  });
});
