import { outcomeOfStatus } from '../settle.js';
import type { Credential, Outcome, Verifier } from '../types.js';
import { bearer, text } from './shared.js';
import { keyWithCompanions } from './companions.js';

/** The .npmrc line that holds `secret`, if the secret sits in one. */
function npmrcLineOf({ secret, context }: Credential): string | undefined {
  return context.split(/\r?\n/).find((line) => line.includes(secret) && /_authtoken/i.test(line));
}

const NPM_REGISTRY = /^(?:https?:)?\/\/registry\.npmjs\.org\/?$/i;

/**
 * An `_authToken` in an .npmrc belongs to the registry its line names (`//host/path/:_authToken=`), or, unscoped, to
 * the file's `registry=` (npm's default when there is none). Only a token for registry.npmjs.org is npm's to check:
 * sending a token for another registry to npm would hand it to the wrong party.
 */
function isForNpmRegistry(credential: Credential): boolean {
  if (credential.ruleId !== 'npmrc-auth-token') return true;
  const line = npmrcLineOf(credential);
  if (!line) return false;
  const scoped = /^\s*(\/\/[^\s:]+):_authToken/i.exec(line);
  if (scoped?.[1]) return NPM_REGISTRY.test(scoped[1]);
  if (!/^\s*_authToken/i.test(line)) return false;
  const registry = /^\s*registry\s*=\s*(\S+)/im.exec(credential.context)?.[1];
  return registry === undefined || NPM_REGISTRY.test(registry);
}

/**
 * npm access tokens: `GET /-/whoami` on registry.npmjs.org with the token as a Bearer header answers the user name
 * (`{"username": ...}`); a revoked or unknown token answers 401.
 */
export const npmVerifier: Verifier = {
  id: 'npm',
  rules: ['npm-access-token', 'npmrc-auth-token'],
  baseUrl: 'https://registry.npmjs.org',
  ratePerSecond: 5,
  cacheKey: (credential) => (credential.ruleId === 'npmrc-auth-token' ? keyWithCompanions(credential.secret, [isForNpmRegistry(credential) ? 'npmjs' : 'other registry']) : undefined),
  async verify(credential, http): Promise<Outcome> {
    if (!isForNpmRegistry(credential)) return { status: 'unknown', reason: 'the .npmrc line scopes this token to another registry; only registry.npmjs.org is checked' };
    const response = await http.request('/-/whoami', { headers: { ...bearer(credential.secret), accept: 'application/json' } });
    if (response.status !== 200) return outcomeOfStatus(response.status);
    const username = text(response.json, 'username');
    return username ? { status: 'active', identity: username } : { status: 'unknown', reason: 'whoami answered without a user name' };
  },
};
