import { missingCompanion } from '../settle.js';
import type { Credential, Outcome, Verifier } from '../types.js';
import { basicAuth, identityOf, text } from './shared.js';
import { companionsIn, keyWithCompanions } from './companions.js';

const ACCOUNT_SID = /\b(AC[0-9a-f]{32})\b/g;
/** An API key's secret: 32 letters and digits assigned to a name with "secret" in it, next to the SK key SID. */
const API_KEY_SECRET = /secret[\w.-]{0,24}["']?\s*(?::|=|:=|=>)\s*["']?([A-Za-z0-9]{32})\b/gi;

/** The Basic auth user and password for the credential: Account SID + auth token, or API key SID + its secret. */
function loginOf(credential: Credential, accountSid: string): { user: string; password: string } | undefined {
  if (credential.ruleId === 'twilio-auth-token') return { user: accountSid, password: credential.secret };
  const secret = companionsIn(credential.context, API_KEY_SECRET, 1)[0];
  return secret ? { user: credential.secret, password: secret } : undefined;
}

/**
 * Twilio auth tokens and API keys: `GET /2010-04-01/Accounts/<AccountSid>.json` with HTTP Basic auth (Account SID
 * and auth token, or API key SID and secret) answers the account's friendly name and status; 401 means the pair was
 * refused. The Account SID (AC + 32 hex) must be in the same file, and an API key's secret too; each SID found (at
 * most three) is tried. A 403 (standard and restricted API keys may not read the account) settles nothing.
 */
export const twilioVerifier: Verifier = {
  id: 'twilio',
  rules: ['twilio-auth-token', 'twilio-api-key'],
  baseUrl: 'https://api.twilio.com',
  ratePerSecond: 3,
  cacheKey: (credential) => keyWithCompanions(credential.secret, [...companionsIn(credential.context, ACCOUNT_SID), ...companionsIn(credential.context, API_KEY_SECRET, 1)]),
  async verify(credential, http): Promise<Outcome> {
    const sids = companionsIn(credential.context, ACCOUNT_SID);
    if (sids.length === 0) return missingCompanion('Twilio Account SID (AC...)');
    let refused = 0;
    for (const sid of sids) {
      const login = loginOf(credential, sid);
      if (!login) return missingCompanion('Twilio API key secret');
      const response = await http.request(`/2010-04-01/Accounts/${sid}.json`, { headers: basicAuth(login.user, login.password) });
      if (response.status === 200) {
        const status = text(response.json, 'status');
        if (status && status !== 'active') return { status: 'inactive', identity: sid, reason: `Twilio account is ${status.slice(0, 20)}` };
        return { status: 'active', identity: identityOf(text(response.json, 'friendly_name'), sid) };
      }
      if (response.status === 403) return { status: 'unknown', reason: 'Twilio authenticated the request but this key may not read the account (HTTP 403)' };
      if (response.status !== 401 && response.status !== 404) return { status: 'unknown', reason: `unexpected HTTP ${response.status}` };
      refused += 1;
    }
    return { status: 'inactive', reason: `Twilio refused the credential for ${refused === 1 ? 'the' : `each of ${refused}`} Account SID${refused === 1 ? '' : 's'} in the file` };
  },
};
