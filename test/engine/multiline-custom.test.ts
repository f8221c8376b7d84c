import { describe, expect, it } from 'vitest';
import { spansLines } from '../../src/engine/config/multiline.js';
import { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// gitleaks' own private-key pattern (config/gitleaks.toml), which spans the lines of a PEM block.
const GITLEAKS_PRIVATE_KEY = String.raw`(?i)-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----[\s\S-]{64,}?KEY(?: BLOCK)?-----`;
const pem = (lines: number) => ['-----BEGIN RSA PRIVATE KEY-----', ...Array.from({ length: lines }, () => randomFrom(B64, 64)), '-----END RSA PRIVATE KEY-----'].join('\n');

const backends = [
  ['re2js', regexBackends.portable],
  ['native-re2', regexBackends.native()],
  ['re2-wasm', regexBackends.wasm()],
] as const;

describe('spansLines', () => {
  it('sees patterns written to cross lines', () => {
    expect(spansLines(GITLEAKS_PRIVATE_KEY)).toBe(true);
    expect(spansLines('(?s)BEGIN.{10,}END')).toBe(true);
    expect(spansLines(String.raw`key\n[a-z]+`)).toBe(true);
    expect(spansLines(String.raw`[\s\S]*`)).toBe(true);
  });
  it('leaves one-line patterns alone, short whitespace separators included', () => {
    expect(spansLines(String.raw`(?i)token[\s'"]{0,3}(?:=|:)[\x60'"\s=]{0,5}([a-z0-9]{32})(?:[\x60'"\s;]|\\[nr]|$)`)).toBe(false);
    expect(spansLines('(?i)sk_live_[a-z0-9]{24}')).toBe(false);
    expect(spansLines(String.raw`(?i)\btoken\s*=\s*([a-z0-9]{20})`)).toBe(false);
  });
});

describe.each(backends)('a custom multi-line rule on %s', (_name, backend) => {
  const config = defaultConfig();
  config.rules.disable = ['private-key'];
  config.rules.custom.push({ id: 'gitleaks-private-key', title: 'Private key', severity: 'high', keywords: ['-----begin'], pattern: GITLEAKS_PRIVATE_KEY, longLived: true });
  const scanner = createScanner({ config, backend: backend ?? regexBackends.portable });

  it('matches a whole PEM block, 4096-bit size included, without printing it', () => {
    for (const size of [4, 50]) {
      const key = pem(size);
      const result = scanner.scanBuffer(Buffer.from(`config:\n${key}\n`), 'deploy/id_rsa');
      expect(result.findings.map((f) => [f.ruleId, f.line, f.endLine])).toEqual([['gitleaks-private-key', 2, size + 3]]);
      expect(JSON.stringify(result)).not.toContain(key.split('\n')[1]);
    }
  });
  it('does not report a BEGIN line whose block never ends', () => {
    const cut = pem(4).split('\n').slice(0, 3).join('\n');
    expect(scanner.scanBuffer(Buffer.from(cut), 'notes.txt').findings).toEqual([]);
  });
});
