import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';

/** xorshift32: reproducible input without Math.random. */
function prng(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
}

function randomBytes(random: () => number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(random() * 256);
  return out;
}

const backends = [regexBackends.native(), regexBackends.portable].filter((b) => b !== undefined);
const awsKey = 'AKIA' + 'QWERTYUIOPASDFGH'.split('').reverse().join('').replace(/[^A-Z2-7]/g, 'Z');

describe.each(backends.map((b) => [b.name, b] as const))('robustness on %s', (_name, backend) => {
  const scanner = createScanner({ backend });

  it('survives random bytes and random text full of keywords', () => {
    const random = prng(42);
    const keywords = ['password=', 'token: ', 'AKIA', 'ghp_', '-----BEGIN RSA PRIVATE KEY-----', 'eyJ', '://', 'secret="', '\n', '"', "'"];
    for (let round = 0; round < 200; round++) {
      const parts: Buffer[] = [];
      for (let i = 0; i < 40; i++) {
        parts.push(random() < 0.5 ? randomBytes(random, Math.floor(random() * 200)) : Buffer.from(keywords[Math.floor(random() * keywords.length)]!));
      }
      const content = Buffer.concat(parts);
      const result = scanner.scanBuffer(content, `fuzz/${round}.txt`);
      expect(Array.isArray(result.findings)).toBe(true);
    }
  });

  it('handles invalid UTF-8 around a secret and keeps byte columns', () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(` key = "${awsKey}"\n`), Buffer.from([0xf0, 0x28, 0x8c, 0x28])]);
    const findings = scanner.scanBuffer(content, 'bad-utf8.txt').findings.filter((f) => f.ruleId === 'aws-access-key-id');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, column: 15 });
  });

  it('scans a 50 MB single line and finds the secret at its end', () => {
    const random = prng(7);
    const alphabet = Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    const size = 50 * 1024 * 1024;
    const content = Buffer.allocUnsafe(size);
    for (let i = 0; i < size; i++) content[i] = alphabet[Math.floor(random() * 64)]!;
    content.write(` k="${awsKey}" `, size - 40, 'latin1');
    expect(scanner.scanBuffer(content, 'huge.min.js').skipped).toBe('too-large');
    const large = createScanner({ backend, config: { ...defaultConfig(), maxFileSize: 64 * 1024 * 1024 } });
    const findings = large.scanBuffer(content, 'huge.min.js').findings.filter((f) => f.ruleId === 'aws-access-key-id');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.line).toBe(1);
  });

  it('skips a file of NUL bytes as binary', () => {
    expect(scanner.scanBuffer(Buffer.alloc(1024 * 1024), 'zeros.bin').skipped).toBe('binary');
  });

  it('stays linear on a flood of keywords on one line', () => {
    const content = Buffer.from('password='.repeat(1_000_000) + ` token="${awsKey}"`);
    const findings = scanner.scanBuffer(content, 'flood.txt').findings;
    expect(findings.some((f) => f.ruleId === 'aws-access-key-id')).toBe(true);
  });

  it('handles empty input, a lone keyword and a keyword at the very end', () => {
    expect(scanner.scanBuffer(Buffer.alloc(0), 'empty').findings).toEqual([]);
    expect(scanner.scanBuffer(Buffer.from('AKIA'), 'kw').findings).toEqual([]);
    expect(scanner.scanBuffer(Buffer.from(`x\n${awsKey}`), 'end').findings).toHaveLength(1);
  });
});
