import { expect, it } from 'vitest';
import type { Outcome, Verifier } from '../../src/verify/types.js';
import type { Route } from '../servers/http.js';
import { credential, expectUnknownOnFaults, providerServer, verifyAgainst } from './harness.js';
import { expectSecretOnlyIn, type Placement } from './placement.js';

export interface IdentityCases {
  verifier: Verifier;
  ruleId: string;
  /** A secret the fake accepts, and one it rejects as the provider rejects a revoked credential. */
  live: string;
  revoked: string;
  /** The fake's routes, answering as the provider's API reference documents. */
  routes: Route[];
  active: Outcome;
  inactive: Outcome;
  placement: Placement;
  method?: string;
  context?: string;
}

/** The cases every identity verifier must pass: active with identity, inactive, the secret's one place, and faults. */
export function itSettlesIdentity(cases: IdentityCases): void {
  const cred = (secret: string) => credential(cases.ruleId, secret, cases.context ? `${cases.context}\n${secret}` : secret);
  it(`settles a live credential as active, the secret sent only in its documented ${JSON.stringify(cases.placement)}`, async () => {
    const server = await providerServer(cases.routes);
    expect(await verifyAgainst(cases.verifier, server, cred(cases.live))).toEqual(cases.active);
    expectSecretOnlyIn(server.requests, cases.live, cases.placement);
    for (const request of server.requests) expect(request.method).toBe(cases.method ?? 'GET');
  });

  it(`settles a revoked credential as ${cases.inactive.status}`, async () => {
    const server = await providerServer(cases.routes);
    expect(await verifyAgainst(cases.verifier, server, cred(cases.revoked))).toEqual(cases.inactive);
  });

  it('settles rate limits, provider errors and timeouts as unknown', async () => {
    await expectUnknownOnFaults(cases.verifier, cases.routes, cred(cases.live));
  });
}
