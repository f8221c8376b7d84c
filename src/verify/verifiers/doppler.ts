import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { bearer, identityOf, text } from './shared.js';

/** SCIM and audit tokens serve their own APIs only; /v3/me says nothing about them. */
const NOT_CHECKABLE = /^dp\.(?:scim|audit)\./;

/**
 * Doppler personal, service, CLI and service-account tokens: `GET /v3/me` with the token as a Bearer header answers
 * the token's name and type and its workplace; an invalid or revoked token answers 401.
 */
export const dopplerVerifier: Verifier = {
  id: 'doppler',
  rules: ['doppler-token'],
  baseUrl: 'https://api.doppler.com',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    if (NOT_CHECKABLE.test(secret)) return { status: 'unknown', reason: 'Doppler SCIM and audit tokens have no read-only identity check' };
    const response = await http.request('/v3/me', { headers: { ...bearer(secret), accept: 'application/json' } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const type = text(response.json, 'type');
    return { status: 'active', identity: identityOf(text(response.json, 'workplace', 'name'), text(response.json, 'name') && `${type ?? 'token'} "${text(response.json, 'name')}"`) };
  },
};
