import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';

interface AuditEntry {
  ruleId: string;
  checked: string;
  source: string;
  verdict: string;
  note: string;
}

const log = JSON.parse(readFileSync(new URL('../../bench/audit/rules-audit.json', import.meta.url), 'utf8')) as AuditEntry[];

describe('provider catalogue audit log', () => {
  it('names only rules that exist, each once, with a date, an https source, a verdict and a note', () => {
    const ids = new Set(builtinRules.map((rule) => rule.id));
    expect(log.length).toBeGreaterThan(0);
    expect(new Set(log.map((entry) => entry.ruleId)).size, 'one entry per rule').toBe(log.length);
    for (const entry of log) {
      expect(ids.has(entry.ruleId), `${entry.ruleId} is a rule`).toBe(true);
      expect(entry.checked, entry.ruleId).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.source, entry.ruleId).toMatch(/^https:\/\//);
      expect(['ok', 'fixed'], entry.ruleId).toContain(entry.verdict);
      expect(entry.note.length, entry.ruleId).toBeGreaterThan(10);
    }
  });
});
