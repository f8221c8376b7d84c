import { describe, expect, it } from 'vitest';
import { telegram } from '../../src/verify/verifiers/telegram.js';
import { itSettlesIdentity } from './cases.js';
import { credential, providerServer, verifyAgainst } from './harness.js';

const LIVE = `7012345678:AA${'h'.repeat(33)}`;
const routes = [
  {
    method: 'GET',
    path: '/:bot/getMe',
    // As the Bot API describes getMe: {"ok": true, "result": User}, or {"ok": false, "error_code": 401, "description": "Unauthorized"}.
    handler: (_req: unknown, params: Record<string, string>) =>
      params.bot === `bot${LIVE}`
        ? { body: { ok: true, result: { id: 7012345678, is_bot: true, first_name: 'Build bot', username: 'acme_build_bot', can_join_groups: true } } }
        : { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
  },
];

describe('Telegram verifier', () => {
  itSettlesIdentity({
    verifier: telegram,
    ruleId: 'telegram-bot-token',
    live: LIVE,
    revoked: `7012345678:AA${'z'.repeat(33)}`,
    routes,
    active: { status: 'active', identity: '@acme_build_bot (bot 7012345678)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    // The Bot API takes the token only in the path: https://api.telegram.org/bot<token>/getMe.
    placement: { path: true },
  });

  it('never builds a path from a value that is not the shape of a token', async () => {
    const server = await providerServer(routes);
    for (const hostile of [`7012345678:AA${'h'.repeat(31)}/../../x`, `7012345678:AA${'h'.repeat(31)}%2F..`, '//evil.example/x:y']) {
      expect(await verifyAgainst(telegram, server, credential('telegram-bot-token', hostile))).toEqual({ status: 'unknown', reason: 'not the shape of a Bot API token' });
    }
    expect(server.requests).toEqual([]);
  });

  it('does not call an answer without ok: true active', async () => {
    const server = await providerServer([{ method: 'GET', path: '/:bot/getMe', handler: () => ({ body: { ok: false } }) }]);
    expect((await verifyAgainst(telegram, server, credential('telegram-bot-token', LIVE))).status).toBe('unknown');
  });
});
