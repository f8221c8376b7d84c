import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALNUM, DIGITS, UPPER, randomFrom } from '../helpers/fake-secrets.js';
import { startGoogleFake } from '../servers/google.js';
import { startOidcFake } from '../servers/oidc.js';
import { startStsFake } from '../servers/aws-sts.js';
import { fileCommands, runAction, runPostStep } from './harness.js';

const CREDENTIALS_BUNDLE = 'dist/credentials/index.js';
const SA = 'deployer@my-project-1.iam.gserviceaccount.com';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A workspace holding a live-looking AWS key: the credentials action must not scan it, let alone fail on it. */
function workspaceWithAKey(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'keyward-cred-action-')), 'workspace');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'deploy.sh'), `export AWS_ACCESS_KEY_ID=AKIA${randomFrom(UPPER + DIGITS, 16)}\nexport AWS_SECRET_ACCESS_KEY=${randomFrom(ALNUM, 40)}\n`);
  return dir;
}

const withoutMaskCommands = (log: string) => log.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

describe('the credentials sub-action (credentials/action.yml, dist/credentials/index.js)', () => {
  it('swaps with configure-aws-credentials input names, says the Keyward names and the defaults that differ, and never scans', async () => {
    const oidc = await startOidcFake();
    const sts = await startStsFake(oidc);
    closers.push(oidc.close, sts.close);
    const workspace = workspaceWithAKey();
    const run = await runAction({
      workspace,
      bundle: CREDENTIALS_BUNDLE,
      eventName: 'push',
      inputs: { 'role-to-assume': 'arn:aws:iam::123456789012:role/deploy', 'aws-region': 'eu-west-1', 'aws-sts-endpoint': sts.url },
      env: oidc.env,
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain("::notice::input role-to-assume (aws-actions/configure-aws-credentials) is read as Keyward's aws-role-arn");
    expect(run.log).toMatch(/::notice::Defaults that differ from aws-actions\/configure-aws-credentials: .*aws-session-duration: Keyward defaults to 900 seconds/);
    expect(run.log).not.toMatch(/Scanned|finding/);
    expect(run.outputs.verdict).toBeUndefined();
    const issued = sts.issued[0]!;
    expect(fileCommands(run.envFile)).toMatchObject({ AWS_ACCESS_KEY_ID: issued.accessKeyId, AWS_SESSION_TOKEN: issued.sessionToken });
    expect(Number(run.outputs['aws-ttl'])).toBeLessThanOrEqual(900);
    for (const secret of [issued.secretAccessKey, issued.sessionToken, ...oidc.issued]) expect(withoutMaskCommands(run.log)).not.toContain(secret);
  });

  it('swaps with google-github-actions/auth input names, sets its output names too, and its post step deletes the credentials file', async () => {
    const oidc = await startOidcFake();
    const google = await startGoogleFake(oidc);
    google.serviceAccounts.push(SA);
    closers.push(oidc.close, google.close);
    const workspace = workspaceWithAKey();
    const run = await runAction({
      workspace,
      bundle: CREDENTIALS_BUNDLE,
      eventName: 'push',
      inputs: { workload_identity_provider: google.provider, service_account: SA, 'gcp-sts-endpoint': google.url, 'gcp-iam-credentials-endpoint': google.url },
      env: oidc.env,
    });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain("is read as Keyward's gcp-workload-identity-provider");
    expect(run.log).toContain("is read as Keyward's gcp-service-account");
    const file = run.outputs['gcp-credentials-file']!;
    expect(run.outputs.credentials_file_path).toBe(file);
    expect(run.outputs.project_id).toBe('my-project-1');
    expect(existsSync(file)).toBe(true);
    const post = await runPostStep(run, workspace);
    expect(post.code, post.log).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a service account key (credentials_json) and a Keyward name set apart from its alias, naming the way forward', async () => {
    const workspace = workspaceWithAKey();
    const key = await runAction({ workspace, bundle: CREDENTIALS_BUNDLE, eventName: 'push', inputs: { credentials_json: '{"type":"service_account"}' } });
    expect(key.code).not.toBe(0);
    expect(key.log).toMatch(/::error::Keyward credentials: input credentials_json \(google-github-actions\/auth\): a service account key is the long-lived credential/);
    const both = await runAction({ workspace, bundle: CREDENTIALS_BUNDLE, eventName: 'push', inputs: { 'aws-role-arn': 'arn:aws:iam::123456789012:role/a', 'role-to-assume': 'arn:aws:iam::123456789012:role/b', 'aws-region': 'eu-west-1' } });
    expect(both.code).not.toBe(0);
    expect(both.log).toContain('inputs aws-role-arn and role-to-assume are both set, to different values');
    const chaining = await runAction({ workspace, bundle: CREDENTIALS_BUNDLE, eventName: 'push', inputs: { 'role-chaining': 'true' } });
    expect(chaining.log).toContain('set aws-role-arn to the first role and aws-role-chain to the ARN of the second');
  });

  it('with no cloud configured, only guards: a long-lived key in the job environment warns (or fails with long-lived-env: fail)', async () => {
    const workspace = workspaceWithAKey();
    const env = { AWS_ACCESS_KEY_ID: `AKIA${randomFrom(UPPER + DIGITS, 16)}`, AWS_SECRET_ACCESS_KEY: randomFrom(ALNUM, 40) };
    const warn = await runAction({ workspace, bundle: CREDENTIALS_BUNDLE, eventName: 'push', env });
    expect(warn.code, warn.log).toBe(0);
    expect(warn.log).toMatch(/::warning::Long-lived credential in the job environment: AWS_ACCESS_KEY_ID/);
    const fail = await runAction({ workspace, bundle: CREDENTIALS_BUNDLE, eventName: 'push', inputs: { 'long-lived-env': 'fail' }, env });
    expect(fail.code).not.toBe(0);
    expect(withoutMaskCommands(fail.log)).not.toContain(env.AWS_SECRET_ACCESS_KEY);
  });
});
