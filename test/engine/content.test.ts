import { describe, expect, it } from 'vitest';
import { lineBounds, looksBinary } from '../../src/engine/content.js';
import { randomFrom } from '../helpers/fake-secrets.js';

/** The plain definition: the nearest newlines within `max` bytes either way. */
function reference(content: Buffer, from: number, to: number, max: number): { start: number; end: number } {
  const lowest = Math.max(0, from - max);
  const before = content.subarray(lowest, from).lastIndexOf(10);
  const highest = Math.min(content.length, to + max);
  const after = content.subarray(to, highest).indexOf(10);
  return { start: before === -1 ? lowest : lowest + before + 1, end: after === -1 ? highest : to + after };
}

describe('lineBounds', () => {
  it('matches the plain definition on short lines, long lines and lines longer than the reach', () => {
    for (const [alphabet, length] of [
      ['ab\n', 300],
      ['abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789\n', 5000],
      ['x'.repeat(999) + '\n', 20_000],
      ['x', 10_000],
    ] as const) {
      const content = Buffer.from(randomFrom(alphabet, length));
      for (let trial = 0; trial < 400; trial++) {
        const from = Math.floor(Math.random() * content.length);
        const to = Math.min(content.length, from + Math.floor(Math.random() * 8));
        for (const max of [0, 1, 100, 256, 257, 4096]) {
          expect(lineBounds(content, from, to, max)).toEqual(reference(content, from, to, max));
        }
      }
      for (const [from, to] of [
        [0, 0],
        [0, 1],
        [content.length, content.length],
        [content.length - 1, content.length],
      ] as const) {
        expect(lineBounds(content, from, to, 4096)).toEqual(reference(content, from, to, 4096));
      }
    }
  });
});

describe('looksBinary', () => {
  it('looks for a NUL byte in the first 8000 bytes only, also in a view at an offset', () => {
    const text = Buffer.alloc(9000, 'a');
    expect(looksBinary(text)).toBe(false);
    text[7999] = 0;
    expect(looksBinary(text)).toBe(true);
    text[7999] = 97;
    text[8000] = 0;
    expect(looksBinary(text)).toBe(false);
    expect(looksBinary(text.subarray(1))).toBe(true);
    expect(looksBinary(new Uint8Array([1, 2, 3]))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
  });
});
