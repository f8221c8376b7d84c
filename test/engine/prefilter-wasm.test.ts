import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeywordPrefilter, prefilterWalkDescription, type PrefilterOptions } from '../../src/engine/prefilter.js';
import { builtinRules } from '../../src/rules/index.js';

/** Every hit as keyword, end, keyword, end..., in the order `scan` reports them. */
function hitsOf(filter: KeywordPrefilter, buffer: Uint8Array): number[] {
  const hits: number[] = [];
  filter.scan(buffer, (keyword, end) => hits.push(keyword, end));
  return hits;
}

/** The JS walk and the wasm walk over the same keywords; `sizes` shrinks the wasm buffer to reach growth and chunks. */
function pair(keywords: readonly string[], wasm: PrefilterOptions = {}): { js: KeywordPrefilter; wasm: KeywordPrefilter } {
  return { js: new KeywordPrefilter(keywords, { walk: 'js' }), wasm: new KeywordPrefilter(keywords, { ...wasm, walk: 'wasm' }) };
}

function expectSameHits(filters: ReturnType<typeof pair>, buffer: Uint8Array): void {
  const expected = hitsOf(filters.js, buffer);
  expect(hitsOf(filters.wasm, buffer)).toEqual(expected);
}

/** Random bytes, a keyword (in random case) dropped in about every `every` bytes so hits are dense. */
function randomText(keywords: readonly string[], length: number, every = 64): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = randomInt(256);
  for (let at = randomInt(every); at < length; at += 1 + randomInt(2 * every)) {
    const word = keywords[randomInt(keywords.length)]!;
    const cased = [...word].map((c) => (randomInt(2) ? c.toUpperCase() : c)).join('');
    Buffer.from(cased, 'utf8').copy(bytes, at);
  }
  return bytes;
}

/** The keyword sets a scanner builds from the built-in rules: all of them together, and each rule's own. */
const allKeywords = [...new Set(builtinRules.flatMap((rule) => rule.keywords.map((k) => k.toLowerCase())))];
const ruleKeywordSets = builtinRules
  .map((rule) => [...new Set(rule.keywords.map((k) => k.toLowerCase()))])
  .filter((set) => set.length > 0);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('the wasm prefilter walk gives the JS walk\'s hits, in the same order', () => {
  const builtin = pair(allKeywords);

  it('runs in WebAssembly by default, and in JS under KEYWARD_PREFILTER=js', () => {
    expect(new KeywordPrefilter(['key']).walkKind).toBe('wasm');
    process.env.KEYWARD_PREFILTER = 'js';
    expect(new KeywordPrefilter(['key']).walkKind).toBe('js');
  });
  afterEach(() => {
    delete process.env.KEYWARD_PREFILTER;
  });

  it('says which walk runs, and why when it is the JS one', () => {
    expect(prefilterWalkDescription()).toBe('wasm');
    process.env.KEYWARD_PREFILTER = 'js';
    expect(prefilterWalkDescription()).toBe('js (KEYWARD_PREFILTER=js)');
  });

  it('falls back to the JS walk for keywords of more than 64 distinct bytes, and says so', () => {
    const keywords = Array.from({ length: 70 }, (_, i) => `k${String.fromCharCode(0x80 + i)}`);
    expect(() => new KeywordPrefilter(keywords, { walk: 'wasm' })).toThrow(/64 byte classes/);
    const filter = new KeywordPrefilter(keywords);
    expect(filter.walkKind).toBe('js');
    expect(prefilterWalkDescription()).toBe('js (the wasm walk did not start: the wasm walk takes at most 64 byte classes)');
    expect(hitsOf(filter, Buffer.from('xK\u0080', 'utf8'))).toEqual([0, 4]);
  });

  it('on real files: this repository\'s own sources, one scan per file and all of them as one buffer', () => {
    const files = sourceFiles('src').map((path) => readFileSync(path));
    for (const file of files) expectSameHits(builtin, file);
    const whole = Buffer.concat(files);
    expect(whole.length).toBeGreaterThan(1 << 20);
    expectSameHits(builtin, whole);
    expect(hitsOf(builtin.wasm, whole).length).toBeGreaterThan(1000);
  });

  it('on empty and one-byte buffers', () => {
    expect(hitsOf(builtin.wasm, Buffer.alloc(0))).toEqual([]);
    const single = pair(['k', 'key']);
    expect(hitsOf(single.wasm, Buffer.from('K'))).toEqual([0, 1]);
    expect(hitsOf(single.wasm, Buffer.from('x'))).toEqual([]);
  });

  it('on random buffers of every size around the lane thresholds, with all the built-in keywords', () => {
    const lengths = [2, 3, 52, 53, 54, 63, 64, 65, 127, 128, 129, 212, 255, 256, 257, 511, 512, 513, 4095, 4096, 4097, 65_537];
    for (const length of lengths) expectSameHits(builtin, randomText(allKeywords, length));
  });

  it('with each built-in rule\'s own keywords', () => {
    for (const keywords of ruleKeywordSets) {
      const filters = pair(keywords);
      for (const length of [1500]) expectSameHits(filters, randomText(keywords, length, 16));
    }
  });

  it('when a hit ends at every byte', () => {
    const filters = pair(['a', 'aa', 'aaa']);
    for (const length of [1, 100, 1000, 20_000]) expectSameHits(filters, Buffer.alloc(length, 'a'));
  });

  it('on a buffer larger than the memory it started with, and one walked in chunks', () => {
    const grown = pair(allKeywords, { wasmSizes: { initialBytes: 1024, chunkBytes: 1 << 20 } });
    for (const length of [1000, 5000, 300_000, 1 << 20]) expectSameHits(grown, randomText(allKeywords, length, 200));
    // The default chunk is 256 KiB: three megabytes walk in twelve chunks.
    expectSameHits(builtin, randomText(allKeywords, 3 << 20, 4000));
  });
});

