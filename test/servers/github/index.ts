import { githubApiValidator } from './openapi.js';
import { githubPage, startLoopbackServer, type LoopbackServer, type RecordedRequest, type Reply, type Route } from '../http.js';

/** An issue comment as the REST API returns it (the fields Keyward and reviewers use). */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: { login: string; id: number; type: string };
  created_at: string;
  updated_at: string;
}

/** A pull request review as the REST API lists it (the fields Keyward reads). */
export interface PullRequestReview {
  id: number;
  user: { login: string; id: number; type: string };
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at: string;
  author_association: string;
  body: string;
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title?: string;
  message: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  html_url: string;
  output: { title?: string; summary?: string; annotations_count: number };
  annotations: CheckRunAnnotation[];
}

export interface PullRequestFixture {
  number: number;
  baseSha: string;
  headSha: string;
  headRepo?: string;
  files?: { filename: string; status: string; additions: number; deletions: number; patch?: string }[];
}

export interface GitHubFakeOptions {
  owner?: string;
  repo?: string;
  /** The token requests must carry; others get 401 Bad credentials. */
  token?: string;
  /** The bot login comments are posted as. */
  login?: string;
  /**
   * The token is a user's (a PAT): GET /user answers this account and comments are posted as it. Without it the token
   * is an installation token, as the workflow's GITHUB_TOKEN is: GET /user answers 403 "Resource not accessible by
   * integration" and comments are posted as the bot `login`.
   */
  user?: { login: string; id: number };
}

/** Loopback GitHub REST API: issue comments, check runs, pulls, contents, shaped as docs.github.com documents them. */
export interface GitHubFake {
  server: LoopbackServer;
  url: string;
  owner: string;
  repo: string;
  comments: Map<number, IssueComment[]>;
  checkRuns: CheckRun[];
  pulls: Map<number, PullRequestFixture>;
  /** Repository files served by the contents API (e.g. `.github/CODEOWNERS`). */
  contents: Map<string, string>;
  /** Token is read-only (a fork's pull_request): every write answers 403 "Resource not accessible by integration". */
  readOnly: boolean;
  /** A comment by `login` (default: the token's own account); logins ending in `[bot]` are Bot accounts. */
  addComment(issue: number, body: string, login?: string): IssueComment;
  /** Pull request reviews, per pull request number (as GET /pulls/:n/reviews lists them). */
  reviews: Map<number, PullRequestReview[]>;
  /** Team members by `org/team-slug`, for GET /orgs/:org/teams/:team/memberships/:user. */
  teams: Map<string, string[]>;
  /** Requests for one API path regexp, optionally one method. */
  calls(pathPattern: RegExp, method?: string): RecordedRequest[];
  /** Requests GitHub's OpenAPI description does not allow (answered 422); close() fails the test when there are any. */
  violations: string[];
  close(): Promise<void>;
}

const ANNOTATIONS_LIMIT = 50;

function notFound(documentation = 'https://docs.github.com/rest'): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: documentation, status: '404' } };
}

function validationFailed(message: string, documentation: string): Reply {
  return { status: 422, body: { message: 'Validation Failed', errors: [{ message, code: 'invalid' }], documentation_url: documentation, status: '422' } };
}

function forbidden(documentation: string): Reply {
  return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: documentation, status: '403' } };
}

