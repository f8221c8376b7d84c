import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { notACredentialHere } from '../../src/rules/values/context.js';
import { rejectGenericValue } from '../../src/rules/values/generic.js';
import { isCountedOut, isPlaceholder } from '../../src/rules/values/placeholders.js';
import { isStandInUrlPassword } from '../../src/rules/values/passwords.js';
import { ALNUM, BASE64, HEX, randomFrom } from '../helpers/fake-secrets.js';

// Found by bench/leaks on public projects (rails, leaky-repo, scanner-benchmarks); every value is generated here.
const backends = [
  ['re2js', regexBackends.portable],
  ['native-re2', regexBackends.native()],
] as const;
const alnum = (n: number) => randomFrom(ALNUM, n);
const hex = (n: number) => randomFrom(HEX, n);
const b64 = (n: number) => randomFrom(BASE64, n);
const password = () => `Q${alnum(10)}7x`;

describe.each(backends)('judged by name and place, on %s', (_name, backend) => {
  const scanner = createScanner({ backend: backend ?? regexBackends.portable });
  const ids = (text: string, path = 'config/app.yml') => scanner.scanBuffer(Buffer.from(text), path).findings.map((f) => f.ruleId);

  it('passes over CSRF tokens in rendered forms and request logs, not over a secret beside one', () => {
    const token = `${alnum(30)}-${alnum(30)}_${alnum(20)}`;
    expect(ids(`  <input type="hidden" name="authenticity_token" value="${token}" autocomplete="off">`, 'guides/form.md')).toEqual([]);
    expect(ids(`  <meta name="csrf-token" content="${token}">`, 'app/views/layout.html')).toEqual([]);
    expect(ids(`  Parameters: {"utf8"=>"x", "authenticity_token"=>"${alnum(60)}==", "article"=>{"title"=>"Debugging"}}`, 'guides/debugging.md')).toEqual([]);
    expect(ids(`csrf_token: "${alnum(40)}"`)).toEqual([]);
    expect(ids(`"authenticity_token"=>"${alnum(40)}", "api_secret"=>"${alnum(40)}"`, 'log/dev.log')).not.toEqual([]);
    expect(ids(`csrf_secret_key: "${alnum(40)}"`)).not.toEqual([]);
  });

  it('passes over the token nonce of a signed webhook payload, not over a token alone', () => {
    const payload = (fields: string[]) => ['post url, params: {', ...fields, '}'].join('\n');
    const nonce = `        token: "${alnum(50)}",`;
    expect(ids(payload(['        timestamp: 1539112500,', nonce, `        signature: "${hex(64)}",`]), 'test/mailgun_test.rb')).toEqual([]);
    expect(ids(payload([nonce]), 'test/mailgun_test.rb')).toEqual(['generic-secret-assignment']);
    expect(ids(payload(['        timestamp: 1539112500,', nonce]), 'test/mailgun_test.rb')).toEqual(['generic-secret-assignment']);
  });

  it('passes over stand-in passwords in connection URLs, and reports real ones on localhost too', () => {
    expect(ids('          DATABASE_URL: postgres://postgres:postgres@localhost:5432', '.github/workflows/ci.yml')).toEqual([]);
    expect(ids('#   CACHE_DATABASE_URL="mysql2://cacheuser:cachepass@localhost/cachedatabase"')).toEqual([]);
    expect(ids('        DATABASE_URL: "postgresql://baduser:badpass@127.0.0.1/dbname"', 'test/assets_test.rb')).toEqual([]);
    expect(ids(`DATABASE_URL: "postgresql://app:${password()}@127.0.0.1/dbname"`)).toEqual(['postgres-connection-string']);
    expect(ids(`DATABASE_URL: "postgresql://app:${'bad'}pass@db.internal.example-corp.io/dbname"`)).toEqual(['postgres-connection-string']);
    expect(ids(`  - "https://admin:${password()}@localhost:8000/admin"`)).toEqual(['url-embedded-credentials']);
    expect(ids(`  - "https://admin:${password()}@10.0.0.12/admin"`)).toEqual(['url-embedded-credentials']);
    expect(ids('  - "https://admin:testpassword@localhost:8000/admin"')).toEqual([]);
  });

  it('passes over a URL whose user is an escaped path (an escaping test), not over a login', () => {
    expect(ids('  "http://openid.aol.com%2Fnextangler:one+two%3F@www.basecamphq.com/c/a/i",', 'test/url_for_test.rb')).toEqual([]);
    expect(ids(`  "http://deploy:${password()}@www.basecamphq.com/c/a/i",`, 'test/url_for_test.rb')).toEqual(['url-embedded-credentials']);
  });
});

