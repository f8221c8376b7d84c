import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { providerPrefixes } from '../../src/engine/provider-prefixes.js';
import { builtinRules } from '../../src/rules/index.js';

describe('provider prefixes, derived from the rules', () => {
  const prefixes = providerPrefixes(builtinRules);
  const known = new Set(prefixes.map((p) => p.prefix));

  it('holds the prefixes that open specific rules\' secrets, and no URL scheme or host', () => {
    for (const prefix of ['ghp_', 'github_pat_', 'glpat-', 'npm_', 'xoxb-', 'xapp-', 'sk_live_', 'AIza', 'sgp_', 'pat.', 'cfut_', 'git&']) expect(known, prefix).toContain(prefix);
    const at = (prefix: string) => prefixes.find((p) => p.prefix === prefix)?.at;
    expect(at('-NRMA')).toBe('end');
    expect(at('+ACR')).toBe('inside');
    // Lower-case words and hosts inside a pattern are anyone's: `_secret_` (Stripe's client secrets), `hooks.slack.com`.
    expect(known).not.toContain('_secret_');
    expect(known).not.toContain('hooks.slack.com');
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
      // A signature at the end or inside, and a checksum the owner's validator refuses, are the provider's too.
      const hex = (n: number) => Array.from({ length: n }, (_, i) => '0123456789abcdef'[(i * 7 + n) % 16]).join('');
      expect(ids(`const mobileToken = "AA${hex(38)}-NRMA";`)).toEqual([]);
      expect(ids(`const registryToken = "${['Qx7Lp2Wm9Z', 'aB4cD8eF1gH5', 'Zr2Ty6Ui0Op3', 'Mn5Bv'].join('')}+ACRAbc12";`)).toEqual([]);
      expect(ids(`const githubToken = "ghp_${['Qx7Lp2Wm9Z', 'aB4cD8eF1gH5', 'Zr2Ty6Ui0Op3', 'Mn'].join('')}";`)).toEqual([]);
      // Built at run time, so the test file itself holds no value that looks like a secret.
      const random = ['Qx7Lp2Wm9Z', 'aB4cD8eF1gH5'].join('');
      expect(ids(`const serviceToken = "${random}";`)).toEqual(['generic-secret-assignment']);
    },
  );
});
