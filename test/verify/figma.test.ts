import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { figmaVerifier } from '../../src/verify/verifiers/figma.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = `figd_${randomFrom(BASE64URL, 40)}`;

function figmaRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/v1/me',
      handler: (req) => (req.headers['x-figma-token'] === TOKEN ? { body: { id: '1234', handle: 'dana', img_url: 'https://s3/x.png', email: 'dana@acme.test' } } : { status: 403, body: { status: 403, err: 'Invalid token' } }),
    },
  ];
}

describe('Figma verifier', () => {
  it('reads the user of a live token', async () => {
    const server = await providerServer(figmaRoutes());
    expect(await verifyAgainst(figmaVerifier, server, credential('figma-access-token', TOKEN))).toEqual({ status: 'active', identity: 'dana / dana@acme.test' });
    expectSecretOnlyIn(server, TOKEN, { header: 'x-figma-token' });
  });

  it('settles 403 "Invalid token" as inactive and another 403 as unknown', async () => {
    const server = await providerServer(figmaRoutes());
    expect(await verifyAgainst(figmaVerifier, server, credential('figma-access-token', `figd_${'z'.repeat(40)}`))).toEqual({ status: 'inactive', reason: 'Figma: invalid token' });
    const scoped = await providerServer([{ method: 'GET', path: '/v1/me', handler: () => ({ status: 403, body: { status: 403, err: 'Invalid scope(s)' } }) }]);
    expect(await verifyAgainst(figmaVerifier, scoped, credential('figma-access-token', TOKEN))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(figmaVerifier, figmaRoutes(), credential('figma-access-token', TOKEN));
  });
});
