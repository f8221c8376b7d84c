import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import type { Finding } from '../../src/engine/index.js';
import { ScanInput, type RegexBackend } from '../../src/engine/regex.js';
import { builtinRules } from '../../src/rules/index.js';
import type { Rule } from '../../src/rules/index.js';
import { ALPHABETS } from '../../src/rules/shape.js';
import type { FileExample } from '../../src/rules/types.js';
import { expand, fixtureOf, type RuleFixture } from './examples.js';

/** Each rule's examples, kept beside it in the catalogue; a rule without any fails the test below. */
const patternRules = builtinRules.filter((rule) => !rule.wholeFile);
const fileRules = builtinRules.filter((rule) => rule.wholeFile);
const fixtures: Record<string, RuleFixture> = Object.fromEntries(patternRules.filter((rule) => rule.examples).map((rule) => [rule.id, fixtureOf(rule, ALPHABETS)]));

const backends = [regexBackends.native(), regexBackends.portable].filter((b) => b !== undefined);
const PATH = 'src/config.ts';

/** Byte offset of a finding's 1-based line and byte column. */
function byteOffset(content: Buffer, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = content.indexOf(0x0a, offset) + 1;
  return offset + column - 1;
}

/** The secret a finding points at, read back from the content by its offset and the length in `redacted`. */
function secretOf(content: Buffer, finding: Finding): string {
  const start = byteOffset(content, finding.line, finding.column);
  const length = Number(/\((\d+) chars\)$/.exec(finding.redacted)![1]);
  return content.subarray(start, start + length).toString('utf8');
}

/** The whole regex match (not just the secret) that produced the finding. */
function matchedText(backend: RegexBackend, rule: Rule, content: Buffer, secretStart: number): string | undefined {
  let text: string | undefined;
  backend.compile(rule.pattern).scan(new ScanInput(content), 0, content.length, (m) => {
    if (m.secretStart === secretStart) text ??= content.subarray(m.start, m.end).toString('utf8');
  });
  return text;
}

describe('rule catalogue', () => {
  it('has at least 600 provider rules with unique ids, lowercase keywords, remediation and a revoke page or steps', () => {
    expect(builtinRules.filter((r) => r.kind !== 'generic').length).toBeGreaterThanOrEqual(600);
    expect(new Set(builtinRules.map((r) => r.id)).size).toBe(builtinRules.length);
    for (const rule of builtinRules) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.title.length, rule.id).toBeGreaterThan(3);
      expect(rule.provider.length, rule.id).toBeGreaterThan(0);
      // Whole-file rules judge a file's bytes, not patterns, and have no keywords; every other rule has some.
      expect(rule.wholeFile ? rule.keywords.length === 0 && rule.pattern === '' : rule.keywords.length > 0, rule.id).toBe(true);
      for (const keyword of rule.keywords) {
        expect(keyword.length, rule.id).toBeGreaterThan(0);
        expect(keyword, rule.id).toBe(keyword.toLowerCase());
      }
      expect(rule.remediation.length, rule.id).toBeGreaterThan(10);
      if (rule.revokeUrl) expect(rule.revokeUrl, rule.id).toMatch(/^https:\/\//);
    }
  });

  it('uses only RE2-safe syntax: no backreferences or lookaround, and the secret is the first group', () => {
    for (const rule of builtinRules) {
      expect(rule.pattern, rule.id).not.toMatch(/\(\?<?[=!]/);
      expect(rule.pattern, rule.id).not.toMatch(/\\[1-9]/);
      // Open-ended repeats only where the match is bounded otherwise: the multi-line window, or a JWT's parts.
      if (!rule.multilineWindow && rule.id !== 'jwt') expect(rule.pattern, rule.id).not.toMatch(/\{\d+,\}/);
    }
  });

  it('compiles every pattern in both RE2 backends', () => {
    expect(backends.map((b) => b.name)).toContain('re2js');
    for (const backend of backends) for (const rule of builtinRules) expect(() => backend.compile(rule.pattern), `${backend.name} ${rule.id}`).not.toThrow();
  });

  it('keeps examples beside every rule, with at least one true example and one near-miss each', () => {
    expect(patternRules.filter((r) => !r.examples).map((r) => r.id), 'rules without examples of their own').toEqual([]);
    for (const rule of fileRules) expect(rule.fileExamples?.positives.length && rule.fileExamples.negatives.length, rule.id).toBeGreaterThan(0);
    for (const rule of patternRules) {
      expect(rule.examples?.positives.length, rule.id).toBeGreaterThanOrEqual(1);
      expect(rule.examples?.negatives.length, rule.id).toBeGreaterThanOrEqual(1);
    }
  });
});

