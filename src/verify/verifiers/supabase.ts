import { identityEndpoint, textAt } from './answer.js';

/** The organizations of the projects a Supabase personal access token can list. */
function organizationsOf(json: unknown): string | undefined {
  if (!Array.isArray(json)) return undefined;
  const organizations = [...new Set(json.map((project) => textAt(project, 'organization_id')).filter((id): id is string => Boolean(id)))];
  if (!organizations.length) return undefined;
  const shown = organizations.slice(0, 3).join(', ');
  return `organization${organizations.length > 1 ? 's' : ''} ${shown}${organizations.length > 3 ? ', ...' : ''}`;
}

/** Supabase personal access tokens: the Management API's `GET /v1/projects` lists the projects the token reaches. */
export const supabase = identityEndpoint({
  id: 'supabase',
  rules: ['supabase-access-token'],
  baseUrl: 'https://api.supabase.com',
  ratePerSecond: 3,
  path: '/v1/projects',
  headers: (secret) => ({ authorization: `Bearer ${secret}` }),
  read: ({ json }) => ({ identity: organizationsOf(json) }),
});
