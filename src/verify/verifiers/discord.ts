import { identityEndpoint } from './answer.js';
import { phrase, text, valueAt } from './shared.js';

/** Discord bot tokens: `GET /api/v10/users/@me` with `Authorization: Bot <token>` answers the bot's user. */
export const discord = identityEndpoint({
  id: 'discord',
  rules: ['discord-bot-token'],
  baseUrl: 'https://discord.com/api/v10',
  ratePerSecond: 2,
  path: '/users/@me',
  headers: (secret) => ({ authorization: `Bot ${secret}` }),
  read: ({ json }) => {
    const id = text(json, 'id');
    const kind = valueAt(json, 'bot') === true ? 'bot' : 'user';
    return { identity: phrase(text(json, 'username'), id && `(${kind} ${id})`) };
  },
});
