import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { PR_COMMENT_MARKER, blobUrl, renderPrComment, renderResolvedComment } from '../../src/report/github/comment.js';
import { decideVerdict } from '../../src/report/severity.js';

const context = { serverUrl: 'https://github.test/', repository: 'acme/app', headSha: 'b'.repeat(40), runUrl: 'https://github.test/acme/app/actions/runs/1' };
const policy = { failOn: 'high' as const, blockLongLived: true };

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
    remediation: 'Deactivate the key.',
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    ...overrides,
  };
}

function render(findings: Finding[]) {
  return renderPrComment({ findings, verdict: decideVerdict(findings, policy), policy, context });
}

describe('the PR comment', () => {
  it('starts with the hidden marker and shows the verdict, counts and the reason', () => {
    const body = render([finding()]);
    expect(body.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(body).toContain('Keyward: ❌ fail');
    expect(body).toContain('1 high; 1 long-lived');
    expect(body).toContain('fail-on: high, block-long-lived: true');
    expect(body).toContain(context.runUrl);
  });

  it('links each place to the blob at the commit that introduced it, else at the head', () => {
    const commit = { sha: 'c'.repeat(40), author: 'Dana Dev', email: 'dana@example.com', date: '2026-01-01T00:00:00Z' };
    const body = render([finding({ commit }), finding({ path: 'dir with space/x#1.env', line: 9 })]);
    expect(body).toContain(`[src/deploy.ts:3](https://github.test/acme/app/blob/${commit.sha}/src/deploy.ts#L3) in ccccccc`);
    expect(body).toContain(`(https://github.test/acme/app/blob/${context.headSha}/dir%20with%20space/x%231.env#L9)`);
    expect(blobUrl('https://ghe.example/', 'o/r', 'abc', 'a/b.txt', 2)).toBe('https://ghe.example/o/r/blob/abc/a/b.txt#L2');
  });

  it('renders owners and expiry from governance, the commit author without them, and "unknown" otherwise', () => {
    const withGovernance = render([
      finding({
        owners: [
          { handle: '@acme/platform', source: 'codeowners' },
          { handle: 'dana@example.com', source: 'commit-author' },
        ],
        expiry: { status: 'expired', ageDays: 400, maxAgeDays: 90, summary: 'in repo 400 days; policy 90 days' },
      }),
    ]);
    expect(withGovernance).toContain('@acme/platform, dana@example.com (author)');
    expect(withGovernance).toContain('in repo 400 days; policy 90 days');
    const authorOnly = render([finding({ commit: { sha: 'd'.repeat(40), author: 'Dana Dev', email: 'd@example.com', date: '2026-01-01T00:00:00Z' } })]);
    expect(authorOnly).toContain('Dana Dev (author of ddddddd)');
    const row = render([finding()]).split('\n').find((l) => l.startsWith('| [src/deploy.ts:3]'))!;
    expect(row.split(' | ')).toEqual(expect.arrayContaining(['unknown']));
    expect(render([finding({ expiresAt: '2027-02-03T00:00:00Z', ruleId: 'jwt', longLived: false })])).toContain('expires 2027-02-03');
  });

  it('says what to do: revoke at the provider page, then the OIDC swap or an encrypted secret', () => {
    expect(render([finding()])).toContain('Revoke it at [AWS](https://console.aws.amazon.com/iam/home#/security_credentials), then use the OIDC swap (`aws-role-arn` input)');
    expect(render([finding({ provider: 'Google Cloud', revokeUrl: undefined })])).toContain('Revoke it at Google Cloud, then use the OIDC swap (`gcp-workload-identity-provider` input)');
    expect(render([finding({ provider: 'Slack', ruleId: 'slack-bot-token' })])).toContain('then keep the replacement in an encrypted secret, never in code');
  });

  it('keeps the table intact when paths or titles hold pipes, backticks or HTML', () => {
    const body = render([finding({ path: 'a|b/<img>.txt', title: 'Weird | title', redacted: 'ab`c…(9 chars)' })]);
    const row = body.split('\n').find((l) => l.startsWith('| [a'))!;
    expect(row).toContain('a\\|b/&lt;img>.txt:3');
    expect(row).toContain('Weird \\| title');
    expect(row).not.toContain('<img>');
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(8);
  });

  it('stays under GitHub’s 65,536-character limit with thousands of findings and says how many were left out', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding({ path: `very/long/path/to/some/deeply/nested/module/number/${i}/settings.production.env`, line: i + 1 }));
    const body = render(many);
    expect(body.length).toBeLessThanOrEqual(65536);
    const shown = body.split('\n').filter((l) => l.startsWith('| [very')).length;
    expect(shown).toBeGreaterThan(50);
    expect(body).toContain(`…and ${3000 - shown} more finding(s)`);
  });

  it('marks the PR resolved with the same marker', () => {
    const body = renderResolvedComment(context);
    expect(body.startsWith(PR_COMMENT_MARKER)).toBe(true);
    expect(body).toContain('Keyward: ✅ resolved');
    expect(body).toContain('bbbbbbb');
  });
});