describe.each(backends.map((b) => [b.name, b] as const))('every rule on %s', (_name, backend) => {
  const scanner = createScanner({ backend });
  const scan = (text: string, path = PATH) => scanner.scanBuffer(Buffer.from(text), path).findings;

  it.each(fileRules.map((rule) => [rule.id, rule] as const))('%s: reports its example files once each and none of its near misses', (id, rule) => {
    const file = (example: FileExample) => (example.hex !== undefined ? Buffer.from(expand(example.hex, ALPHABETS), 'hex') : Buffer.from(expand(example.text ?? '', ALPHABETS)));
    for (let round = 0; round < 3; round++) {
      for (const example of rule.fileExamples!.positives) {
        const content = file(example);
        const found = scanner.scanBuffer(content, example.path).findings.filter((f) => f.ruleId === id);
        expect(found, `expected ${id} in ${example.path}`).toHaveLength(1);
        expect(found[0]).toMatchObject({ path: example.path, line: 1, redacted: `(whole file, ${content.length} bytes)`, details: { store: expect.any(String) } });
        expect(scanner.scanBuffer(content, example.path).notices.filter((n) => n.kind === 'binary'), 'no not-scanned notice besides the finding').toEqual([]);
      }
      for (const example of rule.fileExamples!.negatives) {
        expect(scanner.scanBuffer(file(example), example.path).findings.filter((f) => f.ruleId === id), `near miss reported for ${id}: ${example.path}`).toHaveLength(0);
      }
    }
  });

  it.each(patternRules.map((rule) => [rule.id, rule] as const))('%s: finds its true examples and none of its near-misses', (id, rule) => {
    const fixture = fixtures[id];
    if (!fixture) throw new Error(`${id} has no examples beside it`);
    const path = fixture.path ?? PATH;
    // Generated secrets differ on every call; a few rounds catch a fixture that passes only by luck.
    for (let round = 0; round < 3; round++) {
      for (const text of fixture.positives()) {
        const content = Buffer.from(text);
        const found = scan(text, path).filter((f) => f.ruleId === id);
        expect(found, `expected ${id} in:\n${text}`).toHaveLength(1);
        const finding = found[0]!;
        expect(finding.path).toBe(path);
        expect(finding.redacted).toMatch(/…\(\d+ chars\)$/);
        const secret = secretOf(content, finding);
        expect(secret.length).toBeGreaterThan(4);
        expect(JSON.stringify(finding), `${id} leaks its secret`).not.toContain(secret);
        const match = matchedText(backend, rule, content, byteOffset(content, finding.line, finding.column));
        expect(match, `${id}: the finding comes from a match of the rule`).toBeDefined();
        // A multi-line rule's window opens at a keyword and runs forward, so its keyword may also come before the match
        // (a Secret's `kind: Secret` before each `data:` entry), within the window.
        const start = byteOffset(content, finding.line, finding.column);
        const lead = rule.multilineWindow ? content.subarray(Math.max(0, start - rule.multilineWindow), start).toString('latin1').toLowerCase() : '';
        expect(rule.keywords.some((k) => match!.toLowerCase().includes(k) || lead.includes(k)), `${id}: a keyword occurs inside the match ${match}`).toBe(true);
      }
      for (const miss of fixture.negatives()) {
        expect(scan(miss, path).filter((f) => f.ruleId === id), `near-miss reported for ${id}:\n${miss}`).toHaveLength(0);
      }
    }
  });
});

describe('what findings say about lifetime and format', () => {
  const scanner = createScanner({ backend: regexBackends.portable });
  const only = (text: string, id: string) => {
    const found = scanner.scanBuffer(Buffer.from(text), PATH).findings.filter((f) => f.ruleId === id);
    expect(found, text).toHaveLength(1);
    return found[0]!;
  };

  it('marks IAM user keys long-lived and STS session keys short-lived', () => {
    expect(only(fixtures['aws-access-key-id']!.positive(), 'aws-access-key-id').longLived).toBe(true);
    expect(only(fixtures['aws-session-key-id']!.positive(), 'aws-session-key-id').longLived).toBe(false);
  });

  it('reports a checksum-verified format for GitHub and npm tokens', () => {
    expect(only(fixtures['github-personal-access-token']!.positive(), 'github-personal-access-token').verifiedFormat).toBe(true);
    expect(only(fixtures['npm-access-token']!.positive(), 'npm-access-token').verifiedFormat).toBe(true);
    expect(only(fixtures['github-server-to-server-token']!.positive(), 'github-server-to-server-token').longLived).toBe(false);
  });

  it('reads a JWT: an hour-long token is short-lived with its expiry and issuer, one without exp is long-lived', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT' })).toString('base64url');
    const body = (claims: object) => Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = 'Qm9ndXNTaWduYXR1cmVGb3JUZXN0aW5nT25seTAwMDAwMDA';
    const short = only(`token: ${header}.${body({ iss: 'https://login.test', iat: 1767225600, exp: 1767229200 })}.${signature}`, 'jwt');
    expect(short.longLived).toBe(false);
    expect(short.expiresAt).toBe('2026-01-01T01:00:00.000Z');
    expect(short.issuedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(short.details).toEqual({ iss: 'https://login.test' });
    expect(only(`token: ${header}.${body({ sub: 'robot', role: 'service_role' })}.${signature}`, 'jwt').longLived).toBe(true);
  });
});
