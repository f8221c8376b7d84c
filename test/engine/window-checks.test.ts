import { describe, expect, it } from 'vitest';
import { mayMatchIn, windowNeeds } from '../../src/engine/window-checks.js';
import { createScanner } from '../../src/engine/scanner.js';
import { builtinRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/types.js';
import { ALPHABETS } from '../../src/rules/shape.js';
import { fixtureOf } from '../rules/examples.js';

const ruleWith = (pattern: string, keywords: string[]) => ({ id: 't', pattern, keywords }) as Rule;
const may = (rule: Rule, text: string) => mayMatchIn(Buffer.from(text), 0, text.length, windowNeeds(rule));

describe('window checks', () => {
  it('skips a window that lacks a literal every match holds, in short and long windows alike', () => {
    const rule = ruleWith('(?i)"[a-z_]{0,40}password[a-z_]{0,30}"\\s*:\\s*\\{\\s*"value"\\s*:\\s*"([^"]{8,})"', ['password']);
    expect(may(rule, '"db_password": { "val": "x", "Value" }')).toBe(true);
    expect(may(rule, '"db_password": { "val": "x", "type": "string" }')).toBe(false);
    const filler = ' '.repeat(2000);
    expect(may(rule, `"db_password": {${filler}"VALUE": "x"}`)).toBe(true);
    expect(may(rule, `"db_password": {${filler}"type": "x"}`)).toBe(false);
    expect(may(ruleWith('AKIA[0-9A-Z]{16}', ['akia']), `akia ${filler} AKIA`)).toBe(true);
    expect(may(ruleWith('x"AKIA[0-9A-Z]{16}', ['akia']), `akia ${filler} "akia x`)).toBe(false);
  });

  it('does not search for what the keyword hit already proves, nor for caseless k or s', () => {
    expect(windowNeeds(ruleWith('(?i)toggl[a-z]{0,8}=', ['toggl'])).literals).toEqual([]);
    // RE2 matches `(?i)secret` in "ſecret" (long s): an ASCII search would turn that window away.
    expect(windowNeeds(ruleWith('(?i)secret=', ['sec'])).literals).toEqual([]);
    expect(windowNeeds(ruleWith('(?i)value=', ['val'])).literals.map((l) => l.texts.map((t) => t.string))).toEqual([['value=']]);
  });

  it('lets a Terraform state secret through a window many times the length of a line', () => {
    const value = 'Zq7LmW2vXk9PbT4nHs6R';
    const state = `{\n  "outputs": {\n    "db_password": {\n${'      "description": "padding",\n'.repeat(12)}    "other": 1 },\n    "api_password": {\n      "value": "${value}",\n      "type": "string"\n    }\n  }\n}\n`;
    const findings = createScanner().scanBuffer(Buffer.from(state), 'prod/terraform.tfstate').findings;
    expect(findings.map((f) => f.ruleId)).toContain('terraform-state-secret');
  });

  it('turns no true example of any built-in rule away', () => {
    let checked = 0;
    for (const rule of builtinRules) {
      if (!rule.examples) continue;
      const needs = windowNeeds(rule);
      for (const example of fixtureOf(rule, ALPHABETS).positives()) {
        expect(mayMatchIn(Buffer.from(example), 0, example.length, needs), rule.id).toBe(true);
        checked += needs.literals.length > 0 ? 1 : 0;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
