import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { sendgridVerifier } from '../../src/verify/verifiers/sendgrid.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { BASE64URL, randomFrom } from '../helpers/fake-secrets.js';

const FULL_KEY = `SG.${randomFrom(BASE64URL, 22)}.${randomFrom(BASE64URL, 43)}`;
const MAIL_ONLY = `SG.${randomFrom(BASE64URL, 22)}.${randomFrom(BASE64URL, 43)}`;

/** /v3/scopes and /v3/user/username as SendGrid's API reference gives them; 401 for an unknown key. */
function sendgridRoutes(): Route[] {
  const unauthorized = { status: 401, body: { errors: [{ field: null, message: 'authorization required' }] } };
  const scopesOf = new Map([[FULL_KEY, ['mail.send', 'user.username.read']], [MAIL_ONLY, ['mail.send']]]);
  const keyOf = (authorization?: string) => /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  return [
    { method: 'GET', path: '/v3/scopes', handler: (req) => { const scopes = scopesOf.get(keyOf(req.headers.authorization)); return scopes ? { body: { scopes } } : unauthorized; } },
    { method: 'GET', path: '/v3/user/username', handler: (req) => (keyOf(req.headers.authorization) === FULL_KEY ? { body: { username: 'acme-mail', user_id: 1234 } } : { status: 403, body: { errors: [{ message: 'access forbidden' }] } }) },
  ];
}

describe('SendGrid verifier', () => {
  it('reads a live key: its scopes and, when allowed, the account user name', async () => {
    const server = await providerServer(sendgridRoutes());
    expect(await verifyAgainst(sendgridVerifier, server, credential('sendgrid-api-key', FULL_KEY))).toEqual({ status: 'active', identity: 'acme-mail', scopes: ['mail.send', 'user.username.read'] });
    expectSecretOnlyIn(server, FULL_KEY, { header: 'authorization' });
  });

  it('asks for the user name only when the scopes allow it', async () => {
    const server = await providerServer(sendgridRoutes());
    expect(await verifyAgainst(sendgridVerifier, server, credential('sendgrid-api-key', MAIL_ONLY))).toEqual({ status: 'active', identity: undefined, scopes: ['mail.send'] });
    expect(server.requests).toHaveLength(1);
  });

  it('settles an unknown key (401) as inactive, or unknown when the file points at the EU host', async () => {
    const server = await providerServer(sendgridRoutes());
    expect(await verifyAgainst(sendgridVerifier, server, credential('sendgrid-api-key', `SG.${'z'.repeat(22)}.${'y'.repeat(43)}`))).toEqual({ status: 'inactive', reason: 'rejected by SendGrid global (api.sendgrid.com) (HTTP 401)' });
    const eu = `sgMail.setDataResidency('eu');\nSENDGRID_API_KEY=SG.${'z'.repeat(22)}.${'y'.repeat(43)}`;
    expect(await verifyAgainst(sendgridVerifier, server, credential('sendgrid-api-key', `SG.${'z'.repeat(22)}.${'y'.repeat(43)}`, eu))).toMatchObject({ status: 'unknown' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(sendgridVerifier, sendgridRoutes(), credential('sendgrid-api-key', FULL_KEY));
  });
});
