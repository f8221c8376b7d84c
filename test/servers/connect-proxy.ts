import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A loopback HTTP proxy that speaks CONNECT, as corporate proxies do. It records the host:port each tunnel asked for
 * and always connects to 127.0.0.1 at that port: a test can give a server a name that only resolves through the proxy
 * (sts.aws.test), which proves the request went through it, and no traffic ever leaves loopback.
 */
export interface ConnectProxy {
  url: string;
  /** host:port of every CONNECT, in order. */
  tunnels: string[];
  /** Plain (absolute-form) requests, refused: clients here must tunnel. */
  refused: string[];
  close(): Promise<void>;
}

function tunnel(req: IncomingMessage, client: Socket, head: Buffer, tunnels: string[]): void {
  const target = req.url ?? '';
  tunnels.push(target);
  const port = Number(/:(\d+)$/.exec(target)?.[1]);
  if (!Number.isInteger(port) || port <= 0) {
    client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    return;
  }
  const upstream = connect(port, '127.0.0.1', () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const drop = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on('error', drop);
  client.on('error', drop);
}

export async function startConnectProxy(): Promise<ConnectProxy> {
  const tunnels: string[] = [];
  const refused: string[] = [];
  const server = createServer((req, res) => {
    refused.push(req.url ?? '');
    res.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels (CONNECT)');
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => tunnel(req, client, head, tunnels));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    tunnels,
    refused,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
