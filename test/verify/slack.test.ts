import { describe, expect, it } from 'vitest';
import type { Route } from '../servers/http.js';
import { slackVerifier } from '../../src/verify/verifiers/slack.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn } from './secret-sent.js';
import { ALNUM, DIGITS, HEX, randomFrom } from '../helpers/fake-secrets.js';

const botToken = () => `xoxb-${randomFrom(DIGITS, 10)}-${randomFrom(DIGITS, 13)}-${randomFrom(ALNUM, 24)}`;
const BOT = botToken();
const USER = `xoxp-${randomFrom(DIGITS, 10)}-${randomFrom(DIGITS, 10)}-${randomFrom(DIGITS, 10)}-${randomFrom(HEX, 32)}`;
const REVOKED = botToken();

/** auth.test as Slack documents it: HTTP 200 always, `ok` and an error code in the body. */
function slackRoutes(): Route[] {
  return [
    {
      method: 'POST',
      path: '/api/auth.test',
      handler: (req) => {
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        if (token === BOT) {
          return {
            headers: { 'x-oauth-scopes': 'chat:write,channels:read' },
            body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'deploybot', team_id: 'T0001', user_id: 'U0001', bot_id: 'B0001', expires_in: 3600 },
          };
        }
        if (token === USER) return { body: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'grace', team_id: 'T0001', user_id: 'W0001' } };
        if (token === REVOKED) return { body: { ok: false, error: 'token_revoked' } };
        return { body: { ok: false, error: 'invalid_auth' } };
      },
    },
  ];
}

describe('Slack verifier', () => {
  it('reads a live bot token: workspace, bot, scopes and a rotating token expiry', async () => {
    const server = await providerServer(slackRoutes());
    const before = Date.now();
    const outcome = await verifyAgainst(slackVerifier, server, credential('slack-bot-token', BOT));
    expect(outcome).toMatchObject({ status: 'active', identity: 'Acme / deploybot (bot)', scopes: ['chat:write', 'channels:read'] });
    const expires = Date.parse(outcome.expiresAt ?? '');
    expect(expires).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000 + 1000);
    expect(server.requests[0]?.method).toBe('POST');
    expectSecretOnlyIn(server, BOT, { header: 'authorization' });
  });

  it('reads a live user token without an expiry', async () => {
    const server = await providerServer(slackRoutes());
    const outcome = await verifyAgainst(slackVerifier, server, credential('slack-user-token', USER));
    expect(outcome).toEqual({ status: 'active', identity: 'Acme / grace', expiresAt: undefined, scopes: undefined });
  });

  it('settles ok:false with a dead-token error as inactive, though the HTTP status is 200', async () => {
    const server = await providerServer(slackRoutes());
    expect(await verifyAgainst(slackVerifier, server, credential('slack-bot-token', REVOKED))).toEqual({ status: 'inactive', reason: 'Slack: token_revoked' });
    const other = 'xoxb-1111111111-1111111111111-AAAAAAAAAAAAAAAAAAAAAAAA';
    expect(await verifyAgainst(slackVerifier, server, credential('slack-bot-token', other))).toEqual({ status: 'inactive', reason: 'Slack: invalid_auth' });
    expectSecretOnlyIn({ ...server, requests: server.requests.slice(0, 1) }, REVOKED, { header: 'authorization' });
  });

  it('keeps other ok:false errors unknown', async () => {
    const server = await providerServer([{ method: 'POST', path: '/api/auth.test', handler: () => ({ body: { ok: false, error: 'fatal_error' } }) }]);
    expect(await verifyAgainst(slackVerifier, server, credential('slack-bot-token', BOT))).toEqual({ status: 'unknown', reason: 'Slack answered fatal_error' });
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(slackVerifier, slackRoutes(), credential('slack-bot-token', BOT));
  });
});
