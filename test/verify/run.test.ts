import { describe, expect, it } from 'vitest';
import { ConfigError, createScanner, defaultConfig, parseConfig, type Finding } from '../../src/engine/index.js';
import { VerifyConfigError, resolveEndpoints } from '../../src/verify/endpoints.js';
import { RateLimiter } from '../../src/verify/limits.js';
import { verifyFindings } from '../../src/verify/run.js';
import type { Verifier } from '../../src/verify/types.js';
import { awsVerifier } from '../../src/verify/verifiers/aws.js';
import { githubVerifier } from '../../src/verify/verifiers/github.js';
import { startStsIdentityServer } from '../servers/aws-sts.js';
import { awsEnvFile, githubToken, iamUser } from './fixtures.js';
import { providerServer } from './harness.js';

const scanner = createScanner({ config: { ...defaultConfig(), fingerprintKey: 'test-key' } });

/** Scans `files` as a tree source would and returns the findings plus a lookup that re-reads them. */
function scanFiles(files: Record<string, string>) {
  const findings: Finding[] = files ? Object.entries(files).flatMap(([path, text]) => scanner.scanBuffer(Buffer.from(text), path).findings) : [];
  const lookup = (finding: Finding) => (files[finding.path] === undefined ? undefined : Buffer.from(files[finding.path]!));
  return { findings, lookup };
}

const githubUser = (token: string, login: string) => ({
  method: 'GET',
  path: '/user',
  handler: (req: { headers: Record<string, unknown> }) => (req.headers.authorization === `Bearer ${token}` ? { body: { login } } : { status: 401, body: { message: 'Bad credentials' } }),
});

