import { describe, expect, it } from 'vitest';
import { commandSafe, escapeLogValue } from '../../src/report/log-text.js';
import { commandLines } from './trust-helpers.js';

const PAYLOADS = [
  '\n::stop-commands::x-injected',
  '\n::save-state name=keyward-evidence::/etc/passwd',
  '\r::add-mask::x-injected',
  '\r\n::set-output name=verdict::pass',
  '::error::x-injected',
  '  \t::warning::x-injected',
  '%0A::error::x-injected',
  'a ##[add-mask]x-injected',
];

describe('log text escaping', () => {
  it('keeps a PR-controlled fragment on its line, escaping as the runner does', () => {
    expect(escapeLogValue('a%b\rc\nd')).toBe('a%25b%0Dc%0Ad');
    for (const payload of PAYLOADS) expect(escapeLogValue(payload)).not.toMatch(/[\r\n]/);
  });

  it('defuses every line that would start a workflow command, keeping the line breaks', () => {
    for (const payload of PAYLOADS) {
      const message = `notice: src/${payload}.env: not scanned`;
      const safe = commandSafe(message);
      expect(commandLines(safe), JSON.stringify(safe)).toEqual([]);
      expect(safe.split(/\r\n|\r|\n/)).toHaveLength(message.split(/\r\n|\r|\n/).length);
    }
    expect(commandSafe('::stop-commands::x')).toBe('%3A:stop-commands::x');
    expect(commandSafe('plain text: a::b')).toBe('plain text: a::b');
  });
});
