import { describe, expect, it } from 'vitest';
import { createScanner, defaultConfig, regexBackends } from '../../src/engine/index.js';
import { KeywordPrefilter } from '../../src/engine/prefilter.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const backends = [
  ['re2js', regexBackends.portable],
  ['native-re2', regexBackends.native()],
  ['re2-wasm', regexBackends.wasm()],
] as const;

describe.each(backends)('scanner on %s', (_name, backend) => {
  const scanner = createScanner({ backend: backend ?? regexBackends.portable });
  const scan = (text: string, path = 'src/app.ts') => scanner.scanBuffer(Buffer.from(text), path);

  it('reports an AWS key with its position, redacted, and never the value', () => {
    const key = awsKey();
    const result = scan(`line one\n  const id = "${key}";\n`);
    expect(result.findings).toHaveLength(1);
    const [finding] = result.findings;
    expect(finding).toMatchObject({ ruleId: 'aws-access-key-id', line: 2, column: 15, endLine: 2, endColumn: 35, longLived: true });
    expect(finding!.redacted).toBe('AKIA…(20 chars)');
    expect(finding!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(result)).not.toContain(key);
  });

  it('gives the same fingerprint for the same secret anywhere', () => {
    const key = awsKey();
    const a = scan(`x = "${key}"`, 'a.py').findings[0]!;
    const b = scan(`\n\ny: ${key}`, 'b.yml').findings[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('keeps columns right after multi-byte characters and on CRLF lines', () => {
    const key = awsKey();
    const result = scan(`héllo\r\nnaïve = '${key}'\r\n`);
    expect(result.findings[0]).toMatchObject({ line: 2, column: 11 });
  });

  it('honours inline ignore comments, including gitleaks:allow', () => {
    expect(scan(`k = "${awsKey()}" # keyward:allow`).findings).toHaveLength(0);
    expect(scan(`k = "${awsKey()}" // gitleaks:allow`).findings).toHaveLength(0);
    expect(scan(`k = "${awsKey()}"`).findings).toHaveLength(1);
  });

  it('allowlists documentation examples and placeholders', () => {
    expect(scan('aws_access_key_id = AKIAIOSFODNN7EXAMPLE').findings).toHaveLength(0);
  });

  it('skips binary content and oversized files, saying why', () => {
    // Bytes of every value, as compressed data has: binary. (A few NUL bytes in text no longer make it binary.)
    const binary = Buffer.concat([Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) & 255)), Buffer.from(awsKey())]);
    expect(scanner.scanBuffer(binary, 'x.bin').skipped).toBe('binary');
    expect(scanner.scanBuffer(Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(awsKey())]), 'x.txt').findings).toHaveLength(1);
    const small = createScanner({ backend: backend ?? regexBackends.portable, config: { ...defaultConfig(), maxFileSize: 10 } });
    const result = small.scanBuffer(Buffer.from(`k=${awsKey()}`), 'big.txt');
    expect(result.skipped).toBe('too-large');
    expect(result.notices[0]!.message).toContain('big.txt');
  });

  it('ignores paths by glob and marks baseline fingerprints', () => {
    const key = awsKey();
    const config = { ...defaultConfig(), ignorePaths: ['fixtures/**'] };
    const first = createScanner({ config, backend: backend ?? regexBackends.portable });
    expect(first.scanBuffer(Buffer.from(key), 'fixtures/a.txt').skipped).toBe('ignored');
    const print = first.scanBuffer(Buffer.from(key), 'src/a.txt').findings[0]!.fingerprint;
    const withBaseline = createScanner({ config, baseline: [print], backend: backend ?? regexBackends.portable });
    expect(withBaseline.scanBuffer(Buffer.from(key), 'src/a.txt').findings[0]!.baseline).toBe(true);
    const allowed = createScanner({ config: { ...config, allowlist: { values: [], stopwords: [], fingerprints: [print] } }, backend: backend ?? regexBackends.portable });
    expect(allowed.scanBuffer(Buffer.from(key), 'src/a.txt').findings).toHaveLength(0);
  });

  it('finds every occurrence on a long minified line', () => {
    const keys = Array.from({ length: 50 }, awsKey);
    const line = keys.map((key, i) => `var a${i}="${'q'.repeat(3000)}";var k${i}="${key}";`).join('');
    const found = scan(line, 'dist/app.js').findings;
    expect(found.map((f) => f.fingerprint)).toHaveLength(50);
  });
});

