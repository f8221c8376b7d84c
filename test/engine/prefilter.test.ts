import { describe, expect, it } from 'vitest';
import { KeywordPrefilter } from '../../src/engine/prefilter.js';
import { randomFrom } from '../helpers/fake-secrets.js';

/** Every (keyword, end) pair by brute force, in order of end, then keyword index as the DFA's outputs give them. */
function naive(words: readonly string[], text: string): string[] {
  const lower = text.toLowerCase();
  const hits: string[] = [];
  for (let end = 1; end <= lower.length; end++) {
    words.forEach((word, k) => {
      if (end >= word.length && lower.slice(end - word.length, end) === word) hits.push(`${k}@${end}`);
    });
  }
  return hits;
}

function scan(filter: KeywordPrefilter, buffer: Uint8Array): { hits: string[]; ends: number[] } {
  const hits: string[] = [];
  const ends: number[] = [];
  filter.scan(buffer, (k, end) => {
    hits.push(`${k}@${end}`);
    ends.push(end);
  });
  return { hits, ends };
}

describe('KeywordPrefilter on buffers long enough to be walked in four lanes', () => {
  const words = ['key', 'token', 'ghp_', 'akia', 'secret', 'pass', 'password', 'k', '-----begin rsa private key-----'];
  const filter = new KeywordPrefilter(words);

  it('agrees with a naive search, hits in order of end position', () => {
    for (const length of [2047, 2048, 2049, 4099, 10_001, 65_536]) {
      const text = randomFrom('kKeEyYtToOnNpPaAsSwWdDrRgGhH_ iI', length);
      const { hits, ends } = scan(filter, Buffer.from(text));
      expect([...hits].sort()).toEqual(naive(words, text).sort());
      expect(ends).toEqual([...ends].sort((a, b) => a - b));
    }
  });

  it('finds keywords that straddle the quarter boundaries, including the longest one', () => {
    const length = 8192;
    const q = length >>> 2;
    const long = words[8]!;
    for (const boundary of [q, 2 * q, 3 * q]) {
      for (const [word, shift] of [
        ...[0, 1, 3, long.length - 1, long.length, long.length + 1].map((shift) => [long, shift] as const),
        ...[0, 1, 2, 4, 5, 8].map((shift) => ['Password', shift] as const),
      ]) {
        const chars = Array.from({ length }, () => '.');
        const at = boundary - shift;
        for (let i = 0; i < word.length; i++) chars[at + i] = i % 2 ? word[i]!.toUpperCase() : word[i]!;
        const text = chars.join('');
        const { hits, ends } = scan(filter, Buffer.from(text));
        expect([...hits].sort()).toEqual(naive(words, text).sort());
        expect(ends).toEqual([...ends].sort((a, b) => a - b));
      }
    }
  });

  it('scans a view into a larger buffer at any offset', () => {
    const backing = Buffer.from(randomFrom('abcdefghijklmnopqrstuvwxyzPASSWORDKEY', 20_000));
    for (const offset of [0, 1, 2, 3, 7]) {
      const view = backing.subarray(offset, offset + 9000);
      const { hits } = scan(filter, view);
      expect([...hits].sort()).toEqual(naive(words, view.toString('latin1')).sort());
    }
  });
});
