import { afterEach } from 'vitest';
import { startLoopbackServer, type LoopbackServer, type Route } from '../servers/http.js';
import { createVerifyHttp } from '../../src/verify/http.js';
import { settle } from '../../src/verify/settle.js';
import type { Credential, Outcome, Verifier } from '../../src/verify/types.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A loopback server speaking `routes`, closed after the test. */
export async function providerServer(routes: Route[]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(routes);
  servers.push(server);
  return server;
}

export function credential(ruleId: string, secret: string, context = '', companions: Credential['companions'] = []): Credential {
  return { ruleId, secret, context: context || secret, companions };
}

/** Runs `verifier` against `server` (its base URL standing in for the provider's) as the verify stage would. */
export function verifyAgainst(verifier: Verifier, server: LoopbackServer, cred: Credential, timeoutMs = 2000): Promise<Outcome> {
  return settle(verifier, cred, createVerifyHttp(server.url, timeoutMs));
}

/**
 * The cases every verifier must settle as `unknown` with a reason: rate limited, provider error, timeout. `routes`
 * are the verifier's success routes; the faults are injected ahead of them.
 */
export async function expectUnknownOnFaults(verifier: Verifier, routes: Route[], cred: Credential): Promise<void> {
  const { expect } = await import('vitest');
  for (const status of [429, 503]) {
    const server = await providerServer(routes);
    server.injectFault({ pathPattern: /.*/, times: Number.MAX_SAFE_INTEGER, reply: { status, body: { message: 'slow down' } } });
    const outcome = await verifyAgainst(verifier, server, cred);
    expect(outcome.status).toBe('unknown');
    expect(outcome.reason).toMatch(status === 429 ? /rate limited/ : /HTTP 503/);
  }
  const hanging = await startHangingServer();
  const outcome = await settle(verifier, cred, createVerifyHttp(hanging.url, 300));
  await hanging.close();
  expect(outcome).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/timed out/) });
}

async function startHangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:net');
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as import('node:net').AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