function parseJson(req: RecordedRequest): Record<string, unknown> {
  try {
    return req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Page through `items` as the REST API does: per_page (max 100, default 30), page, and a Link header. */
function paginate<T>(req: RecordedRequest, items: T[], baseUrl: string): Reply {
  const page = githubPage(req, baseUrl, items);
  return { status: 200, headers: page.headers, body: page.items };
}

export async function startGitHubServer(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'app';
  const botLogin = options.login ?? 'github-actions[bot]';
  const login = options.user?.login ?? botLogin;
  const accountIds = new Map<string, number>([[botLogin, 41898282], ...(options.user ? [[options.user.login, options.user.id] as [string, number]] : [])]);
  const accountOf = (name: string) => {
    if (!accountIds.has(name)) accountIds.set(name, 5000 + accountIds.size);
    return { login: name, id: accountIds.get(name)!, type: name.endsWith('[bot]') ? 'Bot' : 'User' };
  };
  const server = await startLoopbackServer();
  const api = server.url;
  let nextId = 1000;
  const fake: GitHubFake = {
    server,
    url: api,
    owner,
    repo,
    comments: new Map(),
    checkRuns: [],
    pulls: new Map(),
    contents: new Map(),
    reviews: new Map(),
    teams: new Map(),
    readOnly: false,
    addComment(issue, body, author = login) {
      const id = nextId++;
      const now = new Date().toISOString();
      const comment: IssueComment = {
        id,
        node_id: `IC_${id}`,
        url: `${api}/repos/${owner}/${repo}/issues/comments/${id}`,
        html_url: `https://github.test/${owner}/${repo}/pull/${issue}#issuecomment-${id}`,
        issue_url: `${api}/repos/${owner}/${repo}/issues/${issue}`,
        body,
        user: accountOf(author),
        created_at: now,
        updated_at: now,
      };
      const list = fake.comments.get(issue) ?? [];
      list.push(comment);
      fake.comments.set(issue, list);
      return comment;
    },
    calls: (pattern, method) => server.requests.filter((r) => pattern.test(r.path) && (!method || r.method === method.toUpperCase())),
    violations: [],
    close: async () => {
      await server.close();
      if (fake.violations.length > 0) throw new Error(`requests that GitHub's OpenAPI description does not allow:\n${fake.violations.join('\n')}`);
    },
  };

  const authorised = (handler: (req: RecordedRequest, params: Record<string, string>) => Reply) => (req: RecordedRequest, params: Record<string, string>): Reply => {
    if (options.token) {
      const header = String(req.headers.authorization ?? '');
      if (header !== `token ${options.token}` && header !== `Bearer ${options.token}`) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
    }
    if (params.owner !== owner || params.repo !== repo) return notFound();
    return handler(req, params);
  };
  const findComment = (id: number): { issue: number; index: number; list: IssueComment[] } | undefined => {
    for (const [issue, list] of fake.comments) {
      const index = list.findIndex((c) => c.id === id);
      if (index >= 0) return { issue, index, list };
    }
    return undefined;
  };
  const commentDocs = 'https://docs.github.com/rest/issues/comments';
  const checkDocs = 'https://docs.github.com/rest/checks/runs';

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/user',
      handler: (req) => {
        if (options.token && String(req.headers.authorization ?? '') !== `token ${options.token}` && String(req.headers.authorization ?? '') !== `Bearer ${options.token}`) return { status: 401, body: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' } };
        if (!options.user) return forbidden('https://docs.github.com/rest/users/users#get-the-authenticated-user');
        return { body: { ...accountOf(options.user.login), node_id: `U_${options.user.id}`, html_url: `https://github.test/${options.user.login}`, site_admin: false } };
      },
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/pulls/:number/reviews',
      handler: authorised((req, p) => paginate(req, fake.reviews.get(Number(p.number)) ?? [], api)),
    },
    {
      method: 'GET',
      path: '/orgs/:org/teams/:team/memberships/:username',
      handler: (_req, p) => {
        const members = fake.teams.get(`${p.org}/${p.team}`);
        if (!members?.some((m) => m.toLowerCase() === String(p.username).toLowerCase())) return notFound('https://docs.github.com/rest/teams/members#get-team-membership-for-a-user');
        return { body: { url: `${api}/teams/1/memberships/${p.username}`, role: 'member', state: 'active' } };
      },
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/issues/:number/comments',
      handler: authorised((req, p) => paginate(req, fake.comments.get(Number(p.number)) ?? [], api)),
    },
    {
      method: 'POST',
      path: '/repos/:owner/:repo/issues/:number/comments',
      handler: authorised((req, p) => {
        if (fake.readOnly) return forbidden(`${commentDocs}#create-an-issue-comment`);
        const body = parseJson(req).body;
        if (typeof body !== 'string' || body === '') return validationFailed('body is missing', `${commentDocs}#create-an-issue-comment`);
        if (body.length > 65536) return validationFailed('Body is too long (maximum is 65536 characters)', `${commentDocs}#create-an-issue-comment`);
        return { status: 201, body: fake.addComment(Number(p.number), body) };
      }),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/issues/comments/:id',
      handler: authorised((_req, p) => {
        const found = findComment(Number(p.id));
        return found ? { body: found.list[found.index] } : notFound(`${commentDocs}#get-an-issue-comment`);
      }),
    },
    {
      method: 'PATCH',
      path: '/repos/:owner/:repo/issues/comments/:id',
      handler: authorised((req, p) => {
        if (fake.readOnly) return forbidden(`${commentDocs}#update-an-issue-comment`);
        const found = findComment(Number(p.id));
        if (!found) return notFound(`${commentDocs}#update-an-issue-comment`);
        const body = parseJson(req).body;
        if (typeof body !== 'string' || body === '') return validationFailed('body is missing', `${commentDocs}#update-an-issue-comment`);
        const comment = found.list[found.index]!;
        comment.body = body;
        comment.updated_at = new Date().toISOString();
        return { body: comment };
      }),
    },
    {
      method: 'DELETE',
      path: '/repos/:owner/:repo/issues/comments/:id',
      handler: authorised((_req, p) => {
        if (fake.readOnly) return forbidden(`${commentDocs}#delete-an-issue-comment`);
        const found = findComment(Number(p.id));
        if (!found) return notFound(`${commentDocs}#delete-an-issue-comment`);
        found.list.splice(found.index, 1);
        return { status: 204 };
      }),
    },
    {
      method: 'POST',
      path: '/repos/:owner/:repo/check-runs',
      handler: authorised((req) => {
        if (fake.readOnly) return forbidden(`${checkDocs}#create-a-check-run`);
        const input = parseJson(req);
        if (typeof input.name !== 'string' || typeof input.head_sha !== 'string') return validationFailed('name and head_sha are required', `${checkDocs}#create-a-check-run`);
        const output = input.output as { title?: string; summary?: string; annotations?: CheckRunAnnotation[] } | undefined;
        if ((output?.annotations?.length ?? 0) > ANNOTATIONS_LIMIT) return validationFailed(`at most ${ANNOTATIONS_LIMIT} annotations per request`, `${checkDocs}#create-a-check-run`);
        if (output && (typeof output.title !== 'string' || typeof output.summary !== 'string')) return validationFailed('output needs title and summary', `${checkDocs}#create-a-check-run`);
        const id = nextId++;
        const run: CheckRun = {
          id,
          name: input.name,
          head_sha: input.head_sha,
          status: typeof input.status === 'string' ? input.status : 'queued',
          conclusion: typeof input.conclusion === 'string' ? input.conclusion : null,
          details_url: typeof input.details_url === 'string' ? input.details_url : undefined,
          html_url: `https://github.test/${owner}/${repo}/runs/${id}`,
          output: { title: output?.title, summary: output?.summary, annotations_count: output?.annotations?.length ?? 0 },
          annotations: [...(output?.annotations ?? [])],
        };
        if (run.status === 'completed' && !run.conclusion) return validationFailed('conclusion is required when status is completed', `${checkDocs}#create-a-check-run`);
        fake.checkRuns.push(run);
        const { annotations: _hidden, ...visible } = run;
        return { status: 201, body: visible };
      }),
    },
    {
      method: 'PATCH',
      path: '/repos/:owner/:repo/check-runs/:id',
      handler: authorised((req, p) => {
        if (fake.readOnly) return forbidden(`${checkDocs}#update-a-check-run`);
        const run = fake.checkRuns.find((r) => r.id === Number(p.id));
        if (!run) return notFound(`${checkDocs}#update-a-check-run`);
        const input = parseJson(req);
        const output = input.output as { title?: string; summary?: string; annotations?: CheckRunAnnotation[] } | undefined;
        if ((output?.annotations?.length ?? 0) > ANNOTATIONS_LIMIT) return validationFailed(`at most ${ANNOTATIONS_LIMIT} annotations per request`, `${checkDocs}#update-a-check-run`);
        if (output && (typeof output.title !== 'string' || typeof output.summary !== 'string')) return validationFailed('output needs title and summary', `${checkDocs}#update-a-check-run`);
        if (typeof input.status === 'string') run.status = input.status;
        if (typeof input.conclusion === 'string') {
          run.conclusion = input.conclusion;
          run.status = 'completed';
        }
        if (output) {
          // Annotations accumulate across updates; title and summary are replaced.
          run.annotations.push(...(output.annotations ?? []));
          run.output = { title: output.title, summary: output.summary, annotations_count: run.annotations.length };
        }
        const { annotations: _hidden, ...visible } = run;
        return { body: visible };
      }),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/check-runs/:id/annotations',
      handler: authorised((req, p) => {
        const run = fake.checkRuns.find((r) => r.id === Number(p.id));
        return run ? paginate(req, run.annotations, api) : notFound(`${checkDocs}#list-check-run-annotations`);
      }),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/pulls/:number',
      handler: authorised((_req, p) => {
        const pull = fake.pulls.get(Number(p.number));
        if (!pull) return notFound('https://docs.github.com/rest/pulls/pulls#get-a-pull-request');
        const headRepo = pull.headRepo ?? `${owner}/${repo}`;
        return {
          body: {
            number: pull.number,
            state: 'open',
            html_url: `https://github.test/${owner}/${repo}/pull/${pull.number}`,
            base: { sha: pull.baseSha, ref: 'main', repo: { full_name: `${owner}/${repo}`, fork: false } },
            head: { sha: pull.headSha, ref: 'feature', repo: { full_name: headRepo, fork: headRepo !== `${owner}/${repo}` } },
          },
        };
      }),
    },
    {
      method: 'GET',
      path: '/repos/:owner/:repo/pulls/:number/files',
      handler: authorised((req, p) => {
        const pull = fake.pulls.get(Number(p.number));
        return pull ? paginate(req, pull.files ?? [], api) : notFound('https://docs.github.com/rest/pulls/pulls#list-pull-requests-files');
      }),
    },
  ];
  // The contents API takes a slash-separated path; the route table matches one segment per `:name`.
  for (let depth = 1; depth <= 4; depth++) {
    const segments = Array.from({ length: depth }, (_, i) => `:p${i}`);
    routes.push({
      method: 'GET',
      path: `/repos/:owner/:repo/contents/${segments.join('/')}`,
      handler: authorised((_req, p) => {
        const path = segments.map((s) => decodeURIComponent(p[s.slice(1)]!)).join('/');
        const content = fake.contents.get(path);
        if (content === undefined) return notFound('https://docs.github.com/rest/repos/contents#get-repository-content');
        const encoded = Buffer.from(content).toString('base64');
        return { body: { type: 'file', encoding: 'base64', size: Buffer.byteLength(content), name: path.split('/').pop(), path, sha: 'f'.repeat(40), content: encoded.replace(/(.{60})/g, '$1\n') } };
      }),
    });
  }
  server.addRoutes(routes.map((route) => ({ ...route, handler: validated(route.handler, fake.violations) })));
  return fake;
}

/** Every request is checked against api.github.com's OpenAPI description before the fake answers it. */
function validated(handler: Route['handler'], violations: string[]): Route['handler'] {
  return (req, params) => {
    const problems = githubApiValidator().problems(req);
    if (problems.length === 0) return handler(req, params);
    violations.push(...problems);
    return { status: 422, body: { message: 'Validation Failed', errors: problems, documentation_url: 'https://docs.github.com/rest' } };
  };
}
