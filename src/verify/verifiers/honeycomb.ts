import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, rejectedByRegion, textAt, valueAt } from './answer.js';

/** The `api_key_access` permissions granted, as scopes. */
function grantedAccess(json: unknown): string[] | undefined {
  const access = valueAt(json, 'api_key_access');
  if (access === null || typeof access !== 'object') return undefined;
  const granted = Object.entries(access).filter(([, allowed]) => allowed === true).map(([name]) => name.slice(0, 100));
  return granted.length ? granted : undefined;
}

/**
 * Honeycomb ingest and configuration keys: `GET /1/auth` with `X-Honeycomb-Team` answers the key's team, environment
 * and permissions. EU keys answer only at api.eu1.honeycomb.io (point `honeycomb` at it with
 * KEYWARD_VERIFY_ENDPOINTS), so a rejection is unknown.
 */
export const honeycomb: Verifier = {
  id: 'honeycomb',
  rules: ['honeycomb-api-key'],
  baseUrl: 'https://api.honeycomb.io',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/1/auth', { headers: { 'x-honeycomb-team': credential.secret, accept: 'application/json' } });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') return rejectedByRegion(response.status, 'Honeycomb');
    if (outcome.status !== 'active') return outcome;
    const team = textAt(response.json, 'team', 'name') ?? textAt(response.json, 'team', 'slug');
    const environment = textAt(response.json, 'environment', 'name');
    const type = textAt(response.json, 'type');
    return { status: 'active', identity: joinIdentity(type && `${type} key`, team && `of team ${team}`, environment && `/ ${environment}`), scopes: grantedAccess(response.json) };
  },
};
