import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { datadogVerifier } from '../../src/verify/verifiers/datadog.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const KEY = randomFrom(HEX, 32);
const UNKNOWN_KEY = randomFrom(HEX, 32);

/** GET /api/v1/validate as Datadog's API reference gives it: valid true, or 403 with errors. */
function datadogRoutes(): Route[] {
  return [{ method: 'GET', path: '/api/v1/validate', handler: (req) => (req.headers['dd-api-key'] === KEY ? { body: { valid: true } } : { status: 403, body: { errors: ['Forbidden'] } }) }];
}

describe('Datadog verifier', () => {
  it('reads a live API key', async () => {
    const server = await providerServer(datadogRoutes());
    expect(await verifyAgainst(datadogVerifier, server, credential('datadog-api-key', KEY, `DD_API_KEY=${KEY}`))).toEqual({ status: 'active' });
    expectSecretOnlyIn(server, KEY, { header: 'dd-api-key' });
  });

  it('settles a key US1 does not know as inactive', async () => {
    const server = await providerServer(datadogRoutes());
    expect(await verifyAgainst(datadogVerifier, server, credential('datadog-api-key', UNKNOWN_KEY, `DD_API_KEY=${UNKNOWN_KEY}`))).toEqual({ status: 'inactive', reason: 'rejected by Datadog US1 (api.datadoghq.com) (HTTP 403)' });
  });

  it('keeps a rejected key unknown when the file names another Datadog site', async () => {
    const server = await providerServer(datadogRoutes());
    const context = `DD_SITE=datadoghq.eu\nDD_API_KEY=${UNKNOWN_KEY}\n`;
    expect(await verifyAgainst(datadogVerifier, server, credential('datadog-api-key', UNKNOWN_KEY, context))).toEqual({ status: 'unknown', reason: 'the file names datadoghq.eu; only Datadog US1 (api.datadoghq.com) is checked' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(datadogVerifier, datadogRoutes(), credential('datadog-api-key', KEY));
  });
});
