import { githubPage, startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply, type Route } from './http.js';

/** What a token may do: an org token sees everything, a repo token everything but organization data, a workflow token no secrets. */
export type TokenKind = 'org' | 'repo' | 'workflow';

export interface FakeSecret {
  name: string;
  created_at: string;
  updated_at: string;
  /** Organization secrets only. */
  visibility?: 'all' | 'private' | 'selected';
}

export interface GovernanceFakeOptions {
  owner?: string;
  repo?: string;
  ownerType?: 'Organization' | 'User';
  /** Bearer tokens the server accepts and what each may do; others get 401 Bad credentials. */
  tokens?: Record<string, TokenKind>;
}

/** Loopback GitHub REST routes for the secrets audit, shaped as docs.github.com documents them. */
export interface GovernanceFake {
  server: LoopbackServer;
  url: string;
  owner: string;
  repo: string;
  repoSecrets: FakeSecret[];
  /** Environment name → its secrets. */
  environments: Map<string, FakeSecret[]>;
  orgSecrets: FakeSecret[];
  members: Set<string>;
  collaborators: Set<string>;
  /** Team slugs of the organization. */
  teams: Set<string>;
  /** Repository files served by the contents API. */
  contents: Map<string, string>;
  calls(pathPattern: RegExp, method?: string): RecordedRequest[];
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

function forbidden(message: string, documentation: string): Reply {
  return { status: 403, body: { message, documentation_url: documentation, status: '403' } };
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

/** A page of a `{ total_count, <key>: [...] }` list with the Link header GitHub sends (per_page ≤ 100, default 30). */
function page<T>(req: RecordedRequest, baseUrl: string, key: string, items: T[]): Reply {
  const slice = githubPage(req, baseUrl, items);
  return { status: 200, headers: slice.headers, body: { total_count: items.length, [key]: slice.items } };
}

export async function startGovernanceServer(options: GovernanceFakeOptions = {}): Promise<GovernanceFake> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'app';
  const tokens = options.tokens ?? { 'org-token': 'org' };
  const server = await startLoopbackServer();
  const fake: GovernanceFake = {
    server,
    url: server.url,
    owner,
    repo,
    repoSecrets: [],
    environments: new Map(),
    orgSecrets: [],
    members: new Set(),
    collaborators: new Set(),
    teams: new Set(),
    contents: new Map(),
    calls: (pattern, method) => server.requests.filter((r) => pattern.test(r.path) && (!method || r.method === method.toUpperCase())),
    close: () => server.close(),
  };

  type Guarded = (req: RecordedRequest, params: Record<string, string>, kind: TokenKind) => Reply;
  const guard = (handler: Guarded) => (req: RecordedRequest, params: Record<string, string>): Reply => {
    const header = String(req.headers.authorization ?? '');
    const token = header.replace(/^(token|Bearer)\s+/i, '');
    const kind = tokens[token];
    if (!kind) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
    if (params.owner !== undefined && (params.owner !== owner || params.repo !== repo)) return notFound();
    if (params.org !== undefined && params.org !== owner) return notFound();
    return handler(req, params, kind);
  };
  const noSecrets = (kind: TokenKind, doc: string) => (kind === 'workflow' ? forbidden('Resource not accessible by integration', doc) : undefined);

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/repos/:owner/:repo',
      handler: guard(() => ({ body: { id: 1, name: repo, full_name: `${owner}/${repo}`, private: true, owner: { login: owner, type: options.ownerType ?? 'Organization' } } })),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/actions/secrets',
      handler: guard((req, _p, kind) => noSecrets(kind, `${DOCS}/actions/secrets#list-repository-secrets`) ?? page(req, server.url, 'secrets', fake.repoSecrets)),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/environments',
      handler: guard((req) =>
        page(
          req,
          server.url,
          'environments',
          [...fake.environments.keys()].map((name, i) => ({ id: i + 1, node_id: `EN_${i}`, name, url: `${server.url}/repos/${owner}/${repo}/environments/${encodeURIComponent(name)}`, created_at: '2025-01-01T00:00:00Z', updated_at: '2025-01-01T00:00:00Z' })),
        ),
      ),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/environments/:environment/secrets',
      handler: guard((req, params, kind) => {
        const secrets = fake.environments.get(decodeURIComponent(params.environment ?? ''));
        if (!secrets) return notFound();
        return noSecrets(kind, `${DOCS}/actions/secrets#list-environment-secrets`) ?? page(req, server.url, 'secrets', secrets);
      }),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/actions/organization-secrets',
      handler: guard((req, _p, kind) =>
        kind !== 'org' ? forbidden('Resource not accessible by personal access token', `${DOCS}/actions/secrets#list-repository-organization-secrets`) : page(req, server.url, 'secrets', fake.orgSecrets),
      ),
    },
    {
      method: 'GET',
      path: '/orgs/:org/members/:username',
      handler: guard((_req, params, kind) => {
        if (kind !== 'org') return forbidden('Resource not accessible by personal access token', `${DOCS}/orgs/members#check-organization-membership-for-a-user`);
        return fake.members.has(params.username ?? '') ? { status: 204 } : { status: 404, body: { message: 'User does not exist or is not a member of the organization', documentation_url: DOCS, status: '404' } };
      }),
    },
    {
      method: 'GET',
      path: '/orgs/:org/teams/:slug',
      handler: guard((_req, params) => (fake.teams.has(params.slug ?? '') ? { body: { id: 7, slug: params.slug, name: params.slug } } : notFound())),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/collaborators/:username',
      handler: guard((_req, params) => (fake.collaborators.has(params.username ?? '') ? { status: 204 } : notFound())),
    },
  ];
  server.addRoutes(routes);
  // Contents: any depth of path under /contents/.
  for (let depth = 1; depth <= 6; depth++) {
    const segments = Array.from({ length: depth }, (_, i) => `:p${i}`);
    server.addRoutes([
      {
        method: 'GET',
        path: `/repos/:owner/:repo/contents/${segments.join('/')}`,
        handler: guard((_req, params) => {
          // Octokit sends `{path}` with its slashes percent-encoded; GitHub accepts both forms.
          const path = decodeURIComponent(segments.map((s) => params[s.slice(1)]).join('/'));
          const text = fake.contents.get(path);
          if (text !== undefined) {
            return { body: { type: 'file', encoding: 'base64', name: path.split('/').pop(), path, size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') } };
          }
          const children = new Map<string, 'file' | 'dir'>();
          for (const key of fake.contents.keys()) {
            if (!key.startsWith(`${path}/`)) continue;
            const [name, ...rest] = key.slice(path.length + 1).split('/');
            if (name) children.set(name, rest.length > 0 ? 'dir' : 'file');
          }
          if (children.size === 0) return notFound();
          return { body: [...children].sort().map(([name, type]) => ({ type, name, path: `${path}/${name}`, size: type === 'file' ? Buffer.byteLength(fake.contents.get(`${path}/${name}`) ?? '') : 0 })) };
        }),
      },
    ]);
  }
  return fake;
}
