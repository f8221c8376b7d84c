import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { startGoogleFake, type GoogleFake } from '../servers/google.js';
import { startOidcFake, type OidcFake } from '../servers/oidc.js';
import { startVaultFake, type VaultFake } from '../servers/vault.js';
import { runAction } from '../action/harness.js';
import { maskResponseSecrets } from '../../src/credentials/http.js';

const SA = 'deployer@my-project-1.iam.gserviceaccount.com';

/** The log without the runner's own mask commands: what would be shown in the job log. */
const shown = (log: string) =>
  log
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');

/** A token only the fault body holds, and whether the Action masked it before any other line could print it. */
function maskedBeforeShown(log: string, token: string): boolean {
  const lines = log.split(/\r?\n/);
  const mask = lines.indexOf(`::add-mask::${token}`);
  const use = lines.findIndex((line) => !line.startsWith('::add-mask::') && line.includes(token));
  return mask !== -1 && use === -1;
}

describe('hostile credential answers: a 200 in an unexpected shape never prints a minted token', () => {
  let oidc: OidcFake;
  let google: GoogleFake;
  let vault: VaultFake;
  beforeAll(async () => {
    oidc = await startOidcFake();
    google = await startGoogleFake(oidc);
    google.serviceAccounts.push(SA);
    vault = await startVaultFake(oidc);
  });
  afterAll(async () => {
    await Promise.all([oidc.close(), google.close(), vault.close()]);
  });

  const gcpInputs = () => ({ mode: 'tree', 'gcp-workload-identity-provider': google.provider, 'gcp-service-account': SA, 'gcp-sts-endpoint': google.url, 'gcp-iam-credentials-endpoint': google.url });
  const shapes: [string, (token: string) => unknown][] = [
    ['a nested token object', (token) => ({ token: { accessToken: token }, expireTime: '2030-01-01T00:00:00Z' })],
    ['access_token instead of accessToken', (token) => ({ access_token: token, expires_in: 3600 })],
    ['accessToken without expireTime', (token) => ({ accessToken: token })],
    ['a list of credentials', (token) => ({ credentials: [{ id_token: token }, { SessionToken: token }] })],
  ];
  for (const [name, body] of shapes) {
    it(`GCP generateAccessToken answering 200 with ${name}`, async () => {
      const token = `ya29.${randomFrom(ALNUM, 120)}`;
      google.server.injectFault({ method: 'POST', pathPattern: /generateAccessToken/, times: 1, reply: { status: 200, body: body(token) } });
      const workspace = mkdtempSync(join(tmpdir(), 'keyward-hostile-cred-'));
      const run = await runAction({ workspace, eventName: 'workflow_dispatch', inputs: gcpInputs(), env: oidc.env });
      expect(run.code, run.log).toBe(1);
      expect(run.log).toContain('generateAccessToken');
      expect(run.log).toContain('body not shown');
      expect(maskedBeforeShown(run.log, token), run.log).toBe(true);
      expect(shown(run.log)).not.toContain(token);
      expect(run.summary).not.toContain(token);
    });
  }

  it('GCP generateAccessToken answering 200 with a text body: quoted by status only', async () => {
    const token = `ya29.${randomFrom(ALNUM, 120)}`;
    google.server.injectFault({ method: 'POST', pathPattern: /generateAccessToken/, times: 1, reply: { status: 200, body: `ok ${token}` } });
    const workspace = mkdtempSync(join(tmpdir(), 'keyward-hostile-cred-'));
    const run = await runAction({ workspace, eventName: 'workflow_dispatch', inputs: gcpInputs(), env: oidc.env });
    expect(run.code, run.log).toBe(1);
    expect(shown(run.log)).not.toContain(token);
  });

  it('Vault login answering 200 with the token in an unexpected place', async () => {
    vault.roles.ci = { boundAudience: 'https://github.com/octo-org', boundSubject: 'repo:octo-org/*', ttl: 600, policies: [] };
    const token = `hvs.${randomFrom(ALNUM, 90)}`;
    vault.server.injectFault({ method: 'POST', pathPattern: /\/login$/, times: 1, reply: { status: 200, body: { data: { client_token: token } } } });
    const workspace = mkdtempSync(join(tmpdir(), 'keyward-hostile-cred-'));
    const run = await runAction({ workspace, eventName: 'workflow_dispatch', inputs: { mode: 'tree', 'vault-url': vault.url, 'vault-role': 'ci', 'vault-audience': 'https://github.com/octo-org' }, env: oidc.env });
    expect(run.code, run.log).toBe(1);
    expect(maskedBeforeShown(run.log, token), run.log).toBe(true);
    expect(shown(run.log)).not.toContain(token);
  });
});

describe('maskResponseSecrets: what counts as a credential in a response body', () => {
  const masked = (text: string) => {
    const values: string[] = [];
    maskResponseSecrets({ setSecret: (value) => values.push(value) }, text);
    return values;
  };

  it('masks token-shaped fields at any depth, in JSON, XML and form bodies, and leaves descriptive fields alone', () => {
    const token = randomFrom(ALNUM, 40);
    expect(masked(JSON.stringify({ a: { b: [{ client_token: token }] }, token_type: 'Bearer', expires_in: 3600 }))).toEqual([token]);
    expect(masked(`<AssumeRoleWithWebIdentityResult><Credentials><SessionToken>${token}</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials></AssumeRoleWithWebIdentityResult>`)).toEqual([token]);
    expect(masked(`access_token=${token}&token_type=bearer&scope=repo`)).toEqual([token]);
    expect(masked(JSON.stringify({ token: { accessToken: token, expireTime: '2030-01-01T00:00:00Z' } }))).toEqual([token]);
    expect(masked(JSON.stringify({ password: 'short' }))).toEqual([]);
  });
});