describe('verifyFindings', () => {
  it('checks a key pair once for both of its findings, marks both active and raises them to critical', async () => {
    const user = iamUser('ci', '111122223333');
    const sts = await startStsIdentityServer([user]);
    try {
      const { findings, lookup } = scanFiles({ 'deploy/.env': awsEnvFile(user) });
      expect(findings.map((f) => f.ruleId).sort()).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
      const summary = await verifyFindings(findings, { lookup, scanner, env: { AWS_ENDPOINT_URL_STS: sts.url }, now: () => new Date('2026-12-01T10:00:00Z') });
      expect(summary).toEqual({ checked: 2, active: 2, inactive: 0, unknown: 0, calls: 1 });
      expect(sts.requests).toHaveLength(1);
      for (const finding of findings) {
        expect(finding.verification).toEqual({ status: 'active', identity: user.arn, checkedAt: '2026-12-01T10:00:00.000Z', verifier: 'aws' });
        expect(finding.severity).toBe('critical');
      }
      expect(JSON.stringify(findings)).not.toContain(user.secretAccessKey);
    } finally {
      await sts.close();
    }
  });

  it('pairs a key id and its secret committed together in two files of one diff, but not across a tree', async () => {
    const user = iamUser('split', '444455556666');
    const sts = await startStsIdentityServer([user]);
    try {
      const files = { 'a/id.env': `AWS_ACCESS_KEY_ID=${user.accessKeyId}\n`, 'b/secret.env': `AWS_SECRET_ACCESS_KEY=${user.secretAccessKey}\n` };
      const tree = scanFiles(files);
      await verifyFindings(tree.findings, { lookup: tree.lookup, scanner, env: { AWS_ENDPOINT_URL_STS: sts.url } });
      expect(tree.findings.map((f) => f.verification?.reason)).toEqual(['no AWS secret access key in the same file to verify with', 'no AWS access key ID in the same file to verify with']);
      expect(sts.requests).toHaveLength(0);
      const commit = { sha: 'd'.repeat(40), author: 'Dev', email: 'dev@example.com', date: '2026-11-01T00:00:00Z' };
      const diff = scanFiles(files);
      const findings = diff.findings.map((f) => ({ ...f, commit }));
      const summary = await verifyFindings(findings, { lookup: diff.lookup, scanner, env: { AWS_ENDPOINT_URL_STS: sts.url } });
      expect(summary).toMatchObject({ active: 2, calls: 1 });
      expect(findings[0]?.verification?.identity).toBe(user.arn);
    } finally {
      await sts.close();
    }
  });

  it('calls once per distinct credential however many files hold it', async () => {
    const token = githubToken();
    const server = await providerServer([githubUser(token, 'octocat')]);
    const { findings, lookup } = scanFiles({ 'a.env': `GH_TOKEN=${token}\n`, 'b/c.sh': `export GITHUB_TOKEN=${token}\n`, 'd.txt': `token: ${token}\n` });
    expect(findings).toHaveLength(3);
    const summary = await verifyFindings(findings, { lookup, scanner, env: { GITHUB_API_URL: server.url } });
    expect(summary).toMatchObject({ active: 3, calls: 1 });
    expect(server.requests).toHaveLength(1);
  });

  it('sends each secret only to its own provider', async () => {
    const user = iamUser();
    const token = githubToken();
    const sts = await startStsIdentityServer([user]);
    const github = await providerServer([githubUser(token, 'octocat')]);
    try {
      const { findings, lookup } = scanFiles({ 'config/all.env': `${awsEnvFile(user)}GH_TOKEN=${token}\n` });
      await verifyFindings(findings, { lookup, scanner, env: { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ aws: sts.url, github: github.url }) } });
      expect(findings.every((f) => f.verification?.status === 'active')).toBe(true);
      const seenBy = (server: { requests: unknown[] }) => JSON.stringify(server.requests);
      expect(seenBy(github)).toContain(token);
      expect(seenBy(github)).not.toContain(user.accessKeyId);
      expect(seenBy(github)).not.toContain(user.secretAccessKey);
      expect(seenBy(sts)).not.toContain(token);
      expect(seenBy(sts)).not.toContain(user.secretAccessKey);
    } finally {
      await sts.close();
    }
  });

  it('never calls a host named in the scanned content', async () => {
    const bait = await providerServer([]);
    const token = githubToken();
    const { findings, lookup } = scanFiles({ 'ops.env': `GITHUB_API_URL=${bait.url}\nAWS_ENDPOINT_URL_STS=${bait.url}\nGH_TOKEN=${token}\n` });
    const github = await providerServer([githubUser(token, 'octocat')]);
    await verifyFindings(findings, { lookup, scanner, env: { GITHUB_API_URL: github.url } });
    expect(bait.requests).toHaveLength(0);
    expect(github.requests).toHaveLength(1);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const server = await providerServer([
      {
        method: 'GET',
        path: '/check',
        handler: async () => {
          most = Math.max(most, ++inFlight);
          await new Promise((resolve) => setTimeout(resolve, 40));
          inFlight -= 1;
          return { body: {} };
        },
      },
    ]);
    const probe: Verifier = { id: 'github', rules: ['github-personal-access-token'], baseUrl: 'https://api.github.com', ratePerSecond: 20, verify: async (_c, http) => ({ status: (await http.request('/check')).status === 200 ? 'active' : 'unknown' }) };
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}.env`, `GH_TOKEN=${githubToken()}\n`]));
    const { findings, lookup } = scanFiles(files);
    const summary = await verifyFindings(findings, { lookup, scanner, env: { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ github: server.url }) }, verifiers: [probe], concurrency: 2 });
    expect(summary).toMatchObject({ active: 6, calls: 6 });
    expect(most).toBeLessThanOrEqual(2);
  });

  it('says why when it may not verify (a fork pull request), calling nobody', async () => {
    const token = githubToken();
    const server = await providerServer([githubUser(token, 'octocat')]);
    const { findings, lookup } = scanFiles({ 'a.env': `GH_TOKEN=${token}\n` });
    await verifyFindings(findings, { lookup, scanner, env: { GITHUB_API_URL: server.url }, permission: { allowed: false, reason: 'not verified: a fork pull request' } });
    expect(findings[0]?.verification).toMatchObject({ status: 'unknown', verifier: 'github', reason: 'not verified: a fork pull request' });
    expect(server.requests).toHaveLength(0);
  });

  it('is unknown when the content cannot be re-read or no longer holds the secret', async () => {
    const token = githubToken();
    const { findings } = scanFiles({ 'a.env': `GH_TOKEN=${token}\n`, 'b.env': `GH_TOKEN=${githubToken()}\n` });
    await verifyFindings(findings, { lookup: (f) => (f.path === 'a.env' ? undefined : Buffer.from('changed\n')), scanner, env: { GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(findings.map((f) => f.verification?.reason)).toEqual(['its file could not be re-read to verify it', 'the secret was not found again when its file was re-read']);
  });
});

describe('the rate limiter', () => {
  it('lets at most `perSecond` requests start in a second', async () => {
    const limiter = new RateLimiter(20);
    const starts: number[] = [];
    for (let i = 0; i < 6; i++) {
      await limiter.take();
      starts.push(performance.now());
    }
    // Five 50 ms gaps, less a millisecond each for timer rounding.
    expect(starts[5]! - starts[0]!).toBeGreaterThanOrEqual(245);
  });
});

describe('verify endpoints', () => {
  const verifiers = [awsVerifier, githubVerifier];
  it('cannot be set from a repository config, which takes only verify.forks', () => {
    expect(parseConfig('verify:\n  forks: true\n', '.keyward.yml').verify).toEqual({ forks: true });
    expect(() => parseConfig('verify:\n  endpoints:\n    github: https://evil.test\n', '.keyward.yml')).toThrow(ConfigError);
    expect(() => parseConfig('verify:\n  forks: yes-please\n', '.keyward.yml')).toThrow(/verify\.forks/);
  });

  it('are the fixed provider URLs unless the environment overrides them', () => {
    expect(Object.fromEntries(resolveEndpoints({}, verifiers))).toEqual({ aws: 'https://sts.amazonaws.com', github: 'https://api.github.com' });
    expect(resolveEndpoints({ GITHUB_API_URL: 'https://ghe.example.com/api/v3' }, verifiers).get('github')).toBe('https://ghe.example.com/api/v3');
    expect(resolveEndpoints({ GITHUB_API_URL: 'https://ghe.example.com/api/v3', KEYWARD_VERIFY_ENDPOINTS: '{"github":"http://127.0.0.1:8080"}' }, verifiers).get('github')).toBe('http://127.0.0.1:8080');
  });

  it('refuse malformed JSON, unknown ids and plain http off loopback, naming the problem', () => {
    expect(() => resolveEndpoints({ KEYWARD_VERIFY_ENDPOINTS: '{github:' }, verifiers)).toThrow(/KEYWARD_VERIFY_ENDPOINTS is not valid JSON/);
    expect(() => resolveEndpoints({ KEYWARD_VERIFY_ENDPOINTS: '{"gitbub":"https://x.test"}' }, verifiers)).toThrow(/names "gitbub", which is no verifier's id \(known: aws, github\)/);
    expect(() => resolveEndpoints({ KEYWARD_VERIFY_ENDPOINTS: '{"aws":"http://sts.example.com"}' }, verifiers)).toThrow(VerifyConfigError);
    expect(() => resolveEndpoints({ AWS_ENDPOINT_URL_STS: 'http://10.0.0.1:4566' }, verifiers)).toThrow(/AWS_ENDPOINT_URL_STS: must be https/);
    expect(() => resolveEndpoints({ KEYWARD_VERIFY_ENDPOINTS: '["https://x.test"]' }, verifiers)).toThrow(/must be a JSON object/);
  });
});
