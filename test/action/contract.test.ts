import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs } from '../../src/action/inputs.js';
import { ALIAS_INPUTS, withAliases } from '../../src/credentials/aliases.js';
import { parseSwapInputs, type InputReader } from '../../src/credentials/index.js';
import { startGitHubServer } from '../servers/github/index.js';
import { githubApiValidator } from '../servers/github/openapi.js';
import { webhookProblems } from '../servers/github/webhooks.js';
import { ACTION_TOKEN, NODE, pullRequestEvent, pushEvent } from './harness.js';

/** A valid value for every input, so that every branch that reads an input runs (every cloud configured). */
const SAMPLES: Record<string, string> = {
  mode: 'tree',
  'fail-on': 'high',
  'block-long-lived': 'true',
  unscanned: 'fail',
  verify: 'auto',
  'fail-on-active': 'false',
  annotations: 'true',
  comment: 'true',
  'check-run': 'auto',
  'workflow-audit': 'fail',
  'long-lived-env': 'warn',
  'output-access-tokens': 'false',
  'aws-role-arn': 'arn:aws:iam::123456789012:role/deploy',
  'aws-role-chain': 'arn:aws:iam::123456789012:role/next',
  'aws-region': 'eu-west-1',
  'aws-role-session-name': 'session',
  'aws-session-duration': '900',
  'aws-session-policy': '{}',
  'aws-sts-endpoint': 'https://sts.example.test',
  'gcp-workload-identity-provider': 'projects/1/locations/global/workloadIdentityPools/p/providers/q',
  'gcp-service-account': 'sa@project-1.iam.gserviceaccount.com',
  'gcp-token-lifetime': '600s',
  'gcp-credential-source': 'file',
  'gcp-sts-endpoint': 'https://sts.example.test',
  'gcp-iam-credentials-endpoint': 'https://iam.example.test',
  'azure-authority-host': 'https://login.example.test',
  'vault-url': 'https://vault.example.test',
};

/** Every input name the reader was asked for; the names in `unset` answer '' (the vendor aliases: set, they would clash). */
function recording(unset: readonly string[] = []): { read: InputReader; names: Set<string> } {
  const names = new Set<string>();
  return { names, read: (name) => (names.add(name), unset.includes(name) ? '' : (SAMPLES[name] ?? 'x')) };
}

function declaredInputs(path: string): string[] {
  return Object.keys((parse(readFileSync(path, 'utf8')) as { inputs: Record<string, unknown> }).inputs).sort();
}

describe('the Action contract: the inputs the code reads are exactly those action.yml declares', () => {
  it('the scanning action (action.yml): its own inputs and the one-step credential swap', () => {
    const { read, names } = recording();
    readInputs(tmpdir(), read);
    parseSwapInputs(read, {});
    expect([...names].sort()).toEqual(declaredInputs('action.yml'));
  });

  it('the credentials sub-action (credentials/action.yml): the swap, with the vendor aliases', () => {
    const { read, names } = recording(ALIAS_INPUTS);
    parseSwapInputs(withAliases(read, () => undefined), {});
    expect([...names].sort()).toEqual(declaredInputs('credentials/action.yml'));
  });

  it('both action.yml files and every workflow pass @action-validator/cli', () => {
    const result = spawnSync(NODE, ['scripts/validate-actions.mjs'], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('the loopback GitHub is held to GitHub\'s published descriptions', () => {
  const request = (method: string, path: string, query = '', body?: unknown) => ({ method, path, query: new URLSearchParams(query), body: body === undefined ? '' : JSON.stringify(body) });

  it('knows a documented call from an undocumented one: operation, path and query parameters, JSON body', () => {
    const api = githubApiValidator();
    expect(api.problems(request('POST', '/repos/acme/app/issues/7/comments', '', { body: 'hello' }))).toEqual([]);
    expect(api.problems(request('GET', '/repos/acme/app/issues/7/comments', 'per_page=100&page=2'))).toEqual([]);
    expect(api.problems(request('GET', '/repos/acme/app/issues/7/comments', 'per_page=many&sort=x'))).toEqual([
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments: query parameter per_page must be integer',
      'GET /repos/{owner}/{repo}/issues/{issue_number}/comments: undocumented query parameter sort',
    ]);
    expect(api.problems(request('GET', '/repos/acme/app/issues/seven/comments'))[0]).toContain('path parameter issue_number must be integer');
    expect(api.problems(request('POST', '/repos/acme/app/check-runs', '', { name: 'Keyward', head_sha: 'a'.repeat(40), conclusion: 'passed' }))[0]).toContain('body/conclusion must be equal to one of the allowed values');
    expect(api.problems(request('POST', '/repos/acme/app/issues/7/comments'))).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments: the JSON body is required']);
    expect(api.problems(request('PUT', '/repos/acme/app/comments'))[0]).toContain('no such operation');
  });

  it('answers a call GitHub would refuse with 422 and fails the test that made it', async () => {
    const github = await startGitHubServer({ token: ACTION_TOKEN });
    const response = await fetch(`${github.url}/repos/acme/app/issues/7/comments`, { method: 'POST', headers: { authorization: `token ${ACTION_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'no body field' }) });
    expect(response.status).toBe(422);
    await expect(github.close()).rejects.toThrow(/body must have required property 'body'/);
  });

  it('the events the tests send are payloads GitHub sends (@octokit/openapi-webhooks)', () => {
    const sha = (c: string) => c.repeat(40);
    expect(webhookProblems('pull-request-synchronize', pullRequestEvent({ number: 3, baseSha: sha('a'), headSha: sha('b') }))).toEqual([]);
    expect(webhookProblems('pull-request-synchronize', pullRequestEvent({ number: 4, baseSha: sha('a'), headSha: sha('b'), headRepo: 'outsider/app' }))).toEqual([]);
    expect(webhookProblems('push', pushEvent({ before: sha('a'), after: sha('b') }))).toEqual([]);
    expect(webhookProblems('pull-request-synchronize', { number: 3, pull_request: { number: 3 } }).length).toBeGreaterThan(0);
  });
});
