import type { Outcome, Verifier } from '../types.js';
import { identityOf, text } from './shared.js';

/** A read-only GraphQL query: who the key belongs to. */
const VIEWER_QUERY = JSON.stringify({ query: 'query KeywardVerify { viewer { id name email } }' });

function isAuthenticationError(json: unknown): boolean {
  const errors = (json as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return false;
  return errors.some((error) => /authenticat/i.test(`${text(error, 'extensions', 'type') ?? ''} ${text(error, 'extensions', 'code') ?? ''} ${text(error, 'message') ?? ''}`));
}

/**
 * Linear personal API keys: a GraphQL query (`viewer { id name email }`, read-only) posted to `/graphql` with the
 * key as the Authorization header, without a Bearer prefix as Linear's docs give it for personal keys. Linear
 * answers an authentication error for a revoked key, either as 401 or inside a GraphQL `errors` list.
 */
export const linearVerifier: Verifier = {
  id: 'linear',
  rules: ['linear-api-key'],
  baseUrl: 'https://api.linear.app',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/graphql', { method: 'POST', headers: { authorization: secret, 'content-type': 'application/json' }, body: VIEWER_QUERY });
    if (response.status === 401 || response.status === 403 || isAuthenticationError(response.json)) return { status: 'inactive', reason: `Linear: authentication failed (HTTP ${response.status})` };
    const viewer = (response.json as { data?: { viewer?: unknown } } | undefined)?.data?.viewer;
    if (response.status !== 200 || !viewer) return { status: 'unknown', reason: `unexpected HTTP ${response.status} from the GraphQL API` };
    return { status: 'active', identity: identityOf(text(viewer, 'name'), text(viewer, 'email')) };
  },
};
