import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { regexBackends, requiredByteSets, requiredBytes } from '../../src/engine/regex.js';
import { ScanInput } from '../../src/engine/regex.js';

const chars = (pattern: string) => requiredBytes(pattern).map((byte) => String.fromCharCode(byte)).sort().join('');

describe('requiredBytes', () => {
  it('takes punctuation literals that every match must contain, from the top level and required groups', () => {
    expect(chars('(?i)https?://[^:/\\s\'"@<>]{1,128}:([^@\\s\'"/<>]{8,256})@(?:www\\.)?(?:github\\.com|gitlab\\.com)')).toBe('./:@');
    expect(chars('a(b|c)@')).toBe('@');
    expect(chars('(?i)a(?:b:c)+d')).toBe(':');
    expect(chars('(?P<name>x#y)')).toBe('#');
    expect(chars('a\\@b\\.c')).toBe('.@');
    expect(chars('a{2}@')).toBe('@');
    expect(chars('(?s:.)=')).toBe('=');
    expect(chars('\\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\\b')).toBe('_');
  });

  it('takes a set of bytes, one of which every match holds, from an alternation whose every branch requires one', () => {
    const sets = (pattern: string) => requiredByteSets(pattern).map((set) => set.map((byte) => String.fromCharCode(byte)).sort().join(''));
    expect(sets('(?i)password[ \\t]*(?::|=|:=|=>)[ \\t]*"')).toEqual([':=', '"']);
    expect(sets('x=|y:')).toEqual([':=']);
    expect(sets('a(?:b|c:)d')).toEqual([]);
    expect(sets('(?:=|:)?x')).toEqual([]);
  });

  it('knows nothing rather than guess: alternation, optional atoms, classes, dots, letters', () => {
    for (const pattern of ['x|@', '(?:x@)?y', '(a=b){0,3}', '@{0}', '@*', '@?', '[@]x', 'a.b', 'AKIA[A-Z]{16}', '(?:a|@)', '\\x40', '\\Q@\\E', 'a{,2}@', '(?=@)']) {
      expect(requiredBytes(pattern), pattern).toEqual([]);
    }
  });

  it('never excludes a match of a built-in rule: every match of every pattern on a sample holds its bytes', () => {
    const backend = regexBackends.native() ?? regexBackends.portable;
    const samples = Buffer.from(
      [
        'https://user:s3cretpassw0rd@github.com/x', // keyward:allow (made-up sample)
        'postgres://app:Xy7pQ2mN9vB4@db.internal.acme.net:5432/app', // keyward:allow (made-up sample)
        'jdbc:mysql://h:3306/db?user=a&password=Sup3rS3cret!', // keyward:allow (made-up sample)
        're_abcdefgh_ABCDEFGHIJKLMNOPQRSTUVWX',
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', // keyward:allow (made-up sample)
        'SG.aaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
      ].join('\n'),
    );
    const input = new ScanInput(samples);
    for (const rule of builtinRules) {
      const required = requiredByteSets(rule.pattern);
      if (required.length === 0) continue;
      backend.compile(rule.pattern).scan(input, 0, samples.length, (match) => {
        const text = samples.subarray(match.start, match.end);
        for (const set of required) expect(set.some((byte) => text.includes(byte)), `${rule.id}: ${String.fromCharCode(...set)}`).toBe(true);
      });
    }
  });
});
