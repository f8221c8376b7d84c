import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { providerPrefixes } from '../../src/engine/provider-prefixes.js';
import { builtinRules } from '../../src/rules/index.js';

describe('provider prefixes, derived from the rules', () => {
  const prefixes = providerPrefixes(builtinRules);
  const known = new Set(prefixes.map((p) => p.prefix));

  it('holds the prefixes that open specific rules\' secrets, and no URL scheme or host', () => {
    for (const prefix of ['ghp_', 'github_pat_', 'glpat-', 'npm_', 'xoxb-', 'xapp-', 'sk_live_', 'AIza', 'sgp_']) expect(known, prefix).toContain(prefix);
    for (const { prefix, rules } of prefixes) {
      expect(prefix).not.toMatch(/[:/ ]|^(?:secret|token|key)[-_.]/i);
      expect(rules.every((rule) => rule.kind !== 'generic')).toBe(true);
    }
  });

  it.each([regexBackends.native(), regexBackends.wasm(), regexBackends.portable].filter((b) => b !== undefined).map((b) => [b.name, b] as const))(
    'drops a generic value with a provider prefix but not its format, keeps other values (%s)',
    (_name, backend) => {
      const scanner = createScanner({ backend });
      const ids = (text: string) => scanner.scanBuffer(Buffer.from(text), 'src/config.ts').findings.map((f) => f.ruleId);
      expect(ids('const slackBotToken = "xoxb-1234-abcdEFGH";')).toEqual([]);
      expect(ids('const stripeKey = "sk_live_Qx7Lp2Wm9Z";')).toEqual([]);
      // Built at run time, so the test file itself holds no value that looks like a secret.
      const random = ['Qx7Lp2Wm9Z', 'aB4cD8eF1gH5'].join('');
      expect(ids(`const serviceToken = "${random}";`)).toEqual(['generic-secret-assignment']);
    },
  );
});
