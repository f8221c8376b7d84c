import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';
import { MAX_MATCHES_PER_WINDOW, REGEX_BUDGET_BASE } from '../../src/engine/scanner.js';
import { collectWindows, buildKeywordIndex, type PreparedRule } from '../../src/engine/windows.js';
import { builtinRules } from '../../src/rules/index.js';

const flood = (keyword: string, bytes: number) => Buffer.alloc(bytes, Buffer.from(`${keyword} `));

describe('keyword flood (one long line of one keyword)', () => {
  const prepared: PreparedRule[] = builtinRules.map((rule, order) => ({ rule, order, generic: rule.kind === 'generic', skipPath: () => false }));
  const index = buildKeywordIndex(prepared);

  it('collects one window per rule, whatever the line length', () => {
    for (const bytes of [1 << 16, 1 << 20]) {
      const windows = collectWindows(index, flood('--password', bytes), 'flood.txt', () => 'text');
      expect(windows.length).toBeGreaterThan(0);
      for (const { windows: list } of windows) expect(list).toHaveLength(1);
    }
  });

  it('stops each rule after MAX_MATCHES_PER_WINDOW matches on the line and reports the rest as not scanned', () => {
    const scanner = createScanner({ backend: regexBackends.native() ?? regexBackends.portable, config: { ...defaultConfig(), maxFileSize: 8 << 20 } });
    // Shorter than a long window, so the regex work bound (tested below) is not what cuts it.
    const result = scanner.scanBuffer(flood('--password', 12 << 10), 'flood.txt');
    const crowded = result.notices.find((n) => n.message.includes(`over ${MAX_MATCHES_PER_WINDOW} matches of cli-password-argument`));
    expect(crowded).toMatchObject({ kind: 'other', path: 'flood.txt', unscanned: true });
  });

  it('bounds the regex work of a file, on both backends, and reports the windows it gave up as not scanned', () => {
    for (const backend of [regexBackends.native(), regexBackends.portable].filter((b) => b !== undefined)) {
      const scanner = createScanner({ backend, config: { ...defaultConfig(), maxFileSize: 16 << 20 } });
      const result = scanner.scanBuffer(flood('password=', 4 * REGEX_BUDGET_BASE), 'flood.txt');
      const bound = result.notices.find((n) => n.message.includes('regex work over long lines'));
      expect(bound, backend.name).toMatchObject({ kind: 'other', path: 'flood.txt', unscanned: true });
      expect(bound!.message).toMatch(/^flood\.txt: from line 1, keyword-dense content was not checked for [a-z0-9-]+(, [a-z0-9-]+)*: /);
    }
  });

  it('never reaches the bound on keyword-dense but ordinary content: a file of secret assignments is scanned whole', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `SERVICE_${i}_SECRET_KEY=${'placeholder'.repeat(3)}${i}`).join('\n');
    const key = `AKIA${'ABCDEFGHIJKLMNOP'.split('').reverse().join('').slice(0, 16)}`;
    const content = Buffer.from(`${lines}\naws_access_key_id=${key}\n`);
    const scanner = createScanner({ backend: regexBackends.native() ?? regexBackends.portable });
    const result = scanner.scanBuffer(content, 'dense.env');
    expect(result.notices.filter((n) => n.unscanned)).toEqual([]);
  });

  it('reports nothing unscanned on a line with fewer matches than the cap', () => {
    const scanner = createScanner({ backend: regexBackends.portable });
    expect(scanner.scanBuffer(flood('--password', 2000), 'few.txt').notices).toEqual([]);
  });
});
