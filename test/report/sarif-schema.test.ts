import { describe, expect, it } from 'vitest';
import { createScanner } from '../../src/engine/index.js';
import { toAnnotations } from '../../src/report/annotations.js';
import { toSarif } from '../../src/report/sarif.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { sarifValidator } from '../helpers/sarif-schema.js';

const scanner = createScanner();
const key = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

describe('SARIF 2.1.0 with UTF-16 columns', () => {
  const ascii = key();
  const wide = key();
  // é is 2 bytes and 1 UTF-16 unit, 🔑 is 4 bytes and 2 units, 日本 is 6 bytes and 2 units.
  const wideLine = `note = "héllo 🔑 日本"; aws_key_id = "${wide}"`;
  const { findings } = scanner.scanBuffer(Buffer.from(`aws_key_id = "${ascii}"\n${wideLine}\n`), 'conf/app.env');
  const byKey = (k: string) => findings.find((f) => f.line === (k === ascii ? 1 : 2))!;

  it('validates against the SARIF 2.1.0 JSON schema, with findings, a baseline finding and workflow audit results', () => {
    const validate = sarifValidator();
    const baselined = findings.map((f, i) => (i === 0 ? { ...f, baseline: true } : f));
    const extra = [{ ruleId: 'workflow-aws-static-keys', title: 'AWS keys in a workflow', severity: 'high' as const, path: '.github/workflows/ci.yml', line: 3, message: 'use OIDC', help: '```yaml\nx: 1\n```', fingerprint: 'f'.repeat(64), tags: ['workflow'] }];
    const sarif = toSarif(baselined, scanner.rules, { extra });
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('counts columns in UTF-16 code units, as columnKind says: a line with multi-byte characters', () => {
    expect(findings).toHaveLength(2);
    const sarif = toSarif(findings, scanner.rules);
    expect(sarif.runs[0]!.columnKind).toBe('utf16CodeUnits');
    const start = wideLine.indexOf(wide) + 1;
    const wideFinding = byKey(wide);
    expect(wideFinding.column).toBe(Buffer.byteLength(wideLine.slice(0, start - 1)) + 1);
    expect(wideFinding.column).not.toBe(start);
    const region = sarif.runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.region.startLine === 2)!.locations[0]!.physicalLocation.region;
    expect(region).toEqual({ startLine: 2, endLine: 2, startColumn: start, endColumn: start + wide.length });
    const annotation = toAnnotations(findings).find((a) => a.startLine === 2)!;
    expect([annotation.startColumn, annotation.endColumn]).toEqual([start, start + wide.length]);
  });

  it('keeps byte and UTF-16 columns equal on ASCII lines', () => {
    const asciiFinding = byKey(ascii);
    expect(asciiFinding.utf16Column).toBeUndefined();
    const annotation = toAnnotations([asciiFinding])[0]!;
    expect([annotation.startColumn, annotation.endColumn]).toEqual([asciiFinding.column, asciiFinding.endColumn]);
  });
});
