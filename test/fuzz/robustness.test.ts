import { beforeAll, describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, regexBackends, type Finding, type ScanResult } from '../../src/engine/index.js';
import { BASE64, createRandom } from '../corpus/prng.js';
import { base64Text, fakeAwsKeyId, keywordNoise, noiseBytes } from './inputs.js';

/** A generous limit for the big inputs on the slower backend; a guard against hangs, not a speed assertion. */
const HEAVY = 180_000;
const backends = [regexBackends.native(), regexBackends.portable].filter((backend) => backend !== undefined);

/** What every result must satisfy, whatever the input. */
function expectWellFormed(result: ScanResult, content: Buffer) {
  expect(Array.isArray(result.findings)).toBe(true);
  expect(Array.isArray(result.notices)).toBe(true);
  const lineCount = content.toString('latin1').split('\n').length;
  for (const finding of result.findings) {
    expect(finding.line).toBeGreaterThanOrEqual(1);
    expect(finding.line).toBeLessThanOrEqual(lineCount);
    expect(finding.endLine).toBeGreaterThanOrEqual(finding.line);
    expect(finding.column).toBeGreaterThanOrEqual(1);
    expect(finding.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(finding.redacted.length).toBeLessThan(40);
  }
}

const awsFindings = (findings: Finding[]) => findings.filter((f) => f.ruleId === 'aws-access-key-id');

describe.each(backends.map((backend) => [backend.name, backend] as const))('robustness on %s', (_name, backend) => {
  const scanner = createScanner({ backend });

  it('returns well-formed results for random bytes (NUL-free, so they are scanned, not skipped)', () => {
    const r = createRandom(42);
    for (let round = 0; round < 150; round++) {
      const content = noiseBytes(r, r.between(0, 4000));
      const result = scanner.scanBuffer(content, `noise/${round}.txt`);
      expect(result.skipped).toBeUndefined();
      expectWellFormed(result, content);
    }
  });

  it('returns well-formed results for text full of half-finished secrets and keywords', () => {
    const r = createRandom(7);
    for (let round = 0; round < 300; round++) {
      const content = keywordNoise(r, r.between(1, 60));
      expectWellFormed(scanner.scanBuffer(content, r.pick(['a.env', 'b.ts', 'c.yaml', 'package-lock.json', 'd.min.js', 'e'])), content);
    }
  });

  it('finds a secret planted on its own line inside random noise, at the right line', () => {
    const r = createRandom(99);
    for (let round = 0; round < 100; round++) {
      const before = keywordNoise(r, r.between(0, 20));
      const key = fakeAwsKeyId(r);
      const content = Buffer.concat([before, Buffer.from(`\nid = ${key}\n`), keywordNoise(r, r.between(0, 20))]);
      const expectedLine = before.toString('latin1').split('\n').length + 1;
      const found = awsFindings(scanner.scanBuffer(content, 'planted.txt').findings);
      expect(found.map((f) => f.line)).toContain(expectedLine);
    }
  });

  it('gives the same result twice for the same input', () => {
    const r = createRandom(5);
    const content = Buffer.concat([keywordNoise(r, 200), Buffer.from(`\nkey=${fakeAwsKeyId(r)}\n`)]);
    const first = scanner.scanBuffer(content, 'same.txt');
    expect(scanner.scanBuffer(content, 'same.txt')).toEqual(first);
  });

  it('handles invalid UTF-8 around a secret and counts columns in bytes', () => {
    const key = fakeAwsKeyId(createRandom(11));
    const content = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from(` key = "${key}"\n`), Buffer.from([0xf0, 0x28, 0x8c, 0x28, 0xed, 0xa0, 0x80])]);
    const found = awsFindings(scanner.scanBuffer(content, 'bad-utf8.txt').findings);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 1, column: 15 });
  });

  it('survives overlong encodings, lone surrogates, a UTF-16 BOM and CR-only line ends', () => {
    const r = createRandom(12);
    const inputs = [
      Buffer.concat([Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]), keywordNoise(r, 30)]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('password = "x"\r\n', 'utf16le')]),
      Buffer.from(`a\rb\rtoken = "${r.string(BASE64, 30)}"\rc`),
      Buffer.from('\u{1F511}'.repeat(5000) + 'password="' + '\u00e9'.repeat(3000) + '"'),
    ];
    for (const content of inputs) expectWellFormed(scanner.scanBuffer(content, 'odd.txt'), content);
  });

  it('skips a file of NUL bytes as binary', () => {
    expect(scanner.scanBuffer(Buffer.alloc(1024 * 1024), 'zeros.bin').skipped).toBe('binary');
    expect(scanner.scanBuffer(Buffer.alloc(1), 'one-nul').skipped).toBe('binary');
  });

  it('scans long lines of base64 (4 lines of 2 MB) and finds a key between them', () => {
    const r = createRandom(3);
    const line = () => base64Text(r, 2 * 1024 * 1024);
    const newline = Buffer.from('\n');
    const content = Buffer.concat([line(), newline, line(), newline, Buffer.from(`aws_access_key_id = ${fakeAwsKeyId(r)}`), newline, line(), newline, line()]);
    const found = awsFindings(scanner.scanBuffer(content, 'blob.b64').findings);
    expect(found.map((f) => f.line)).toEqual([3]);
  }, HEAVY);

  it('stays linear on a keyword repeated a million times on one line', () => {
    const key = fakeAwsKeyId(createRandom(4));
    const content = Buffer.from('password='.repeat(1_000_000) + ` token="${key}"`);
    const result = scanner.scanBuffer(content, 'flood.txt');
    expect(awsFindings(result.findings)).toHaveLength(1);
  }, HEAVY);

  it('survives many unterminated key blocks and many newlines', () => {
    const blocks = Buffer.from('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n'.repeat(20_000));
    expectWellFormed(scanner.scanBuffer(blocks, 'keys.pem'), blocks);
    const newlines = Buffer.from('\n'.repeat(1_000_000) + 'x');
    expectWellFormed(scanner.scanBuffer(newlines, 'newlines.txt'), newlines);
  });

  it('handles empty input, a lone keyword and a secret as the very last bytes', () => {
    const key = fakeAwsKeyId(createRandom(8));
    expect(scanner.scanBuffer(Buffer.alloc(0), 'empty').findings).toEqual([]);
    expect(scanner.scanBuffer(Buffer.from('AKIA'), 'keyword').findings).toEqual([]);
    expect(awsFindings(scanner.scanBuffer(Buffer.from(`x\n${key}`), 'end').findings)).toHaveLength(1);
  });
});

describe('a 50 MB single line', () => {
  // Once, on the fastest backend available: it is about size, not about the regex engine.
  const backend = backends[0]!;
  const size = 50 * 1024 * 1024;
  let content: Buffer;
  beforeAll(() => {
    const r = createRandom(50);
    content = base64Text(r, size);
    content.write(` k="${fakeAwsKeyId(r)}" `, size - 40, 'latin1');
  });

  it('is skipped with a notice under the default size cap', () => {
    const result = createScanner({ backend }).scanBuffer(content, 'huge.min.js');
    expect(result.skipped).toBe('too-large');
    expect(result.notices[0]?.message).toContain('huge.min.js');
  });

  it(`is scanned under a raised cap (${backend.name}) and the secret at its end is found`, { timeout: HEAVY }, () => {
    const scanner = createScanner({ backend, config: { ...defaultConfig(), maxFileSize: 64 * 1024 * 1024 } });
    const found = awsFindings(scanner.scanBuffer(content, 'huge.min.js').findings);
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(1);
  });
});
