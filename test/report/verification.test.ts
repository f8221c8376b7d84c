import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, type Finding } from '../../src/engine/index.js';
import { toAnnotations } from '../../src/report/annotations.js';
import { groupFindings } from '../../src/report/findings-view.js';
import { renderGroups } from '../../src/report/findings-markdown.js';
import { mdText } from '../../src/report/markdown.js';
import { toSarif } from '../../src/report/sarif.js';
import { decideVerdict, sortFindings } from '../../src/report/severity.js';
import { jobSummary } from '../../src/report/summary.js';
import { toText } from '../../src/report/text.js';
import { githubToken } from '../verify/fixtures.js';

const scanner = createScanner({ config: defaultConfig() });
const checkedAt = '2026-12-01T10:00:00.000Z';

function tokenFinding(path: string, verification?: Finding['verification']): Finding {
  const finding = scanner.scanBuffer(Buffer.from(`GH_TOKEN=${githubToken()}\n`), path).findings[0]!;
  return verification ? { ...finding, verification } : finding;
}

const policy = { failOn: 'high' as const, blockLongLived: true };

describe('reports of verified findings', () => {
  const active = tokenFinding('a/live.env', { status: 'active', verifier: 'github', checkedAt, identity: 'release-bot', expiresAt: '2027-02-01T09:30:00.000Z', scopes: ['repo'] });
  const inactive = tokenFinding('b/old.env', { status: 'inactive', verifier: 'github', checkedAt, reason: 'HTTP 401 (bad credentials)' });
  const unknown = tokenFinding('c/other.env', { status: 'unknown', verifier: 'github', checkedAt, reason: 'timed out after 10 s' });
  const unchecked = tokenFinding('d/plain.env');
  const all = [unchecked, inactive, unknown, active];

  it('lists active ones first within a severity, inactive last', () => {
    expect(sortFindings(all).map((f) => f.path)).toEqual(['a/live.env', 'c/other.env', 'd/plain.env', 'b/old.env']);
  });

  it('carries the verification in SARIF properties and raises active results to error', () => {
    const results = toSarif(all, scanner.rules).runs[0]!.results as { level: string; message: { text: string }; properties: { verification?: unknown } }[];
    expect(results[0]).toMatchObject({ level: 'error', properties: { verification: active.verification } });
    expect(results[0]!.message.text).toContain('ACTIVE per github: release-bot, expires 2027-02-01, scopes repo');
    expect(results.at(-1)!.properties.verification).toEqual(inactive.verification);
  });

  it('marks active ones in the comment and summary tables and says what each provider answered', () => {
    const markdown = renderGroups(groupFindings(all), {});
    expect(markdown).toContain('🚨 **1 ACTIVE** GitHub personal access token');
    expect(renderGroups(groupFindings([active]), {})).toContain('🚨 **ACTIVE** GitHub personal access token');
    expect(markdown).toContain(mdText('ACTIVE per github: release-bot, expires 2027-02-01, scopes repo'));
    expect(markdown).toContain(mdText('inactive per github (HTTP 401 (bad credentials))'));
    expect(markdown).toContain(mdText('liveness unknown per github (timed out after 10 s)'));
    expect(markdown).not.toContain('liveness not checked');
    expect(jobSummary({ findings: all, policy, target: 'tree' })).toContain('🚨 **1 verified active**');
  });

  it('escapes what a provider answers, like any untrusted text', () => {
    const hostile = tokenFinding('e/x.env', { status: 'active', verifier: 'github', checkedAt, identity: '@acme/admins <img src=x> [x](https://evil.test)' });
    const markdown = renderGroups(groupFindings([hostile]), {});
    expect(markdown).not.toContain('@acme/admins');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toContain('](https://evil.test)');
  });

  it('says it in text and annotations', () => {
    const text = toText({ color: false, findings: all, notices: [], stats: { bytes: 1, durationMs: 1 }, policy, target: 'tree' });
    expect(text).toContain('ACTIVE per github: release-bot');
    expect(text).toContain('inactive per github (HTTP 401 (bad credentials))');
    const [first] = toAnnotations(all);
    expect(first).toMatchObject({ level: 'failure', title: expect.stringMatching(/^ACTIVE GitHub/) });
  });

  it('fails only on active ones (and, closed, on unsettled ones) with fail-on-active', () => {
    const verdict = decideVerdict(all, { ...policy, failOnActive: true });
    expect(verdict.blocking.map((f) => f.path).sort()).toEqual(['a/live.env', 'c/other.env']);
    expect(verdict.reasons).toEqual(['1 credential(s) verified active (fail-on-active is on)', "1 credential(s) whose provider check did not settle (fail-on-active fails closed on unknown)"]);
    expect(decideVerdict([inactive, unchecked], { ...policy, failOnActive: true }).pass).toBe(true);
  });
});