describe('a keyword straddling a lane or chunk boundary is found by the wasm walk', () => {
  const long = '-----begin openssh private key-----';
  const words = ['key', 'secret', long, 'password'];

  /** `word` (alternating case) written over dots so that it starts `shift` bytes before `boundary`. */
  function straddling(length: number, boundary: number, word: string, shift: number): Buffer {
    const bytes = Buffer.alloc(length, '.');
    const at = boundary - shift;
    for (let i = 0; i < word.length; i++) bytes[at + i] = (i % 2 ? word[i]!.toUpperCase() : word[i]!).charCodeAt(0);
    return bytes;
  }

  function expectEveryShift(filters: ReturnType<typeof pair>, length: number, boundaries: number[]): void {
    for (const boundary of boundaries) {
      for (const word of [long, 'password']) {
        for (let shift = 0; shift <= word.length + 1; shift++) {
          const buffer = straddling(length, boundary, word, shift);
          const hits = hitsOf(filters.wasm, buffer);
          expect(hits).toEqual(hitsOf(filters.js, buffer));
          const end = boundary - shift + word.length;
          expect(hits.some((value, i) => i % 2 === 1 && value === end && hits[i - 1] === words.indexOf(word))).toBe(true);
        }
      }
    }
  }

  it('at the lanes of one buffer', () => {
    const filters = pair(words);
    // 4,000 bytes walk in four lanes of 1,000; 401 in four of 100 (and one byte more); 200 in two of 100.
    expectEveryShift(filters, 4000, [1000, 2000, 3000]);
    expectEveryShift(filters, 401, [100, 200, 300]);
    expectEveryShift(filters, 200, [100]);
  });

  it('at the chunks of a large buffer, and at the lanes inside each chunk', () => {
    const filters = pair(words, { wasmSizes: { initialBytes: 1024, chunkBytes: 4000 } });
    // Chunks start at 4,000 and 8,000; each later chunk walks its 4,000 bytes plus the overlap in lanes of 1,000.
    expectEveryShift(filters, 10_000, [1000, 3000, 4000, 5000, 7000, 8000, 9000]);
  });
});
