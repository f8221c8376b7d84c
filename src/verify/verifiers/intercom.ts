import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, rejectedByRegion, textAt } from './answer.js';

/**
 * Intercom access tokens: `GET /me` answers the admin the token acts as and its workspace (app). EU and AU
 * workspaces answer only at api.eu.intercom.io and api.au.intercom.io, so a rejection is unknown.
 */
export const intercom: Verifier = {
  id: 'intercom',
  rules: ['intercom-access-token'],
  baseUrl: 'https://api.intercom.io',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/me', { headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') return rejectedByRegion(response.status, 'Intercom');
    if (outcome.status !== 'active') return outcome;
    const email = textAt(response.json, 'email');
    const app = textAt(response.json, 'app', 'name');
    return { status: 'active', identity: joinIdentity(textAt(response.json, 'name'), email && `<${email}>`, app && `in workspace ${app}`) };
  },
};
