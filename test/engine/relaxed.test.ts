import { describe, expect, it } from 'vitest';
import { ScanInput, regexBackends, type RegexBackend } from '../../src/engine/regex.js';
import { relaxedPattern } from '../../src/engine/relaxed.js';
import { builtinRules } from '../../src/rules/index.js';
import { ALPHABETS } from '../../src/rules/shape.js';
import { fixtureOf } from '../rules/examples.js';

const backends = [regexBackends.native(), regexBackends.wasm(), regexBackends.portable].filter((b): b is RegexBackend => b !== undefined);

describe('relaxed patterns', () => {
  it('opens counted ranges and cuts long counts, leaving classes, escapes and short exact counts alone', () => {
    expect(relaxedPattern('(?:[A-Za-z0-9]{1,30}[_.-]){0,5}x')).toBe('(?:[A-Za-z0-9]+[_.-])*x');
    expect(relaxedPattern('[a-z0-9]{32}"')).toBe('[a-z0-9]{16,}"');
    expect(relaxedPattern('[^=;]{0,80}?=[a-f]{16,1000}')).toBe('[^=;]*?=[a-f]{16,}');
    expect(relaxedPattern('AKIA[0-9A-Z]{16}-\\d{4}')).toBe('AKIA[0-9A-Z]{16}-\\d{4}');
    expect(relaxedPattern('[{1,2}]\\{1,2\\}x{,3}\\p{Greek}{2,4}\\x{41}{3,9}')).toBe('[{1,2}]\\{1,2\\}x{,3}\\p{Greek}{2,}\\x{41}{3,}');
    expect(relaxedPattern('\\Qa{1,2}\\E')).toBe('\\Qa{1,2}\\E');
    expect(relaxedPattern('[a-z{1,2}')).toBe('[a-z{1,2}');
  });

  // Every rule on native RE2; a seventh of them on the slower backends, which read the same syntax.
  it.each(backends.map((backend) => [backend.name, backend] as const))('compiles for the built-in rules and passes each true example (%s)', (name, backend) => {
    const stride = name === 'native-re2' ? 1 : 7;
    let tested = 0;
    for (const rule of builtinRules.filter((_rule, i) => i % stride === 0)) {
      const test = backend.compileTest(relaxedPattern(rule.pattern));
      for (const example of rule.examples ? fixtureOf(rule, ALPHABETS).positives() : []) {
        const text = Buffer.from(example);
        expect(test.test(new ScanInput(text), 0, text.length), rule.id).toBe(true);
        tested++;
      }
    }
    expect(tested).toBeGreaterThan(1000 / stride);
  });

  it.each(backends.map((backend) => [backend.name, backend] as const))('tests inside the window only, and finds a match that RE2 would report (%s)', (_name, backend) => {
    const input = new ScanInput(Buffer.from('token=abc;\nnone here\nx'));
    const test = backend.compileTest('token=[a-z]{3};');
    expect(test.test(input, 0, 10)).toBe(true);
    expect(test.test(input, 1, 10)).toBe(false);
    expect(test.test(input, 0, 9)).toBe(false);
    // A pattern whose first match is empty still counts: the engine's scan goes on past empty matches.
    const lazy = backend.compileTest('(?:|b)c');
    expect(lazy.test(new ScanInput(Buffer.from('aabc')), 0, 4)).toBe(true);
    expect(backend.compileTest('^x$').test(input, 21, 22)).toBe(true);
    expect(backend.compileTest('x$').test(input, 0, 9)).toBe(false);
  });
});
