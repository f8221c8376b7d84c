import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Finding, ScanNotice } from '../../src/engine/finding.js';
import { PR_COMMENT_MARKER, addressAuthor, blobUrl, previousSeen, renderPrComment, renderResolvedComment, type CommentContext } from '../../src/report/github/comment.js';
import { decideVerdict, type VerdictPolicy } from '../../src/report/severity.js';

const context: CommentContext = { serverUrl: 'https://github.test/', repository: 'acme/app', headSha: 'b'.repeat(40), runUrl: 'https://github.test/acme/app/actions/runs/1', author: 'dana-dev', baselinePath: '.keyward-baseline' };
const policy: VerdictPolicy = { failOn: 'high', blockLongLived: true, unscanned: 'fail' };

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'aws-access-key-id',
    title: 'AWS IAM user access key ID',
    provider: 'AWS',
    severity: 'high',
    longLived: true,
    path: 'src/deploy.ts',
    line: 3,
    column: 5,
    endLine: 3,
    endColumn: 25,
    redacted: 'AKIA…(20 chars)',
    fingerprint: 'f'.repeat(64),
    entropy: 3.5,
    verifiedFormat: true,
    remediation: 'Deactivate and delete the access key in IAM.',
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    ...overrides,
  };
}

const slack = (overrides: Partial<Finding> = {}) =>
  finding({ ruleId: 'slack-bot-token', title: 'Slack bot token', provider: 'Slack', fingerprint: 'e'.repeat(64), redacted: 'xoxb…(55 chars)', remediation: 'Revoke it in Slack (https://api.slack.com/apps), then remove it from the code and its history; prefer short-lived credentials.', revokeUrl: 'https://api.slack.com/apps', ...overrides });

function render(findings: Finding[], extra: { notices?: ScanNotice[]; previousBody?: string; policy?: VerdictPolicy; ctx?: Partial<CommentContext> } = {}) {
  const p = extra.policy ?? policy;
  return renderPrComment({ findings, verdict: decideVerdict(findings, p, extra.notices), policy: p, context: { ...context, ...extra.ctx }, notices: extra.notices, previousBody: extra.previousBody });
}

const tablesOf = (body: string) => marked.lexer(body, { gfm: true }).filter((t: Token): t is Tokens.Table => t.type === 'table');

