import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, type Finding } from '../../src/engine/index.js';
import { verifyFindings } from '../../src/verify/run.js';
import { ALNUM, DIGITS, HEX, randomFrom } from '../helpers/fake-secrets.js';
import type { LoopbackServer, RecordedRequest } from '../servers/http.js';
import { providerServer } from './harness.js';

const scanner = createScanner({ config: { ...defaultConfig(), fingerprintKey: 'test-key' } });

function scanFiles(files: Record<string, string>) {
  const findings: Finding[] = Object.entries(files).flatMap(([path, text]) => scanner.scanBuffer(Buffer.from(text), path).findings);
  const lookup = (finding: Finding) => (files[finding.path] === undefined ? undefined : Buffer.from(files[finding.path]!));
  return { findings, lookup };
}

const seen = (server: LoopbackServer) => JSON.stringify(server.requests.map((req: RecordedRequest) => ({ ...req, query: req.query.toString() })));
const basic = (req: RecordedRequest) => Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');

describe('verify-a verifiers in the verify stage', () => {
  it('are picked up by provider id, get their companions from the finding\'s own file, and each secret reaches only its provider', async () => {
    const slackToken = `xoxb-${randomFrom(DIGITS, 11)}-${randomFrom(DIGITS, 13)}-${randomFrom(ALNUM, 24)}`;
    const gitlabToken = `glpat-${randomFrom(ALNUM, 20)}`;
    const sid = `AC${randomFrom(HEX, 32)}`;
    const twilioToken = randomFrom(HEX, 32);
    const slack = await providerServer([
      { method: 'POST', path: '/api/auth.test', handler: (req) => ({ body: req.headers.authorization === `Bearer ${slackToken}` ? { ok: true, team: 'Acme', user: 'deploybot', bot_id: 'B1' } : { ok: false, error: 'invalid_auth' } }) },
    ]);
    const gitlab = await providerServer([
      { method: 'GET', path: '/api/v4/personal_access_tokens/self', handler: (req) => (req.headers['private-token'] === gitlabToken ? { body: { name: 'ci', scopes: ['read_repository'], user_id: 7, active: true, revoked: false, expires_at: '2027-02-01' } } : { status: 401, body: { message: '401 Unauthorized' } }) },
    ]);
    const twilio = await providerServer([
      { method: 'GET', path: '/2010-04-01/Accounts/:file', handler: (req) => (basic(req) === `${sid}:${twilioToken}` ? { body: { sid, friendly_name: 'Acme Support', status: 'active' } } : { status: 401, body: { code: 20003 } }) },
    ]);
    const { findings, lookup } = scanFiles({
      'deploy/slack.env': `SLACK_BOT_TOKEN=${slackToken}\n`,
      'ci/gitlab.yml': `variables:\n  GITLAB_TOKEN: ${gitlabToken}\n`,
      'config/twilio.env': `TWILIO_ACCOUNT_SID=${sid}\nTWILIO_AUTH_TOKEN=${twilioToken}\n`,
      'notes/old.txt': `twilio_auth_token = "${twilioToken}"\n`,
    });
    const byPath = (path: string) => findings.find((f) => f.path === path);
    for (const path of ['deploy/slack.env', 'ci/gitlab.yml', 'config/twilio.env', 'notes/old.txt']) expect(byPath(path), path).toBeDefined();
    await verifyFindings(findings, { lookup, scanner, env: { KEYWARD_VERIFY_ENDPOINTS: JSON.stringify({ slack: slack.url, gitlab: gitlab.url, twilio: twilio.url }) } });

    expect(byPath('deploy/slack.env')?.verification).toMatchObject({ status: 'active', verifier: 'slack', identity: 'Acme / deploybot (bot)' });
    expect(byPath('ci/gitlab.yml')?.verification).toMatchObject({ status: 'active', verifier: 'gitlab', expiresAt: '2027-02-01T00:00:00.000Z' });
    expect(byPath('config/twilio.env')?.verification).toMatchObject({ status: 'active', verifier: 'twilio', identity: `Acme Support / ${sid}` });
    // The same auth token in a file without its Account SID is not settled by the other file's answer.
    expect(byPath('notes/old.txt')?.verification).toMatchObject({ status: 'unknown', verifier: 'twilio', reason: expect.stringMatching(/Account SID/) });
    expect(twilio.requests).toHaveLength(1);

    expect(seen(slack)).toContain(slackToken);
    for (const other of [gitlabToken, twilioToken]) expect(seen(slack)).not.toContain(other);
    expect(seen(gitlab)).toContain(gitlabToken);
    for (const other of [slackToken, twilioToken]) expect(seen(gitlab)).not.toContain(other);
    for (const other of [slackToken, gitlabToken]) expect(seen(twilio)).not.toContain(other);
    expect(JSON.stringify(findings)).not.toContain(slackToken);
    expect(JSON.stringify(findings)).not.toContain(twilioToken);
  });
});
