import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startConnectProxy } from '../servers/connect-proxy.js';
import { startGitHubServer } from '../servers/github/index.js';
import { startOidcFake } from '../servers/oidc.js';
import { startStsFake } from '../servers/aws-sts.js';
import { startVaultFake } from '../servers/vault.js';
import { ACTION_TOKEN, runAction } from './harness.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The same loopback server under a name only the proxy resolves (it tunnels every name to 127.0.0.1). */
const named = (url: string, host: string) => url.replace('127.0.0.1', host);

async function servers() {
  const proxy = await startConnectProxy();
  const github = await startGitHubServer({ token: ACTION_TOKEN });
  const oidc = await startOidcFake();
  const sts = await startStsFake(oidc);
  const vault = await startVaultFake(oidc);
  vault.roles.ci = { boundAudience: 'https://github.com/octo-org', boundSubject: 'repo:octo-org/*', ttl: 600, policies: ['ci-read'] };
  closers.push(proxy.close, github.close, oidc.close, sts.close, vault.close);
  const workspace = join(mkdtempSync(join(tmpdir(), 'keyward-proxy-')), 'workspace');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(join(workspace, 'app.ts'), 'export const ok = true;\n');
  return { proxy, github, oidc, sts, vault, workspace };
}

const port = (url: string) => new URL(url).port;

describe('behind an HTTP proxy (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)', () => {
  it('tunnels the GitHub API, the OIDC token request, STS and Vault through the proxy', async () => {
    const { proxy, github, oidc, sts, vault, workspace } = await servers();
    const run = await runAction({
      workspace,
      eventName: 'push',
      apiUrl: named(github.url, 'api.github.test'),
      inputs: { mode: 'tree', 'check-run': 'always', 'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'eu-west-1', 'aws-sts-endpoint': named(sts.url, 'sts.aws.test'), 'vault-url': named(vault.url, 'vault.test'), 'vault-role': 'ci', 'vault-audience': 'https://github.com/octo-org' },
      env: { ...oidc.env, ACTIONS_ID_TOKEN_REQUEST_URL: named(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL!, 'token.actions.test'), HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url },
    });
    expect(run.code, run.log).toBe(0);
    expect(sts.issued).toHaveLength(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(new Set(proxy.tunnels)).toEqual(new Set([`api.github.test:${port(github.url)}`, `token.actions.test:${port(oidc.server.url)}`, `sts.aws.test:${port(sts.url)}`, `vault.test:${port(vault.url)}`]));
    expect(proxy.refused).toEqual([]);
  });

  it('goes direct to the hosts NO_PROXY names', async () => {
    const { proxy, github, oidc, sts, workspace } = await servers();
    const run = await runAction({
      workspace,
      eventName: 'push',
      apiUrl: github.url,
      inputs: { mode: 'tree', 'check-run': 'always', 'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'eu-west-1', 'aws-sts-endpoint': sts.url },
      env: { ...oidc.env, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1,localhost' },
    });
    expect(run.code, run.log).toBe(0);
    expect(sts.issued).toHaveLength(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(proxy.tunnels).toEqual([]);
  });
});
