import { describe, expect, it } from 'vitest';
import { toAnnotations } from '../../src/report/annotations.js';
import { remediationFor, remediationText } from '../../src/report/remediation.js';
import { toSarif } from '../../src/report/sarif.js';
import { decideVerdict } from '../../src/report/severity.js';
import { builtinRules } from '../../src/rules/index.js';
import { createScanner } from '../../src/engine/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const rule = (id: string) => builtinRules.find((r) => r.id === id)!;

describe('the one remediation source', () => {
  it('states every rule’s revoke page exactly once, in the text annotations and SARIF use', () => {
    for (const r of builtinRules.filter((x) => x.revokeUrl)) {
      const text = remediationText(r);
      expect(text.split(r.revokeUrl!).length - 1, r.id).toBe(1);
    }
  });

  it('offers the OIDC swap only for providers Keyward can swap, and only once', () => {
    for (const r of builtinRules) {
      const swap = remediationFor(r).oidcInput;
      if (swap) expect(['AWS', 'Google Cloud', 'Azure', 'HashiCorp Vault'], r.id).toContain(r.provider);
      expect(remediationText(r).match(/OIDC swap/g)?.length ?? 0, r.id).toBeLessThanOrEqual(1);
    }
    expect(remediationText(rule('slack-bot-token'))).not.toMatch(/OIDC/);
    expect(remediationText(rule('sendgrid-api-key'))).not.toMatch(/OIDC/);
    expect(remediationFor(rule('azure-ad-client-secret')).oidcInput ?? remediationText(rule('azure-ad-client-secret'))).toMatch(/azure-client-id|OIDC|federat/i);
  });

  it('never says rotate of a short-lived credential', () => {
    for (const r of builtinRules.filter((x) => !x.longLived)) expect(remediationText(r), r.id).not.toMatch(/\brotat/i);
    expect(remediationText({ provider: 'JWT', remediation: 'Rotate the signing key.', longLived: false, expiresAt: '2027-01-02T00:00:00Z' })).toBe('Revoke it at JWT if it is still valid; it expires on its own (2027-01-02).');
  });

  it('gives annotations and SARIF the same text, with the URL once', () => {
    const scanner = createScanner();
    const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
    const { findings } = scanner.scanBuffer(Buffer.from(`aws_key_id = "${key}"\n`), 'a.env');
    const [annotation] = toAnnotations(findings);
    const url = findings[0]!.revokeUrl!;
    expect(annotation!.message.split(url).length - 1).toBe(1);
    const sarif = toSarif(findings, scanner.rules);
    expect(sarif.runs[0]!.results[0]!.message.text).toContain(remediationText(findings[0]!));
    expect(sarif.runs[0]!.tool.driver.rules[0]!.help.text.split(url).length - 1).toBe(1);
  });
});

describe('not scanned', () => {
  const notices = [
    { kind: 'too-large' as const, path: 'big.env', commit: 'c'.repeat(40), message: 'big.env is over the cap', unscanned: true },
    { kind: 'unreadable' as const, message: 'an object could not be read', unscanned: true },
    { kind: 'ignored' as const, path: 'vendor/x', message: 'ignored path' },
  ];

  it('fails the verdict under unscanned: fail, and only lists it under warn', () => {
    expect(decideVerdict([], { failOn: 'high', blockLongLived: true, unscanned: 'fail' }, notices)).toMatchObject({ pass: false, reasons: ['2 item(s) not scanned (unscanned: fail)'] });
    const warn = decideVerdict([], { failOn: 'high', blockLongLived: true, unscanned: 'warn' }, notices);
    expect(warn.pass).toBe(true);
    expect(warn.unscanned).toHaveLength(2);
    expect(decideVerdict([], { failOn: 'high', blockLongLived: true }, notices).pass).toBe(true);
  });

  it('reaches SARIF as results of their own rule and as tool execution notifications', () => {
    const sarif = toSarif([], [], { notices, unscanned: 'fail' });
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['keyward-not-scanned']);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ ruleId: 'keyward-not-scanned', level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'big.env' } } }] });
    const notifications = run.invocations[0]!.toolExecutionNotifications;
    expect(notifications).toHaveLength(2);
    expect(notifications[0]).toMatchObject({ level: 'error', message: { text: 'Not scanned: big.env is over the cap' }, properties: { kind: 'too-large', commit: 'c'.repeat(40) } });
    expect(toSarif([], [], { notices, unscanned: 'warn' }).runs[0]!.results[0]!.level).toBe('warning');
  });
});
