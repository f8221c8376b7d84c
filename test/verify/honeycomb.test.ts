import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { honeycombVerifier } from '../../src/verify/verifiers/honeycomb.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { DIGITS, LOWER, randomFrom } from '../helpers/fake-secrets.js';

const KEY = `hcaik_${randomFrom(LOWER + DIGITS, 58)}`;

/** GET /1/auth as Honeycomb's API reference gives it: the key's team and environment, or 401. */
function honeycombRoutes(): Route[] {
  return [
    {
      method: 'GET',
      path: '/1/auth',
      handler: (req) =>
        req.headers['x-honeycomb-team'] === KEY
          ? { body: { id: 'kid', type: 'ingest', api_key_access: { events: true }, environment: { name: 'Production', slug: 'production' }, team: { name: 'Acme', slug: 'acme' } } }
          : { status: 401, body: { error: 'unknown API key - check your credentials' } },
    },
  ];
}

describe('Honeycomb verifier', () => {
  it('reads the team and environment of a live key', async () => {
    const server = await providerServer(honeycombRoutes());
    expect(await verifyAgainst(honeycombVerifier, server, credential('honeycomb-api-key', KEY))).toEqual({ status: 'active', identity: 'Acme / environment Production' });
    expectSecretOnlyIn(server, KEY, { header: 'x-honeycomb-team' });
  });

  it('settles a rejected key as inactive, or unknown when the file points at the EU instance', async () => {
    const server = await providerServer(honeycombRoutes());
    const other = `hcaik_${'f'.repeat(58)}`;
    expect(await verifyAgainst(honeycombVerifier, server, credential('honeycomb-api-key', other))).toEqual({ status: 'inactive', reason: 'rejected by Honeycomb US (api.honeycomb.io) (HTTP 401)' });
    const eu = `OTEL_EXPORTER_OTLP_ENDPOINT=https://api.eu1.honeycomb.io\nHONEYCOMB_API_KEY=${other}\n`;
    expect(await verifyAgainst(honeycombVerifier, server, credential('honeycomb-api-key', other, eu))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(honeycombVerifier, honeycombRoutes(), credential('honeycomb-api-key', KEY));
  });
});
