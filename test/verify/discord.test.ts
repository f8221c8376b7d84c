import { describe } from 'vitest';
import { discord } from '../../src/verify/verifiers/discord.js';
import { itSettlesIdentity } from './cases.js';

const LIVE = `MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.${'k'.repeat(38)}`;

describe('Discord verifier', () => {
  // As Discord's API reference describes Get Current User: the bot's user object, or 401 {"message": "401: Unauthorized"}.
  itSettlesIdentity({
    verifier: discord,
    ruleId: 'discord-bot-token',
    live: LIVE,
    revoked: `MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.${'r'.repeat(38)}`,
    routes: [
      {
        method: 'GET',
        path: '/users/@me',
        handler: (req) =>
          req.headers.authorization === `Bot ${LIVE}`
            ? { body: { id: '123456789012345678', username: 'deploy-notifier', discriminator: '0', global_name: null, bot: true, verified: true } }
            : { status: 401, body: { message: '401: Unauthorized', code: 0 } },
      },
    ],
    active: { status: 'active', identity: 'deploy-notifier (bot 123456789012345678)' },
    inactive: { status: 'inactive', reason: 'HTTP 401' },
    placement: { header: 'authorization' },
  });
});
