import { describe, expect, it } from 'vitest';
import { regexBackends } from '../../src/engine/index.js';
import { ScanInput } from '../../src/engine/regex.js';
import { caseSwappedShape, classChars, parseShape, placeholderShape, shapeRegex, shortenedShape, tokenPattern } from '../../src/rules/shape.js';
import { isHumanPassword } from '../../src/rules/values/passwords.js';
import { expand } from './examples.js';
import { ALPHABETS } from '../../src/rules/shape.js';

const secretsOf = (pattern: string, text: string) => {
  const found: string[] = [];
  const content = Buffer.from(text);
  regexBackends.portable.compile(pattern).scan(new ScanInput(content), 0, content.length, (m) => found.push(content.subarray(m.secretStart, m.secretEnd).toString()));
  return found;
};

describe('token shapes', () => {
  it('parses literals, named alphabets, ranges and classes, and rejects unknown alphabets', () => {
    expect(parseShape('sgp_<hex:16>_<alnum:20-40><[AQgw]:1>')).toEqual([
      { literal: 'sgp_' },
      { charClass: 'a-f0-9', min: 16, max: 16 },
      { literal: '_' },
      { charClass: 'A-Za-z0-9', min: 20, max: 40 },
      { charClass: 'AQgw', min: 1, max: 1 },
    ]);
    expect(() => parseShape('x_<hexx:4>')).toThrow(/unknown alphabet hexx/);
    expect(shapeRegex('a.b+<digit:2>')).toBe('a\\.b\\+[0-9]{2}');
  });

  it('matches a whole token only: not inside a longer run of its alphabet', () => {
    const pattern = tokenPattern('<alnum:76>AZDO<alnum:4>');
    const token = 'a'.repeat(40) + 'B1'.repeat(18) + 'AZDO' + 'x9Y2';
    expect(secretsOf(pattern, `PAT="${token}"`)).toEqual([token]);
    expect(secretsOf(pattern, `PAT="Q${token}"`)).toEqual([]);
    expect(secretsOf(pattern, `PAT="${token}Z"`)).toEqual([]);
    expect(secretsOf(tokenPattern('sgp_<hex:40>'), `x=sgp_${'ab12'.repeat(10)};`)).toEqual([`sgp_${'ab12'.repeat(10)}`]);
  });

  it('derives near misses: one short, literals case-swapped, x filler where the alphabet allows it', () => {
    expect(shortenedShape('tvly-<word:32-48>')).toBe('tvly-<[A-Za-z0-9_-]:31>');
    expect(caseSwappedShape('sgp_<hex:40>')).toBe('SGP_<[a-f0-9]:40>');
    expect(caseSwappedShape('1000.<hex:32>')).toBeUndefined();
    expect(placeholderShape('pnu_<alnum:36>')).toBe(`pnu_${'x'.repeat(36)}`);
    expect(placeholderShape('dop_v1_<hex:64>')).toBeUndefined();
  });

  it('expands examples with fresh characters from each class', () => {
    expect(classChars('a-f0-9')).toBe('abcdef0123456789');
    expect(classChars('A-Za-z0-9\\-_')).toContain('-');
    const value = expand('sgp_<hex:16>_<[AQgw]:1>', ALPHABETS);
    expect(value).toMatch(/^sgp_[a-f0-9]{16}_[AQgw]$/);
  });
});

describe('human-chosen passwords', () => {
  it('takes weak literals people write and leaves placeholders, code, labels and versions out', () => {
    for (const yes of ['admin123', 'RedisPass1!', 'pass123', 'Summer2024!', 'hunter2x']) expect(isHumanPassword(yes), yes).toBe(true);
    for (const no of ['password', 'changeme', '<password>', '${PASS}', '{password}', 'xxx', '***', '', 'Password', 'a.type==', '1.0.0', 'config.db.password', '&lt;password&gt;', 'null', '%DB_PASS%']) expect(isHumanPassword(no), no).toBe(false);
  });
});
