import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';
import { MAX_MATCHES_PER_WINDOW } from '../../src/engine/scanner.js';
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
    const result = scanner.scanBuffer(flood('--password', 1 << 20), 'flood.txt');
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatchObject({ kind: 'other', path: 'flood.txt', unscanned: true });
    expect(result.notices[0]!.message).toContain(`over ${MAX_MATCHES_PER_WINDOW} matches of cli-password-argument`);
  });

  it('reports nothing unscanned on a line with fewer matches than the cap', () => {
    const scanner = createScanner({ backend: regexBackends.portable });
    expect(scanner.scanBuffer(flood('--password', 2000), 'few.txt').notices).toEqual([]);
  });
});
