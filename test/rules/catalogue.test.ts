import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { builtinRules } from '../../src/rules/index.js';
import { fixtures } from './fixtures.js';

const backends = [regexBackends.native(), regexBackends.portable].filter((b) => b !== undefined);

describe('rule catalogue', () => {
  it('has at least 150 rules with unique ids, lowercase keywords, remediation and a revoke page or steps', () => {
    expect(builtinRules.length).toBeGreaterThanOrEqual(150);
    expect(new Set(builtinRules.map((r) => r.id)).size).toBe(builtinRules.length);
    for (const rule of builtinRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.keywords.length, rule.id).toBeGreaterThan(0);
      for (const keyword of rule.keywords) expect(keyword, rule.id).toBe(keyword.toLowerCase());
      expect(rule.remediation.length, rule.id).toBeGreaterThan(10);
    }
  });

  it('compiles every pattern in both RE2 backends', () => {
    for (const backend of backends) for (const rule of builtinRules) expect(() => backend.compile(rule.pattern), `${backend.name} ${rule.id}`).not.toThrow();
  });

  it('has a fixture for every rule and no fixture for a missing rule', () => {
    const ids = builtinRules.map((r) => r.id).sort();
    expect(Object.keys(fixtures).sort()).toEqual(ids);
  });
});

describe.each(backends.map((b) => [b.name, b] as const))('every rule on %s', (_name, backend) => {
  const scanner = createScanner({ backend });
  const scan = (text: string) => scanner.scanBuffer(Buffer.from(text), 'src/settings.env').findings;

  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('%s: finds its true example and not its near-miss', (id, rule) => {
    const fixture = fixtures[id]!;
    for (let attempt = 0; attempt < 3; attempt++) {
      const text = fixture.positive();
      const found = scan(text).filter((f) => f.ruleId === id);
      expect(found, `expected ${id} in:\n${text}`).toHaveLength(1);
      const finding = found[0]!;
      const secretStart = text.split('\n').slice(0, finding.line - 1).reduce((n, l) => n + l.length + 1, 0) + finding.column - 1;
      const matchedLine = text.slice(text.lastIndexOf('\n', secretStart) + 1);
      expect(rule.keywords.some((k) => text.toLowerCase().includes(k)), `${id}: a keyword occurs`).toBe(true);
      expect(matchedLine.length).toBeGreaterThan(0);
      expect(finding.redacted).toMatch(/…\(\d+ chars\)$/);
      const secretLength = Number(/\((\d+) chars\)/.exec(finding.redacted)![1]);
      const secret = Buffer.from(text).subarray(Buffer.byteLength(text.slice(0, secretStart)), Buffer.byteLength(text.slice(0, secretStart)) + secretLength).toString();
      expect(JSON.stringify(finding)).not.toContain(secret);
      const miss = fixture.negative();
      expect(scan(miss).filter((f) => f.ruleId === id), `near-miss reported for ${id}:\n${miss}`).toHaveLength(0);
    }
  });
});
