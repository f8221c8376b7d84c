import { createPublicKey, generateKeyPairSync, verify as verifySignature, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { gcpServiceAccount } from '../../src/verify/verifiers/gcp-service-account.js';
import type { RecordedRequest, Route } from '../servers/http.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';

const EMAIL = 'deployer@acme-prod.iam.gserviceaccount.com';

function keyPair(): { pem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey };
}
const live = keyPair();
const deleted = keyPair();

/** A key file as the console downloads it; the secret is the private_key as the rule captures it (JSON-escaped). */
function keyFile(pem: string, overrides: Record<string, string> = {}): { context: string; secret: string } {
  const file = {
    type: 'service_account', project_id: 'acme-prod', private_key_id: 'a'.repeat(40), private_key: pem, client_email: EMAIL, client_id: '1234567890',
    auth_uri: 'https://accounts.google.com/o/oauth2/auth', token_uri: 'https://oauth2.googleapis.com/token', ...overrides,
  };
  return { context: JSON.stringify(file, null, 2), secret: JSON.stringify(pem).slice(1, -1) };
}

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Google's token endpoint as its service-account docs describe it: a jwt-bearer grant whose RS256 assertion is
 * signed by a key of the account named in iss, addressed to the endpoint, living at most an hour; otherwise 400
 * invalid_grant "Invalid JWT Signature." (or the time-frame message).
 */
function tokenEndpoint(accountKeys: Map<string, KeyObject>): Route {
  return {
    method: 'POST',
    path: '/token',
    handler: (req: RecordedRequest) => {
      const form = new URLSearchParams(req.body);
      if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') return { status: 400, body: { error: 'unsupported_grant_type' } };
      const [header = '', claims = '', signature = ''] = (form.get('assertion') ?? '').split('.');
      const claimSet = decode(claims);
      const key = accountKeys.get(String(claimSet.iss));
      if (!key) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid grant: account not found' } };
      const lifetime = Number(claimSet.exp) - Number(claimSet.iat);
      if (decode(header).alg !== 'RS256' || claimSet.aud !== 'https://oauth2.googleapis.com/token' || !(lifetime > 0 && lifetime <= 3600)) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.' } };
      }
      const signed = verifySignature('sha256', Buffer.from(`${header}.${claims}`), key, Buffer.from(signature, 'base64url'));
      if (!signed) return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } };
      return { body: { access_token: 'ya29.c.loopback-token', expires_in: 3599, token_type: 'Bearer' } };
    },
  };
}

const routes = [tokenEndpoint(new Map([[EMAIL, createPublicKey(live.pem)]]))];

describe('GCP service-account key verifier', () => {
  it('settles a live key as active, identity the client_email, sending a signed assertion and never the key', async () => {
    const server = await providerServer(routes);
    const file = keyFile(live.pem);
    expect(await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', file.secret, file.context))).toEqual({ status: 'active', identity: EMAIL });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    const keyBody = live.pem.split('\n')[2] ?? '';
    expect(JSON.stringify(request)).not.toContain(keyBody);
    expect(decode((new URLSearchParams(request?.body).get('assertion') ?? '').split('.')[0] ?? '')).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'a'.repeat(40) });
  });

  it('settles a deleted key (Google: Invalid JWT Signature) as inactive', async () => {
    const server = await providerServer(routes);
    const file = keyFile(deleted.pem);
    expect(await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', file.secret, file.context))).toEqual({ status: 'inactive', reason: 'Google: Invalid JWT Signature.' });
  });

  it('never lets the file choose where the assertion goes or whom it is addressed to', async () => {
    const server = await providerServer(routes);
    const file = keyFile(live.pem, { token_uri: 'https://attacker.example/token', auth_uri: 'https://attacker.example/auth' });
    expect((await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', file.secret, file.context))).status).toBe('active');
    const assertion = new URLSearchParams(server.requests[0]?.body).get('assertion') ?? '';
    expect(decode(assertion.split('.')[1] ?? '').aud).toBe('https://oauth2.googleapis.com/token');
    expect(server.requests.map((r) => r.path)).toEqual(['/token']);
  });

  it('pairs each key with its own account when a file holds two', async () => {
    const other = 'builder@acme-dev.iam.gserviceaccount.com';
    const server = await providerServer([tokenEndpoint(new Map([[EMAIL, createPublicKey(live.pem)], [other, createPublicKey(deleted.pem)]]))]);
    const first = keyFile(live.pem);
    const second = keyFile(deleted.pem, { client_email: other });
    const context = `${first.context}\n${'\n'.repeat(200)}${second.context}`;
    expect(await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', second.secret, context))).toEqual({ status: 'active', identity: other });
  });

  it('is unknown without a client_email, with an unparsable key, or when Google rejects the assertion for its time frame', async () => {
    const server = await providerServer(routes);
    const file = keyFile(live.pem);
    expect(await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', file.secret, file.secret))).toEqual({ status: 'unknown', reason: 'no service account client_email in the same file to verify with' });
    const broken = '-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----';
    expect((await verifyAgainst(gcpServiceAccount, server, credential('gcp-service-account-key', broken, file.context))).status).toBe('unknown');
    const skewed = await providerServer([{ method: 'POST', path: '/token', handler: () => ({ status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values' } }) }]);
    expect((await verifyAgainst(gcpServiceAccount, skewed, credential('gcp-service-account-key', file.secret, file.context))).status).toBe('unknown');
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    const file = keyFile(live.pem);
    await expectUnknownOnFaults(gcpServiceAccount, routes, credential('gcp-service-account-key', file.secret, file.context));
  });
});
