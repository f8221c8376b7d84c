import { describe, expect, it } from 'vitest';
import { hasHashContext, hasInlineIgnore } from '../../src/engine/allowlist.js';
import { isPlaceholder, isReference } from '../../src/rules/values/placeholders.js';
import { rejectGenericValue, shannonEntropy } from '../../src/rules/values/generic.js';
import { redact } from '../../src/engine/redact.js';
import { ALNUM, BASE64, HEX, randomFrom } from '../helpers/fake-secrets.js';

describe('placeholders and documentation examples', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE',
    'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    '<your-token>',
    '${API_TOKEN}',
    '{{ .Values.apiToken }}',
    'changeme',
    'your_api_key_here',
    '********',
    'sk_live_...',
    '%DB_PASSWORD%',
    'REDACTED',
    'dummy-secret-value',
    '${p.replace(/\\s/g,',
    '#{ENV.fetch("DB_PASSWORD")}',
    '<%= ENV["API_KEY"] %>',
  ])('%s is a placeholder', (value) => {
    expect(isPlaceholder(value)).toBe(true);
  });

  it('does not mistake random tokens, or long key blocks with AAAAAA runs, for placeholders', () => {
    for (let i = 0; i < 200; i++) expect(isPlaceholder(randomFrom(ALNUM, 40))).toBe(false);
    const keyBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ' + 'AAAAAAAA' + randomFrom(BASE64, 300);
    expect(isPlaceholder(keyBody)).toBe(false);
  });
});

describe('references rather than values', () => {
  it.each(['secrets.DEPLOY_TOKEN', 'process.env.API_KEY', 'os.environ["DB_PASSWORD"]', 'os.getenv("X")', 'ENV["TOKEN"]', 'vault:secret/data/app#token', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x', '@Microsoft.KeyVault(SecretUri=https://x)'])(
    '%s is a reference',
    (value) => expect(isReference(value)).toBe(true),
  );
});

describe('generic values: context, charset and shape, not entropy alone', () => {
  it('accepts generated credentials', () => {
    for (let i = 0; i < 100; i++) {
      expect(rejectGenericValue(randomFrom(ALNUM, 24), 3)).toBeUndefined();
      expect(rejectGenericValue(randomFrom(ALNUM + '!@#%^&*', 16), 3)).toBeUndefined();
    }
  });

  it('accepts most letters-only generated values (some are indistinguishable from identifiers)', () => {
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    const accepted = Array.from({ length: 1000 }, () => rejectGenericValue(randomFrom(letters, 16), 3)).filter((r) => r === undefined).length;
    expect(accepted).toBeGreaterThan(900);
  });

  it.each([
    ['hash-shaped', randomFrom(HEX, 40)],
    ['hash-shaped', randomFrom(HEX, 64)],
    ['uuid', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['integrity digest', 'sha512-' + randomFrom(BASE64, 86)],
    ['path or URL', '/etc/secrets/db-password'],
    ['path or URL', 'https://vault.internal/v1/secret'],
    ['path or URL', 'prod/payments/api-key'],
    ['path or URL', 'urn:ietf:params:oauth:token-type:access_token'],
    ['path or URL', '.github/workflows/ci.yml'],
    ['regular expression', 'password|passwd|_pass|secret|token|api[_-]?key|access[_-]?key'],
    ['identifier-like', 'passwordResetToken'],
    ['identifier-like', 'config.database.password'],
    ['low entropy', 'ab12ab12ab12'],
    ['identifier-like', 'getAccessTokenForUser'],
    ['identifier-like', 'use-credentials'],
    ['identifier-like', 'refresh-token-rotation'],
    ['identifier-like', '?NoLineTerminatorHere'],
    ['too short', 'hunter2'],
    ['contains whitespace', 'enter your password'],
  ])('rejects %s: %s', (reason, value) => {
    expect(rejectGenericValue(value, 3)).toBe(reason);
  });

  it('recognises pinned action SHAs, image digests and integrity fields as hash context', () => {
    expect(hasHashContext(`      - uses: actions/checkout@${randomFrom(HEX, 40)}`)).toBe(true);
    expect(hasHashContext(`image: ghcr.io/acme/app@sha256:${randomFrom(HEX, 64)}`)).toBe(true);
    expect(hasHashContext(`"integrity": "sha512-${randomFrom(BASE64, 40)}"`)).toBe(true);
    expect(hasHashContext(`api_token = "${randomFrom(ALNUM, 30)}"`)).toBe(false);
  });
});

describe('inline ignores and redaction', () => {
  it('knows keyward, gitleaks and detect-secrets markers', () => {
    expect(hasInlineIgnore('token = "x" # keyward:allow')).toBe(true);
    expect(hasInlineIgnore('token = "x" // gitleaks:allow')).toBe(true);
    expect(hasInlineIgnore('token = "x"  # pragma: allowlist secret')).toBe(true);
    expect(hasInlineIgnore('token = "x"')).toBe(false);
  });

  it('shows at most four characters and at most a fifth of the value', () => {
    expect(redact('AKIAABCDEFGHIJKLMNOP')).toBe('AKIA…(20 chars)');
    expect(redact('hunter22')).toBe('h…(8 chars)');
    expect(redact('abc')).toBe('…(3 chars)');
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});
