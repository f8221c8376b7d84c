import { describe, expect, it } from 'vitest';
import { pypiVerifier } from '../../src/verify/verifiers/pypi.js';
import { credential, providerServer, verifyAgainst } from './harness.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const TOKEN = `pypi-AgEIcHlwaS5vcmc${randomFrom(BASE64URL, 60)}`;

describe('PyPI verifier', () => {
  it('says why an upload token cannot be checked, and sends nothing', async () => {
    const server = await providerServer([]);
    const outcome = await verifyAgainst(pypiVerifier, server, credential('pypi-upload-token', TOKEN));
    expect(outcome).toEqual({ status: 'unknown', reason: expect.stringMatching(/no read-only way/) });
    expect(server.requests).toHaveLength(0);
  });
});
