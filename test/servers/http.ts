import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the loopback server saw it, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and Buffers as they are. */
  body?: unknown;
}

export type Handler = (req: RecordedRequest, params: Record<string, string>) => Reply | Promise<Reply>;

export interface Route {
  method: string;
  /** Path template with `:name` segments, e.g. `/repos/:owner/:repo/issues/:number/comments`. */
  path: string;
  handler: Handler;
}

/** A fault injected ahead of the real handler: the next `times` matching requests get `reply` instead. */
export interface Fault {
  method?: string;
  /** Regular expression tested against the request path. */
  pathPattern: RegExp;
  times: number;
  reply: Reply;
}

export interface LoopbackServer {
  url: string;
  requests: RecordedRequest[];
  addRoutes(routes: Route[]): void;
  injectFault(fault: Fault): void;
  close(): Promise<void>;
}

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

function send(res: ServerResponse, reply: Reply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...(reply.headers ?? {}) };
  let payload: string | Buffer = '';
  if (reply.body === undefined || reply.body === null) payload = '';
  else if (typeof reply.body === 'string' || Buffer.isBuffer(reply.body)) payload = reply.body;
  else {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(status, headers);
  res.end(payload);
}

/**
 * A real HTTP server on 127.0.0.1 with a route table, a request log and fault injection. The provider fakes
 * (GitHub REST, OIDC, STS, ...) are route lists built on it.
 */
export async function startLoopbackServer(initialRoutes: Route[] = []): Promise<LoopbackServer> {
  const routes: { method: string; pattern: RegExp; handler: Handler }[] = [];
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const addRoutes = (list: Route[]) => {
    for (const route of list) routes.push({ method: route.method.toUpperCase(), pattern: compile(route.path), handler: route.handler });
  };
  addRoutes(initialRoutes);

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: (req.method ?? 'GET').toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const fault = faults.find((f) => f.times > 0 && (!f.method || f.method.toUpperCase() === recorded.method) && f.pathPattern.test(recorded.path));
      if (fault) {
        fault.times -= 1;
        send(res, fault.reply);
        return;
      }
      for (const route of routes) {
        if (route.method !== recorded.method) continue;
        const match = route.pattern.exec(recorded.path);
        if (!match) continue;
        Promise.resolve()
          .then(() => route.handler(recorded, { ...(match.groups ?? {}) }))
          .then((reply) => send(res, reply))
          .catch((error: unknown) => send(res, { status: 500, body: { message: String(error) } }));
        return;
      }
      send(res, { status: 404, body: { message: 'Not Found', path: recorded.path } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    addRoutes,
    injectFault: (fault) => faults.push({ ...fault }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** One page of `items` as GitHub's REST API pages lists: per_page (1–100, default 30), page, and the Link header. */
export function githubPage<T>(req: RecordedRequest, baseUrl: string, items: T[]): { headers: Record<string, string>; items: T[] } {
  const perPage = Math.min(Math.max(Number(req.query.get('per_page') ?? 30) || 30, 1), 100);
  const current = Math.max(Number(req.query.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (p: number, rel: string) => {
    const query = new URLSearchParams(req.query);
    query.set('per_page', String(perPage));
    query.set('page', String(p));
    return `<${baseUrl}${req.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (current > 1) links.push(link(current - 1, 'prev'), link(1, 'first'));
  if (current < last) links.push(link(current + 1, 'next'), link(last, 'last'));
  return { headers: links.length ? { link: links.join(', ') } : {}, items: items.slice((current - 1) * perPage, current * perPage) };
}
