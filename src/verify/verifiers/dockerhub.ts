import { missingCompanion } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';
import { companionsIn, keyWithCompanions } from './companions.js';

/**
 * Where a Docker Hub user or organization name sits next to its token: DOCKERHUB_USERNAME-style variables,
 * `docker login -u name`, and a `username:` key (docker/login-action). Names are Docker Hub's 2-39 characters.
 */
const IDENTIFIER_PATTERNS = [
  /\bDOCKER(?:_?HUB)?_?(?:USER(?:NAME)?|LOGIN|ID|ORG(?:ANI[SZ]ATION)?|NAMESPACE)["']?\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9_-]{1,38})\b/gi,
  /\bdocker\s+login\b[^\n]*?(?:-u|--username)[=\s]+["']?([A-Za-z0-9][A-Za-z0-9_-]{1,38})\b/gi,
  /\busername["']?\s*[:=]\s*["']?([A-Za-z0-9][A-Za-z0-9_-]{1,38})\b/gi,
];

function identifiersIn(context: string): string[] {
  const names = new Set<string>();
  for (const pattern of IDENTIFIER_PATTERNS) for (const name of companionsIn(context, pattern)) names.add(name);
  return [...names].slice(0, 3);
}

/**
 * Docker Hub personal and organization access tokens: the documented login exchange `POST /v2/auth/token` with
 * `{identifier, secret}` answers a 10-minute access token for a valid pair and 401 otherwise. Nothing is created
 * or changed, and the short-lived token answered is dropped unread. The identifier (user or organization name) must
 * be in the same file; each name found (at most three) is tried until one is accepted.
 */
export const dockerhubVerifier: Verifier = {
  id: 'dockerhub',
  rules: ['dockerhub-personal-access-token', 'dockerhub-organization-access-token'],
  baseUrl: 'https://hub.docker.com',
  ratePerSecond: 1,
  cacheKey: ({ secret, context }) => keyWithCompanions(secret, identifiersIn(context)),
  async verify({ secret, context }, http): Promise<Outcome> {
    const identifiers = identifiersIn(context);
    if (identifiers.length === 0) return missingCompanion('Docker Hub user or organization name');
    let lastStatus = 0;
    for (const identifier of identifiers) {
      const response = await http.request('/v2/auth/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ identifier, secret }),
      });
      if (response.status === 200) return { status: 'active', identity: identifier };
      lastStatus = response.status;
      if (response.status !== 401 && response.status !== 403) break;
    }
    if (lastStatus === 401 || lastStatus === 403) return { status: 'inactive', reason: `Docker Hub rejected the token for ${identifiers.join(', ')} (HTTP ${lastStatus})` };
    return { status: 'unknown', reason: `unexpected HTTP ${lastStatus} from the login exchange` };
  },
};