describe('the PR comment', () => {
  it('starts with the hidden markers, then the verdict with counts and the next step for the author', () => {
    const body = render([finding()]);
    expect(body.startsWith(`${PR_COMMENT_MARKER}\n<!-- keyward:seen v1 ffffffffffffffff -->`)).toBe(true);
    expect(body).toContain('### 🔑 Keyward: ❌ fail · 1 secret in this pull request');
    expect(body).toContain('1 high · 1 long-lived. 1 block the merge (fail-on high, block-long-lived).');
    expect(body).toContain('**@dana-dev, next step:** revoke each secret');
    expect(body).toContain('Deleting the line is not enough');
    expect(body).toContain(context.runUrl);
  });

  it('mentions only a well-formed login, never text that merely looks like one', () => {
    expect(addressAuthor('dana-dev')).toBe('@dana-dev');
    expect(addressAuthor('renovate[bot]')).toBe('@renovate[bot]');
    for (const bad of ['acme/admins', 'x y', '-x', 'a--b'.repeat(20), '<img>', undefined]) expect(addressAuthor(bad)).toBe('Author of this pull request');
  });

  it('links each place to the blob at the commit that introduced it, else at the head', () => {
    const commit = { sha: 'c'.repeat(40), author: 'Dana Dev', email: 'dana@example.com', date: '2026-01-01T00:00:00Z' };
    const body = render([finding({ commit }), finding({ path: 'dir with space/x#1.env', line: 9, fingerprint: '1'.repeat(64) })]);
    expect(body).toContain(`(https://github.test/acme/app/blob/${commit.sha}/src/deploy.ts#L3)`);
    expect(body).toContain(`(https://github.test/acme/app/blob/${context.headSha}/dir%20with%20space/x%231.env#L9)`);
    expect(blobUrl('https://ghe.example/', 'o/r', 'abc', 'a/b.txt', 2)).toBe('https://ghe.example/o/r/blob/abc/a/b.txt#L2');
  });

  it('groups findings of one kind in one row of at most five columns, details collapsed', () => {
    const body = render([finding(), finding({ path: 'b.env', line: 1, fingerprint: '2'.repeat(64) }), finding({ path: 'c.env', line: 2, fingerprint: '3'.repeat(64) }), slack()]);
    const [table] = tablesOf(body);
    expect(table!.header.length).toBeLessThanOrEqual(5);
    expect(table!.rows).toHaveLength(2);
    const aws = table!.rows.find((row) => row.some((c) => c.text.startsWith('AWS IAM')))!.map((c) => c.text).join(' | ');
    expect(aws).toContain('×3');
    expect(aws).toContain('+1 more');
    expect(body.match(/<details><summary>/g)!.length).toBeGreaterThanOrEqual(3);
  });

  it('marks what is new since the last push from the previous comment’s hidden data', () => {
    const first = render([finding()]);
    expect(previousSeen(first)).toEqual(new Set(['f'.repeat(16)]));
    expect(previousSeen('no marker')).toBeUndefined();
    const second = render([finding(), slack()], { previousBody: first });
    expect(second).toContain('**1 new since the last push**');
    expect(second).toMatch(/Slack bot token · \*\*1 new\*\*/);
    expect(render([finding(), slack()])).not.toContain('new since the last push');
  });

  it('gives the rule’s remediation once, with its revoke page once and the OIDC swap only for AWS, GCP, Azure and Vault', () => {
    const body = render([finding(), slack()]);
    const details = body.split('<details>').slice(1);
    const aws = details.find((d) => d.includes('aws-access-key-id'))!;
    expect(aws).toContain("Keyward's OIDC swap (`aws-role-arn` input)");
    const slackDetails = details.find((d) => d.includes('slack-bot-token'))!;
    expect(slackDetails).not.toMatch(/OIDC/);
    expect(slackDetails.split('https://api.slack.com/apps').length - 1).toBe(1);
    expect(slackDetails).toContain('Revoke it in Slack, then remove it');
  });

  it('never says rotate for a short-lived credential and shows its own expiry, not the rotation policy', () => {
    const session = finding({
      ruleId: 'jwt',
      title: 'JSON Web Token',
      provider: 'JWT',
      longLived: false,
      expiresAt: '2027-02-03T00:00:00Z',
      remediation: 'Revoke the session or rotate the signing key at the issuer.',
      revokeUrl: undefined,
      expiry: { status: 'expired', ageDays: 400, maxAgeDays: 90, expiresAt: '2026-01-01', summary: 'in repo 400 days; policy 90 days' },
    });
    const body = render([session], { policy: { failOn: 'low', blockLongLived: true } });
    expect(body).not.toMatch(/rotat/i);
    expect(body).not.toContain('policy 90 days');
    expect(body).toContain('expires 2027-02-03');
  });

  it('lists what was not scanned, and the unscanned policy decides the verdict', () => {
    const notices: ScanNotice[] = [{ kind: 'too-large', path: 'big.env', message: 'big.env is over the 10 MB cap', unscanned: true }, { kind: 'ignored', path: 'x', message: 'ignored' }];
    const failing = render([], { notices });
    expect(failing).toContain('Keyward: ❌ fail');
    expect(failing).toContain('**⚠️ Not scanned (1)**');
    expect(failing).toContain('- `big.env`: big\\.env is over the 10 MB cap');
    expect(failing).toContain('they fail this check (`unscanned: fail`)');
    const warning = render([], { notices, policy: { ...policy, unscanned: 'warn' } });
    expect(warning).toContain('Keyward: ✅ pass');
    expect(warning).toContain('they do not fail this check (`unscanned: warn`)');
  });

  it('lists baseline findings apart, and says how to accept a false positive on the base branch', () => {
    const body = render([finding(), slack({ baseline: true })]);
    expect(tablesOf(body)[0]!.rows).toHaveLength(1);
    expect(body).toContain('1 finding(s) accepted in the baseline (not blocking)');
    expect(body).toContain('Add the finding\'s line to `.keyward-baseline` **on the base branch**');
    expect(body).toContain(`${'f'.repeat(64)}  # aws-access-key-id src/deploy.ts:3`);
  });

  it('stays under GitHub’s 65,536-character limit with thousands of findings', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding({ path: `very/long/path/to/some/deeply/nested/module/number/${i}/settings.production.env`, line: i + 1, fingerprint: i.toString(16).padStart(64, '0') }));
    const body = render(many);
    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body).toContain('×3000');
    expect(body).toMatch(/…and \d+ more/);
  });

  it('marks the PR resolved with the same marker', () => {
    const body = renderResolvedComment(context);
    expect(body.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(body).toContain('Keyward: ✅ resolved');
    expect(body).toContain('bbbbbbb');
  });
});