describe('keyword prefilter', () => {
  it('finds overlapping keywords case-insensitively, in end order', () => {
    const hits: string[] = [];
    new KeywordPrefilter(['he', 'she', 'his', 'hers']).scan(Buffer.from('USHERS'), (k, end) => hits.push(`${k}@${end}`));
    expect(hits).toEqual(['1@4', '0@4', '3@6']);
  });

  it('agrees with a naive search on random text', () => {
    const words = ['key', 'token', 'ghp_', 'akia', 'secret', 'pass', 'password', 'k'];
    const filter = new KeywordPrefilter(words);
    const text = randomFrom('kKeEyYtToOnNpPaAsSwWdDrRgGhH_ iI', 5000);
    const hits: string[] = [];
    filter.scan(Buffer.from(text), (k, end) => hits.push(`${k}@${end}`));
    const expected: string[] = [];
    const lower = text.toLowerCase();
    for (let end = 1; end <= lower.length; end++) {
      words.forEach((word, k) => {
        if (end >= word.length && lower.slice(end - word.length, end) === word) expected.push(`${k}@${end}`);
      });
    }
    expect([...hits].sort()).toEqual([...expected].sort());
  });
});

describe('keyword prefilter on unaligned and word-sized input', () => {
  it('agrees with a naive search at every alignment and length', () => {
    const words = ['ab', 'bca', 'cab', 'aaaa', 'b'];
    const filter = new KeywordPrefilter(words);
    const backing = Buffer.from(randomFrom('abcABC', 400));
    for (const offset of [0, 1, 2, 3, 5]) {
      for (const length of [0, 3, 63, 64, 65, 130, 391]) {
        const view = backing.subarray(offset, offset + length);
        const hits: string[] = [];
        filter.scan(view, (k, end) => hits.push(`${k}@${end}`));
        const lower = view.toString('latin1').toLowerCase();
        const expected: string[] = [];
        for (let end = 1; end <= lower.length; end++) words.forEach((word, k) => { if (end >= word.length && lower.slice(end - word.length, end) === word) expected.push(`${k}@${end}`); });
        expect([...hits].sort()).toEqual([...expected].sort());
      }
    }
  });
});

describe('keyword prefilter with more accepting states than plain ones', () => {
  it('reports every hit when most states accept', () => {
    const words = Array.from({ length: 300 }, (_, i) => String.fromCharCode(97 + (i % 26)) + String.fromCharCode(97 + Math.floor(i / 26)));
    const filter = new KeywordPrefilter(words);
    const text = randomFrom('abcdefghijklmnopqrstuvwxyz', 1000);
    let hits = 0;
    filter.scan(Buffer.from(text), () => hits++);
    let expected = 0;
    for (let end = 2; end <= text.length; end++) if (words.includes(text.slice(end - 2, end))) expected++;
    expect(hits).toBe(expected);
  });
});

describe('windows of multi-line rules and overlapping rules', () => {
  const body = (lines: number) => Array.from({ length: lines }, () => randomFrom(BASE64_ALPHABET, 64)).join('\n');
  const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  it('finds a key that starts inside the window an earlier keyword hit opened and ends past it', () => {
    const filler = Array.from({ length: 295 }, (_, i) => `export const value${i} = compute(${i}, "label-${i}");`).join('\n');
    const text = `# the key file must end with -----END PRIVATE KEY-----\n${filler}\n-----BEGIN PRIVATE KEY-----\n${body(60)}\n-----END PRIVATE KEY-----\n`;
    expect(text.indexOf('-----BEGIN')).toBeGreaterThan(14000);
    expect(text.indexOf('-----BEGIN')).toBeLessThan(16384);
    expect(text.lastIndexOf('-----END')).toBeGreaterThan(16384);
    for (const backend of [regexBackends.portable, regexBackends.default]) {
      const findings = createScanner({ backend }).scanBuffer(Buffer.from(text), 'certs/key.pem').findings;
      expect(findings.map((f) => f.ruleId)).toContain('private-key');
    }
  });

  it('a specific rule whose match fails its checks does not hide a generic finding on the same text', () => {
    // A custom rule for acme_ tokens demands more entropy than this value has; under a password name it is still a
    // hardcoded secret, which the generic rule reports.
    const config = defaultConfig();
    config.rules.custom.push({ id: 'acme-token', title: 'Acme token', severity: 'high', keywords: ['acme_'], pattern: '(acme_[A-Za-z0-9]{24})', entropy: 5.5, longLived: true });
    const value = `acme_${randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 24)}`;
    const findings = createScanner({ config, backend: regexBackends.portable }).scanBuffer(Buffer.from(`DB_PASSWORD = "${value}"\n`), 'app/settings.py').findings;
    expect(findings.map((f) => f.ruleId)).toEqual(['generic-password-assignment']);
  });
});
