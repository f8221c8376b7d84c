import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/engine/index.js';
import { toJsonReport } from '../../src/report/json.js';
import { toSarif } from '../../src/report/sarif.js';
import { decideVerdict } from '../../src/report/severity.js';
import { toText } from '../../src/report/text.js';
import { TOOL_VERSION } from '../../src/report/tool.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const scanner = createScanner();
const key = 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const { findings } = scanner.scanBuffer(Buffer.from(`# config\naws_key_id = "${key}"\n`), 'deploy/my config.env');
const policy = { failOn: 'high' as const, blockLongLived: true };
const stats = { files: 1, bytes: 40, durationMs: 3 };

describe('report formats', () => {
  it('never contain the raw secret', () => {
    expect(findings).toHaveLength(1);
    const outputs = [
      JSON.stringify(toJsonReport({ target: '.', findings, notices: [], stats, policy })),
      JSON.stringify(toSarif(findings, scanner.rules)),
      toText({ target: '.', findings, notices: [], stats, policy, color: true }),
      toText({ target: '.', findings, notices: [], stats, policy, color: false }),
    ];
    for (const output of outputs) {
      expect(output).not.toContain(key);
      expect(output).not.toContain(key.slice(4));
      expect(output).toContain('AKIA…(20 chars)');
    }
  });

  it('writes SARIF 2.1.0 as GitHub code scanning reads it', () => {
    const sarif = toSarif(findings, scanner.rules);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0]!;
    const rule = run.tool.driver.rules[0]!;
    expect(rule).toMatchObject({ id: 'aws-access-key-id', properties: { 'security-severity': '8.0' } });
    expect(rule.help.text).toContain('Revoke');
    const result = run.results[0]!;
    expect(result).toMatchObject({ ruleId: 'aws-access-key-id', ruleIndex: 0, level: 'error' });
    expect(result.partialFingerprints['keyward/fingerprint/v2']).toBe(findings[0]!.fingerprint);
    const location = result.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: 'deploy/my%20config.env', uriBaseId: '%SRCROOT%' });
    expect(location.region).toEqual({ startLine: 2, startColumn: 15, endLine: 2, endColumn: 35 });
  });

  it('decides the verdict from severity, long-lived and the baseline', () => {
    const [finding] = findings;
    expect(decideVerdict(findings, policy).pass).toBe(false);
    expect(decideVerdict([{ ...finding!, severity: 'low' }], { failOn: 'high', blockLongLived: true }).reasons[0]).toMatch(/long-lived/);
    expect(decideVerdict([{ ...finding!, severity: 'low' }], { failOn: 'high', blockLongLived: false }).pass).toBe(true);
    expect(decideVerdict([{ ...finding!, baseline: true }], policy).pass).toBe(true);
  });

  it('summarises counts and verdict in JSON', () => {
    const report = toJsonReport({ target: '.', findings, notices: [], stats, policy });
    expect(report.summary).toMatchObject({ total: 1, new: 1, longLived: 1, verdict: 'fail' });
    expect(report.summary.bySeverity.high).toBe(1);
  });

  it('keeps the tool version equal to package.json', () => {
    expect(TOOL_VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });
});
