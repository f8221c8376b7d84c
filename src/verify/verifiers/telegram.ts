import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { phrase, text, valueAt } from './shared.js';

/**
 * Bot API tokens are the bot id, a colon and its key. The token goes into the request path (the Bot API has no other
 * place for it), so it must be exactly that shape: no slash, dot or percent sign can steer the path elsewhere.
 */
const BOT_TOKEN = /^[0-9]{5,16}:[A-Za-z0-9_-]{30,60}$/;

/** Telegram: `GET https://api.telegram.org/bot<token>/getMe`, the Bot API's documented token test. */
export const telegram: Verifier = {
  id: 'telegram',
  rules: ['telegram-bot-token'],
  baseUrl: 'https://api.telegram.org',
  ratePerSecond: 5,
  async verify(credential, http) {
    if (!BOT_TOKEN.test(credential.secret)) return { status: 'unknown', reason: 'not the shape of a Bot API token' };
    const response = await http.request(`/bot${credential.secret}/getMe`);
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status !== 'active') return outcome;
    if (valueAt(response.json, 'ok') !== true) return { status: 'unknown', reason: 'getMe answered without ok: true' };
    const username = text(response.json, 'result', 'username');
    const id = text(response.json, 'result', 'id');
    return { status: 'active', identity: phrase(username && `@${username}`, id && `(bot ${id})`) };
  },
};
