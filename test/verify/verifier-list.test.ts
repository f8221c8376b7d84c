import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { VERIFIERS } from '../../src/verify/verifiers/index.js';

describe('the verifier list', () => {
  const ruleIds = new Set(builtinRules.map((rule) => rule.id));

  it('names only rules the catalogue has', () => {
    const unknown = VERIFIERS.flatMap((verifier) => verifier.rules.filter((id) => !ruleIds.has(id)).map((id) => `${verifier.id}: ${id}`));
    expect(unknown).toEqual([]);
  });

  it('gives each rule to one verifier and each verifier its own id', () => {
    const ids = VERIFIERS.map((verifier) => verifier.id);
    expect(new Set(ids).size).toBe(ids.length);
    const rules = VERIFIERS.flatMap((verifier) => verifier.rules);
    expect(rules.filter((id, index) => rules.indexOf(id) !== index)).toEqual([]);
  });

  it('binds every verifier to a fixed https origin with a sane rate', () => {
    for (const verifier of VERIFIERS) {
      const url = new URL(verifier.baseUrl);
      expect(url.protocol, verifier.id).toBe('https:');
      expect(url.username + url.password + url.search + url.hash, verifier.id).toBe('');
      expect(verifier.id, verifier.id).toMatch(/^[a-z0-9-]+$/);
      expect(verifier.rules.length, verifier.id).toBeGreaterThan(0);
      expect(verifier.ratePerSecond ?? 5, verifier.id).toBeGreaterThan(0);
      expect(verifier.ratePerSecond ?? 5, verifier.id).toBeLessThanOrEqual(10);
    }
  });
});
