import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { VERIFIERS } from '../../src/verify/verifiers/index.js';

describe('the verifier list', () => {
  const ruleIds = new Set(builtinRules.map((rule) => rule.id));

  it('names only rules the catalogue has', () => {
    const unknown = VERIFIERS.flatMap((verifier) => verifier.rules.filter((rule) => !ruleIds.has(rule)).map((rule) => `${verifier.id}: ${rule}`));
    expect(unknown).toEqual([]);
  });

  it('gives each rule and each provider id one verifier', () => {
    const rules = VERIFIERS.flatMap((verifier) => verifier.rules);
    expect(rules.filter((rule, index) => rules.indexOf(rule) !== index)).toEqual([]);
    const ids = VERIFIERS.map((verifier) => verifier.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('sends only over HTTPS to a bare origin (no credentials, query or fragment in the base URL)', () => {
    for (const verifier of VERIFIERS) {
      const url = new URL(verifier.baseUrl);
      expect({ id: verifier.id, protocol: url.protocol, auth: url.username + url.password, rest: url.search + url.hash }).toEqual({ id: verifier.id, protocol: 'https:', auth: '', rest: '' });
      expect(verifier.ratePerSecond ?? 5).toBeGreaterThan(0);
    }
  });
});
