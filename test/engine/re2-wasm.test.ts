import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ScanInput, regexBackends, type MatchSpan, type RegexBackend } from '../../src/engine/regex.js';
import { builtinRules } from '../../src/rules/index.js';
import { ALPHABETS } from '../../src/rules/shape.js';
import { fixtureOf } from '../rules/examples.js';

const wasm = regexBackends.wasm();
const native = regexBackends.native();

function spans(backend: RegexBackend, pattern: string, input: ScanInput, from: number, to: number): MatchSpan[] {
  const found: MatchSpan[] = [];
  backend.compile(pattern).scan(input, from, to, (match) => {
    found.push(match);
  });
  return found;
}

/** Noise with ASCII, newlines, quotes, multi-byte UTF-8 and bytes that are not UTF-8 at all. */
function noise(length: number): Buffer {
  const pieces = ['a', 'Z', '7', '_', '-', ' ', '\n', '"', "'", '=', ':', '/', '+', 'é', '€', '😀', '\t', 'key', 'token', 'KEY'];
  const parts: Buffer[] = [];
  for (let size = 0; size < length; ) {
    const part = randomInt(12) === 0 ? Buffer.from([0x80 + randomInt(0x80)]) : Buffer.from(pieces[randomInt(pieces.length)]!, 'utf8');
    parts.push(part);
    size += part.length;
  }
  return Buffer.concat(parts);
}

const patternRules = builtinRules.filter((rule) => !rule.wholeFile);
const examplesOf = (rule: (typeof patternRules)[number]) => {
  if (!rule.examples) return [];
  const fixture = fixtureOf(rule, ALPHABETS);
  return [...fixture.positives(), ...fixture.negatives()];
};

/** Patterns that exercise empty matches, anchors, groups that do not take part, UTF-8 classes and \B. */
const SHAPES = ['x*', '^', '$', '(?m)^\\w+$', '.{3}', '\\B', '(a|ab)(c|bcd)?', '(?i)key\\s*[=:]\\s*"?([^"\\s]+)', '[^\\x00-\\x7f]+', '\\b\\w{2}\\b', '(?s)token.{0,5}'];

describe.runIf(wasm !== undefined)('RE2 as WebAssembly (dist/native/wasm/re2.wasm)', () => {
  const backend = wasm!;

  // A random sample of the rules each run (some patterns' long counted repeats make RE2 fall back to its NFA, which
  // takes a second or more per example file on both backends), every odd shape, the whole input and a random window.
  it.runIf(native !== undefined)('reports the same spans as the native addon, for built-in rules and odd shapes, on random input and windows', () => {
    const sample = patternRules.filter(() => randomInt(8) === 0);
    const cases: [string, string[]][] = [...sample.map((rule) => [rule.pattern, examplesOf(rule)] as [string, string[]]), ...SHAPES.map((shape) => [shape, []] as [string, string[]])];
    for (const [pattern, examples] of cases) {
      const content = Buffer.concat([noise(300), ...examples.flatMap((example) => [Buffer.from(example, 'utf8'), noise(40)])]);
      const input = new ScanInput(content);
      const from = randomInt(40);
      const to = content.length - randomInt(40);
      for (const [a, b] of [[0, content.length], [from, to]] as const) expect(spans(backend, pattern, input, a, b), pattern).toEqual(spans(native!, pattern, input, a, b));
    }
  }, 120_000);

  it('throws RE2\'s own message for a pattern that is not RE2 syntax', () => {
    expect(() => backend.compile('(?<=a)b')).toThrow(/invalid perl operator|invalid regular expression/);
    expect(() => backend.compile('a(b')).toThrow(/missing \)/);
  });

  it('keeps each input apart when scans of two inputs interleave (the loaded copy is per input)', () => {
    const pattern = backend.compile('[0-9]+');
    const first = new ScanInput(Buffer.from('aa 12 bb 345'));
    const second = new ScanInput(Buffer.from('9999 x 77 y'));
    const seen: string[] = [];
    pattern.scan(first, 0, first.buffer.length, (m) => {
      seen.push(first.buffer.toString('utf8', m.start, m.end));
      pattern.scan(second, 0, second.buffer.length, (n) => void seen.push(second.buffer.toString('utf8', n.start, n.end)));
    });
    expect(seen).toEqual(['12', '9999', '77', '345', '9999', '77']);
  });

  it('goes past one batch of matches and stops when the callback says so', () => {
    const content = Buffer.from('ab '.repeat(1000));
    expect(spans(backend, 'ab', new ScanInput(content), 0, content.length)).toHaveLength(1000);
    let count = 0;
    backend.compile('ab').scan(new ScanInput(content), 0, content.length, () => ++count < 130);
    expect(count).toBe(130);
  });

  it('scans a 30 MB input without aborting, the memory growing to hold it', () => {
    const content = Buffer.alloc(30 << 20, 'x');
    content.write('needle1234', 29 << 20);
    const found = spans(backend, 'needle[0-9]{4}', new ScanInput(content), 0, content.length);
    expect(found.map((m) => m.start)).toEqual([29 << 20]);
  });
});