describe('names that are not values', () => {
  it('takes a leading-underscore snake_case marker for a name, a generated value after `_` not', () => {
    expect(rejectGenericValue('_aj_ruby2_keywords', 3)).toBe('identifier-like');
    expect(rejectGenericValue(`_${alnum(24)}`, 3)).toBeUndefined();
  });
});

describe('placeholder checks that rejected real secrets', () => {
  it('takes a run inside long random base64 (a Firefox NSS blob) for data, a run that is most of a value for filler', () => {
    expect(isPlaceholder(`MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcEC${b64(35)}`)).toBe(false);
    expect(isPlaceholder(`sk_live_${'0'.repeat(24)}`)).toBe(true);
    expect(isPlaceholder(`${alnum(12)}AAAAAAAAAAAAAAAAAAAAAAAAAAAA`)).toBe(true);
    expect(isPlaceholder('ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(true);
  });
  it('takes a `<name>` or a whole `<...>` value for a placeholder, punctuation inside random text not', () => {
    expect(isPlaceholder(`:9URM*n56|I|Rf$|ud0c${alnum(6)}<q+!qK>+Lq&j9^-!{%%pW. ,Z=${alnum(8)}`)).toBe(false);
    expect(isPlaceholder('<password>')).toBe(true);
    expect(isPlaceholder('<your api key>')).toBe(true);
    expect(isPlaceholder('postgres://<user>:<DB_PASSWORD>@host/db')).toBe(true);
    expect(isPlaceholder('Bearer <token>')).toBe(true);
  });
  it('knows stand-in URL passwords', () => {
    expect(isStandInUrlPassword('postgres', 'postgres://postgres:', '@localhost:5432')).toBe(true);
    expect(isStandInUrlPassword('guest', 'amqp://guest:', '@rabbit.prod.example-corp.io')).toBe(true);
    expect(isStandInUrlPassword('cachepass', 'mysql2://cacheuser:', '@localhost/cache')).toBe(true);
    expect(isStandInUrlPassword('cachepass', 'mysql2://cacheuser:', '@db.prod.example-corp.io')).toBe(false);
    expect(isStandInUrlPassword('hardcoded02', 'https://admin:', '@localhost:8000')).toBe(false);
  });
});

describe.each(backends)('misses where a rule exists, on %s', (_name, backend) => {
  const scanner = createScanner({ backend: backend ?? regexBackends.portable });
  const ids = (text: string, path = 'config/app.env') => scanner.scanBuffer(Buffer.from(text), path).findings.map((f) => f.ruleId);

  it('reports 40-hex values under a *_TOKEN name, not under digest names', () => {
    expect(ids(`export JEKYLL_GITHUB_TOKEN="${hex(40)}"`, '.bashrc')).toEqual(['generic-secret-assignment']);
    expect(ids(`  "accessToken": "${hex(40)}"`, 'config.json').length).toBe(1);
    expect(ids(`export COMMIT_SHA="${hex(40)}"`, '.bashrc')).toEqual([]);
    expect(ids(`  commit_token_hash: "${hex(40)}"`, 'config.yml')).toEqual([]);
    expect(ids(`export GITHUB_TOKEN="${hex(64)}"`, '.bashrc')).toEqual([]);
  });

  it('reports a Laravel APP_KEY with or without its padding', () => {
    expect(ids(`APP_KEY=base64:${b64(44)}`, 'web/.env')).toEqual(['laravel-app-key']);
    expect(ids(`APP_KEY=base64:${b64(43)}=`, 'web/.env')).toEqual(['laravel-app-key']);
    expect(ids(`APP_KEY=base64:${b64(22)}==`, 'web/.env')).toEqual(['laravel-app-key']);
    expect(ids('APP_KEY=base64:', 'web/.env')).toEqual([]);
  });

  it('reports a Firefox logins.json password blob and a WordPress salt with `<...>` inside', () => {
    expect(ids(`{"encryptedPassword": "MDoEEPgAAAAAAAAAAAAAAAAAAAEwFAYIKoZIhvcNAwcEC${b64(35)}"}`, '.mozilla/firefox/logins.json')).toEqual(['firefox-logins-store']);
    expect(ids(`define('NONCE_SALT', ':9URM*n56|I|Rf$|ud0c${alnum(6)}<q+!qK>+Lq&j9^-!{%%pW. ,Z=${alnum(8)}');`, 'wp-config.php')).toEqual(['wordpress-auth-salt']);
  });

  it('reports shell defaults, curl and wget flags, API-key headers and URL queries', () => {
    const value = `${alnum(12)}_${alnum(12)}`;
    expect(ids(`export SERVICE_API_TOKEN=\${API_TOKEN:-${value}}`, 'secrets/.env')).toEqual(['shell-default-secret']);
    expect(ids(`curl --digest -u admin:${value} https://localhost`, 'scripts/a.sh')).toEqual(['cli-password-argument']);
    expect(ids(`curl -k -v \\\n    --proxy-user admin:${value} \\\n    https://localhost`, 'scripts/a.sh')).toEqual(['curl-proxy-user-password']);
    expect(ids(`curl --proxy-tlspassword ${value} https://localhost`, 'scripts/a.sh')).toEqual(['command-line-password']);
    expect(ids(`wget --ftp-password=${value} https://localhost`, 'scripts/a.sh')).toEqual(['command-line-password']);
    expect(ids(`\t\tproxy_set_header x-apikey ${hex(8)}-${hex(4)}-${value};`, 'nginx.conf')).toEqual(['api-key-header']);
    expect(ids(`\t\tset $apikey ${hex(8)}-${hex(4)}-${value};`, 'nginx.conf')).toEqual(['api-key-header']);
    expect(ids(`    - curl https://git.example.net/?APIKEY=${hex(8)}-${hex(4)}-${value}`, '.gitlab-ci.yml')).toEqual(['url-query-api-key']);
    // A digest next to a generic value still marks it as a checksum; curl's `--digest` auth flag does not.
    expect(ids(`  secret: ${alnum(32)} # digest of the build`, 'config.yml')).toEqual([]);
  });

  it('reports jdbc userpass= and keeps the empty one out', () => {
    expect(ids(`  - "jdbc:mysql://localhost/authority?user=admin&userpass=${password()}"`, 'uri.yml')).toEqual(['jdbc-password']);
    expect(ids('  - "jdbc:mysql://localhost/authority?user=admin&userpass="', 'uri.yml')).toEqual([]);
  });
});

// The invalid variants other scanners' test suites keep as negatives (bench/families), drawn here in their shapes.
describe.each(backends)('mangled and counted-out values, on %s', (_name, backend) => {
  const scanner = createScanner({ backend: backend ?? regexBackends.portable });
  const ids = (text: string, path = 'src/config.ts') => scanner.scanBuffer(Buffer.from(text), path).findings.map((f) => f.ruleId);

  it('passes over a token with a stray character under a key or token name, not under a password name', () => {
    expect(ids(`const pagerdutyApiKey = "${alnum(12)}?${alnum(20)}";`)).toEqual([]);
    expect(ids(`const bitlyToken = "${alnum(30)}%c^";`)).toEqual([]);
    expect(ids(`const serviceToken = "${alnum(32)}";`)).toEqual(['generic-secret-assignment']);
    expect(ids(`const dbPassword = "${alnum(12)}?${alnum(8)}";`)).toEqual(['generic-password-assignment']);
    // A value with punctuation throughout is not a token with a stray character, and a URL's `@` is its own.
    expect(ids(`const signingSecret = "${alnum(6)}!${alnum(4)}@${alnum(4)}#${alnum(4)}$${alnum(4)}&${alnum(4)}";`)).toEqual(['generic-secret-assignment']);
    expect(notACredentialHere('const webhookToken = "', '";', `https://hooks.example-corp.io/in/${alnum(24)}@${alnum(8)}`)).toBeUndefined();
    expect(notACredentialHere('const webhookToken = "', '";', `${alnum(24)}@${alnum(8)}`)).toBe('mangled token');
  });

  it('passes over an Atlassian Data Center PAT of the wrong length or with a mistyped id, under an Atlassian name only', () => {
    const digits = randomFrom('0123456789', 12);
    // Base64 of `<12 digits>:<bytes>`: 44 characters is the issued length.
    const pat = (randomBytes: number, id = digits) => Buffer.concat([Buffer.from(`${id}:`), Buffer.from(randomFrom(ALNUM, randomBytes))]).toString('base64');
    expect(ids(`jira_token: ${pat(20)}`, 'config/app.yml')).toEqual(['atlassian-data-center-pat']);
    expect(ids(`jira_token: ${pat(17)}`, 'config/app.yml')).toEqual([]);
    expect(ids(`jira_token: ${pat(23)}`, 'config/app.yml')).toEqual([]);
    expect(ids(`jira_token: ${pat(20, `\x01${digits.slice(1)}`)}`, 'config/app.yml')).toEqual([]);
    // The same layout under another name is a numeric user's basic credentials.
    expect(ids(`jenkins_token: ${pat(17)}`, 'config/app.yml')).toEqual(['generic-yaml-secret']);
  });

  it("reports Django's SECRET_KEY, whose alphabet holds punctuation, with one stray-looking character or many", () => {
    const key = (punctuation: string) => `SECRET_KEY = '${randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 24)}${punctuation}${randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 25)}'`;
    expect(ids(key('^'), 'app/settings.py')).toContain('django-secret-key');
    expect(ids(key('!@#$%^&*('), 'app/settings.py')).toContain('django-secret-key');
  });

  it('passes over base64 whose padding does not fit its length, not over well-padded base64', () => {
    // An alphanumeric first character: base64 that opens with `/` reads as a path.
    expect(ids(`jira_token: ${alnum(1)}${b64(43)}=`, 'config/app.yml')).toEqual([]);
    expect(ids(`jira_token: ${alnum(1)}${b64(42)}=`, 'config/app.yml')).not.toEqual([]);
  });

  it('passes over counted-out values under any rule, random ones not', () => {
    expect(ids('const shopifySecret = "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";')).toEqual([]);
    expect(ids('vault secret_id = "87654321-4321-4321-4321-CBA987654321"')).toEqual([]);
    expect(ids(`  refresh_token: "5Aep861${alnum(20)}AAAABBBBCCCC${alnum(60)}"`, 'config/app.yml')).toEqual([]);
    expect(ids(`const shopifySecret = "shpss_${hex(32)}";`)).toEqual(['shopify-shared-secret']);
  });

  it('passes over a query string of settings, a host name, a publishable key and an OAuth client id', () => {
    expect(ids('AZURE_BLOB_SAS_TOKEN=st=2025-03-04T07:24:52Z&se=2025-04-04T15:24:52Z&spr=https&sv=2022-11-02&sr=c', 'deploy/.env')).toEqual([]);
    expect(ids(`invoice_secret = '${hex(6)}.invoices-corp.com'`, 'config.py')).toEqual([]);
    expect(ids(`lob_publishable_token = 'live_pub_${hex(31)}'`, 'config.py')).toEqual([]);
    expect(ids(`salesforce_key = "3MVG9${alnum(40)}.${alnum(40)}"`, 'config.py')).toEqual([]);
  });
});

describe('counted-out values', () => {
  it('knows counting up, down, interleaved and in runs, and no random draw', () => {
    for (const value of ['zyxwvutsrq9876543210ab', '1a2b3C4d-5E6f-7g8H', 'a1B2c3D4e5F6g7H8', 'Q9z8y7x6w5v', 'ABCD1234EFGH5678IJKL', 'x5AAAABBBBCCCCq']) {
      expect(isCountedOut(value), value).toBe(true);
    }
    for (let i = 0; i < 200; i++) {
      const value = alnum(40);
      expect(isCountedOut(value), value).toBe(false);
    }
  });

  it('keeps only interleaved counts and back-to-back runs for a provider match, where counted runs may be real', () => {
    for (const value of ['1a2b3C4d-5E6f-7g8H', 'a1B2c3D4e5F6g7H8', 'x5AAAABBBBCCCCq']) expect(isCountedOut(value, true), value).toBe(true);
    for (const value of ['zyxwvutsrq9876543210ab', 'ABCD1234EFGH5678IJKL']) expect(isCountedOut(value, true), value).toBe(false);
    expect(isPlaceholder('ABCD1234EFGH5678IJKL', true)).toBe(false);
    expect(isPlaceholder('ABCD1234EFGH5678IJKL')).toBe(true);
  });
});
