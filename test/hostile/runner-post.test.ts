import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';
import { NODE } from '../action/harness.js';
import { startLoopbackServer, type LoopbackServer } from '../servers/http.js';
import { startOidcFake, type OidcFake } from '../servers/oidc.js';
import { startVaultFake, type VaultFake } from '../servers/vault.js';

/** Runs dist/post/index.js as the runner does: STATE_<name> from the (possibly injected) saved state, INPUT_<name>. */
function runPost(options: { runnerTemp: string; workspace: string; state: Record<string, string>; inputs?: Record<string, string> }): Promise<{ code: number | null; log: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_TEMP: options.runnerTemp, GITHUB_WORKSPACE: options.workspace };
  for (const [name, value] of Object.entries(options.state)) env[`STATE_${name}`] = value;
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value;
  return new Promise((done) => {
    const child = spawn(NODE, [resolve('dist/post/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('close', (code) => done({ code, log }));
  });
}

/** A runner: RUNNER_TEMP and a workspace, plus files elsewhere on the machine that nothing may read, POST or delete. */
function machine() {
  const root = mkdtempSync(join(tmpdir(), 'keyward-hostile-post-'));
  const runnerTemp = join(root, 'runner-temp');
  const workspace = join(root, 'workspace');
  const elsewhere = join(root, 'home');
  for (const dir of [runnerTemp, workspace, elsewhere]) mkdirSync(dir, { recursive: true });
  const runnerSecret = randomFrom(ALNUM, 48);
  const secretFile = join(elsewhere, 'runner-credentials');
  writeFileSync(secretFile, runnerSecret);
  const victimDir = join(elsewhere, 'keyward-credentials-AbC123');
  mkdirSync(victimDir, { mode: 0o700 });
  writeFileSync(join(victimDir, 'vault-token'), 'keep me');
  const victimJson = join(elsewhere, 'keyward-credentials.json');
  writeFileSync(victimJson, JSON.stringify({ kind: 'keyward-credentials', version: 1, issued: [] }));
  const victimEvidence = join(elsewhere, 'keyward-evidence.json');
  writeFileSync(victimEvidence, JSON.stringify({ kind: 'keyward-evidence', credentials: [] }));
  return { root, runnerTemp, workspace, elsewhere, runnerSecret, secretFile, victimDir, victimJson, victimEvidence };
}

/** No line of the log is a runner command but the ones the post step issues itself (warnings, masks, outputs). */
function injectedCommands(log: string): string[] {
  return log.split(/\r?\n/).filter((line) => line.startsWith('::') && !/^::(warning|add-mask|debug)::/.test(line));
}

describe('hostile saved state: the post step acts only on what it derives itself', () => {
  let oidc: OidcFake;
  let vault: VaultFake;
  let attacker: LoopbackServer;
  beforeAll(async () => {
    oidc = await startOidcFake();
    vault = await startVaultFake(oidc);
    attacker = await startLoopbackServer();
  });
  afterAll(async () => {
    await Promise.all([vault.close(), oidc.close(), attacker.close()]);
  });

  it('an injected ::save-state cannot make it read a runner file, POST it to another URL, or delete and rewrite files elsewhere', async () => {
    const m = machine();
    const state = {
      'keyward-credentials': JSON.stringify({
        dir: m.victimDir,
        files: [m.secretFile, join(m.victimDir, 'vault-token'), join(m.runnerTemp, 'keyward-credentials-AbC123', '..', '..', 'home', 'runner-credentials')],
        vaultTokens: [
          { url: attacker.url, tokenFile: m.secretFile, identity: 'ci\n::error::injected' },
          { url: vault.url, tokenFile: m.secretFile, identity: 'ci' },
        ],
        issued: [{ cloud: 'vault', identity: 'ci', revokedAt: '2020-01-01T00:00:00Z' }],
        evidenceFile: m.victimJson,
      }),
      'keyward-evidence': m.victimEvidence,
    };
    const before = Object.fromEntries([m.secretFile, m.victimJson, m.victimEvidence, join(m.victimDir, 'vault-token')].map((f) => [f, readFileSync(f, 'utf8')]));
    const post = await runPost({ runnerTemp: m.runnerTemp, workspace: m.workspace, state, inputs: { 'vault-url': vault.url, 'vault-role': 'ci' } });
    expect(post.code, post.log).toBe(0);
    expect(attacker.requests).toHaveLength(0);
    expect(vault.server.requests).toHaveLength(0);
    for (const [file, text] of Object.entries(before)) expect(readFileSync(file, 'utf8'), file).toBe(text);
    expect(existsSync(m.victimDir)).toBe(true);
    expect(post.log).not.toContain(m.runnerSecret);
    expect(post.log).toContain('not in this run\'s credential directory');
    expect(post.log).toContain('its URL is not the vault-url input');
    expect(post.log).toContain('its token file is not one this run wrote');
    expect(injectedCommands(post.log)).toEqual([]);
  });

  it('a credential directory under RUNNER_TEMP that is a link to elsewhere is not followed', async () => {
    const m = machine();
    const linked = join(m.runnerTemp, 'keyward-credentials-XyZ789');
    symlinkSync(m.victimDir, linked);
    const state = { 'keyward-credentials': JSON.stringify({ dir: linked, files: [join(linked, 'vault-token')], vaultTokens: [{ url: vault.url, tokenFile: join(linked, 'vault-token'), identity: 'ci' }], issued: [] }) };
    const post = await runPost({ runnerTemp: m.runnerTemp, workspace: m.workspace, state, inputs: { 'vault-url': vault.url, 'vault-role': 'ci' } });
    expect(post.code, post.log).toBe(0);
    expect(vault.server.requests).toHaveLength(0);
    expect(readFileSync(join(m.victimDir, 'vault-token'), 'utf8')).toBe('keep me');
    expect(post.log).toContain('not a directory this run made under RUNNER_TEMP');
  });

  it('still revokes and deletes what the swap did write, at the vault-url the inputs name', async () => {
    const m = machine();
    const dir = mkdtempSync(join(m.runnerTemp, 'keyward-credentials-'));
    const token = `hvs.${randomFrom(ALNUM, 90)}`;
    vault.tokens.set(token, { ttl: 600, revoked: false });
    writeFileSync(join(dir, 'vault-token'), token, { mode: 0o600 });
    const issued = [{ cloud: 'vault', identity: 'ci', issuedAt: new Date().toISOString(), expiresAt: new Date().toISOString(), durationSeconds: 600, outputs: [], oidc: { sub: 's', aud: 'a', iss: 'i' } }];
    const state = { 'keyward-credentials': JSON.stringify({ dir, files: [join(dir, 'vault-token')], vaultTokens: [{ url: `${vault.url}/`, tokenFile: join(dir, 'vault-token'), identity: 'ci' }], issued }) };
    const post = await runPost({ runnerTemp: m.runnerTemp, workspace: m.workspace, state, inputs: { 'vault-url': vault.url, 'vault-role': 'ci' } });
    expect(post.code, post.log).toBe(0);
    expect(vault.tokens.get(token)?.revoked).toBe(true);
    expect(existsSync(dir)).toBe(false);
    expect(post.log).not.toMatch(/::warning::/);
  });

  it('records a real revocation only in the evidence file the inputs name, not in one an injected state names', async () => {
    const m = machine();
    const dir = mkdtempSync(join(m.runnerTemp, 'keyward-credentials-'));
    const token = `hvs.${randomFrom(ALNUM, 90)}`;
    vault.tokens.set(token, { ttl: 600, revoked: false });
    writeFileSync(join(dir, 'vault-token'), token, { mode: 0o600 });
    const issued = [{ cloud: 'vault', identity: 'ci', issuedAt: new Date().toISOString(), expiresAt: new Date().toISOString(), durationSeconds: 600, outputs: [], oidc: { sub: 's', aud: 'a', iss: 'i' } }];
    const state = {
      'keyward-credentials': JSON.stringify({ dir, files: [join(dir, 'vault-token')], vaultTokens: [{ url: vault.url, tokenFile: join(dir, 'vault-token'), identity: 'ci' }], issued }),
      'keyward-evidence': m.victimEvidence,
    };
    const before = readFileSync(m.victimEvidence, 'utf8');
    const post = await runPost({ runnerTemp: m.runnerTemp, workspace: m.workspace, state, inputs: { 'vault-url': vault.url, 'vault-role': 'ci' } });
    expect(post.code, post.log).toBe(0);
    expect(vault.tokens.get(token)?.revoked).toBe(true);
    expect(readFileSync(m.victimEvidence, 'utf8')).toBe(before);
    expect(post.log).toContain('ignoring the saved evidence path');
    expect(post.log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(token);
  });
});
