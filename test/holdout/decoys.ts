import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { AN, B64, B64U, D, Rng, az, azD, hex } from './rng.js';

/** A value a good scanner must not report, under a name that looks like a secret's. */
export interface ValueDecoy {
  what: string;
  names: string[];
  make: (r: Rng) => string;
}

const uuid = (r: Rng) => `${r.chars(hex, 8)}-${r.chars(hex, 4)}-4${r.chars(hex, 3)}-a${r.chars(hex, 3)}-${r.chars(hex, 12)}`;
const badCrc = (r: Rng, prefix: string) => {
  const body = r.chars(AN, 30);
  const good = base62(crc32(body), 6);
  let bad = r.chars(AN, 6);
  if (bad === good) bad = `${bad.slice(0, 5)}${bad[5] === 'a' ? 'b' : 'a'}`;
  return `${prefix}${body}${bad}`;
};

export const valueDecoys: ValueDecoy[] = [
  // Placeholders and documentation values
  { what: 'placeholder', names: ['STRIPE_SECRET_KEY', 'API_KEY', 'OPENAI_API_KEY'], make: (r) => r.one(['your-api-key-here', 'your_api_key_here', '<your-api-key>', '<YOUR_TOKEN>', 'REPLACE_WITH_YOUR_KEY', 'insert-your-token', 'TODO_SET_ME']) },
  { what: 'placeholder', names: ['DB_PASSWORD', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD'], make: (r) => r.one(['changeme', 'change-me-in-prod', 'password', '<password>', 'your_password', 'CHANGE_ME', 'please-change']) },
  { what: 'masked', names: ['GITHUB_TOKEN', 'SECRET_KEY', 'DB_PASSWORD'], make: (r) => r.one(['********', '****************', '<redacted>', '[REDACTED]', 'xxxxxxxxxxxxxxxxxxxxxxxx', 'XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX']) },
  { what: 'interpolation', names: ['STRIPE_SECRET_KEY', 'DB_PASSWORD', 'SLACK_TOKEN'], make: (r) => r.one(['${STRIPE_SECRET_KEY}', '${DB_PASSWORD:-}', '{{ .Values.db.password }}', '{{ secret_key }}', '%(db_password)s', '#{ENV["API_TOKEN"]}', '$(cat /run/secrets/token)', '%API_TOKEN%']) },
  { what: 'example key', names: ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'], make: (r) => r.one(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIAI44QH8DHBEXAMPLE', 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY']) },
  { what: 'masked prefix', names: ['STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'OPENAI_API_KEY'], make: (r) => r.one([`sk_live_${'x'.repeat(24)}`, `ghp_${'x'.repeat(36)}`, `sk-proj-${'X'.repeat(40)}`, `sk_test_${'*'.repeat(24)}`, `xoxb-${'x'.repeat(40)}`]) },
  // References
  { what: 'reference', names: ['DB_PASSWORD', 'API_TOKEN', 'STRIPE_SECRET_KEY'], make: (r) => r.one(['vault:secret/data/prod/db#password', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-password-Ab12Cd', 'op://Engineering/Stripe/credential', 'projects/acme-prod/secrets/stripe-key/versions/latest', 'ref+awsssm://prod/api/token', 'sm://projects/acme/secrets/db']) },
  // Non-secret values under secret-looking names
  { what: 'setting', names: ['PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'SESSION_TIMEOUT', 'PASSWORD_RESET_TIMEOUT'], make: (r) => String(r.one([8, 12, 3600, 86400, 900, 604800])) },
  { what: 'setting', names: ['TOKEN_TYPE', 'AUTH_SCHEME', 'TOKEN_ENDPOINT_AUTH_METHOD'], make: (r) => r.one(['bearer', 'Bearer', 'client_secret_basic', 'client_secret_post', 'private_key_jwt', 'refresh_token']) },
  { what: 'setting', names: ['SECRET_NAME', 'PASSWORD_SECRET_NAME', 'TOKEN_SECRET_REF'], make: (r) => r.one(['db-creds', 'app-secrets', 'stripe-api-key', 'prod-db-password', 'github-app-credentials']) },
  { what: 'setting', names: ['PASSWORD_HASHER', 'TOKEN_ALGORITHM', 'SECRET_BACKEND'], make: (r) => r.one(['argon2id', 'bcrypt_sha256', 'HS256', 'RS256', 'aws-secrets-manager', 'hashicorp-vault']) },
  { what: 'setting', names: ['TOKEN_URL', 'AUTH_URL', 'SECRETS_ENDPOINT'], make: (r) => r.one(['https://oauth2.googleapis.com/token', 'https://login.microsoftonline.com/common/oauth2/v2.0/token', 'https://auth.acme.io/realms/main/protocol/openid-connect/token']) },
  { what: 'setting', names: ['SECRET_KEY_FILE', 'PASSWORD_FILE', 'TOKEN_PATH'], make: (r) => r.one(['/run/secrets/django_key', '/var/run/secrets/kubernetes.io/serviceaccount/token', './secrets/db_password.txt', '/etc/acme/token']) },
  { what: 'setting', names: ['API_KEY_HEADER', 'TOKEN_HEADER', 'CSRF_TOKEN_NAME'], make: (r) => r.one(['X-Api-Key', 'Authorization', 'X-CSRF-Token', 'csrftoken', 'XSRF-TOKEN']) },
  { what: 'setting', names: ['GITHUB_TOKEN_SCOPES', 'TOKEN_AUDIENCE'], make: (r) => r.one(['repo,read:org,workflow', 'api://acme-backend', 'sts.amazonaws.com']) },
  // Hashes, ids, digests
  { what: 'uuid', names: ['CLIENT_ID', 'TENANT_ID', 'API_KEY_ID', 'SECRET_ID', 'KMS_KEY_ID'], make: uuid },
  { what: 'sha256', names: ['ARTIFACT_SHA256', 'CHECKSUM', 'IMAGE_DIGEST', 'TOKEN_HASH'], make: (r) => r.chars(hex, 64) },
  { what: 'git sha', names: ['GIT_COMMIT', 'SOURCE_VERSION', 'BUILD_SHA'], make: (r) => r.chars(hex, 40) },
  { what: 'sha512', names: ['PASSWORD_HASH', 'FILE_HASH'], make: (r) => r.chars(hex, 128) },
  { what: 'md5 etag', names: ['ETAG', 'CACHE_KEY', 'ASSET_HASH'], make: (r) => r.chars(hex, 32) },
  { what: 'bcrypt hash', names: ['ADMIN_PASSWORD_HASH', 'PASSWORD_DIGEST'], make: (r) => `$2b$12$${r.chars(AN + './', 53)}` },
  { what: 'sops value', names: ['DB_PASSWORD', 'API_TOKEN'], make: (r) => `ENC[AES256_GCM,data:${r.chars(B64, 24)}=,iv:${r.chars(B64, 43)}=,tag:${r.chars(B64, 22)}==,type:str]` },
  { what: 'key id', names: ['PRIVATE_KEY_ID', 'SIGNING_KEY_ID'], make: (r) => r.chars(hex, 40) },
  { what: 'public key', names: ['SSH_PUBLIC_KEY', 'DEPLOY_PUBLIC_KEY'], make: (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.chars(B64, 43)} deploy@ci` },
  { what: 'publishable key', names: ['STRIPE_PUBLISHABLE_KEY', 'NEXT_PUBLIC_STRIPE_PK'], make: (r) => `pk_live_51${r.chars(AN, 97)}` },
  { what: 'sentry dsn', names: ['SENTRY_DSN', 'NEXT_PUBLIC_SENTRY_DSN'], make: (r) => `https://${r.chars(hex, 32)}@o${r.chars(D, 6)}.ingest.sentry.io/${r.chars(D, 7)}` },
  { what: 'url without password', names: ['DATABASE_URL', 'REDIS_URL'], make: (r) => r.one([`postgres://app@db.internal:5432/orders`, `redis://cache.internal:6379/0`, `postgres://${r.chars(az, 5)}:@localhost/dev`, `mongodb://localhost:27017/test`]) },
  // Near misses of provider formats
  { what: 'bad checksum', names: ['GITHUB_TOKEN', 'GH_PAT'], make: (r) => badCrc(r, 'ghp_') },
  { what: 'bad checksum', names: ['NPM_TOKEN'], make: (r) => badCrc(r, 'npm_') },
  { what: 'wrong length', names: ['SLACK_BOT_TOKEN'], make: (r) => `xoxb-${r.chars(D, 4)}-${r.chars(AN, 8)}` },
  { what: 'wrong charset', names: ['AWS_ACCESS_KEY_ID'], make: (r) => `AKIA${r.chars(az + '0189', 16)}` },
  { what: 'wrong length', names: ['STRIPE_KEY'], make: (r) => `sk_live_${r.chars(AN, 10)}` },
  { what: 'identifier', names: ['TOKEN_CLASS', 'SECRET_STORE_KIND', 'PASSWORD_VALIDATOR'], make: (r) => r.one(['JwtBearerTokenProvider', 'AwsSecretsManagerStore', 'UserAttributeSimilarityValidator', 'OAuth2RefreshTokenGranter']) },
];

/** Whole lines (per language family) that hold references, not values. */
export const lineDecoys: Record<string, ((r: Rng) => string)[]> = {
  // Round three: code that names secrets without holding one (added after the second round of fixes).
  xml: [() => '    <add key="TokenLifetimeMinutes" value="60" />', () => '    <add key="ApiKeyHeaderName" value="X-API-KEY" />', () => '    <passwordPolicy>Strong</passwordPolicy>', () => '    <add key="SecretsProvider" value="AzureKeyVault" />'],
  postman: [() => '    { "key": "token", "value": "{{token}}", "type": "string" },', () => '    { "key": "apiKeyHeader", "value": "X-Api-Key", "type": "string" },'],
  'json-config': [() => '  "secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password" }],', () => '  "tokenLifetime": "PT1H",'],
  ipynb: [() => '    "api_key = getpass.getpass(\\"API key: \\")\\n",', () => '    "os.environ[\\"OPENAI_API_KEY\\"] = userdata.get(\\"OPENAI_API_KEY\\")\\n",'],
  tfvars: [() => 'db_password_secret_name = "prod/db/password"', () => 'token_ttl_seconds = 3600'],
  'gitlab-ci': [() => '  DOCKER_AUTH_CONFIG: $DOCKER_AUTH_CONFIG', () => '  GIT_DEPTH: "10"', () => '  CI_JOB_TOKEN_SCOPE: "project"'],
  'spring-yaml': [() => '  datasource:\n    password: ${DB_PASSWORD}', () => 'jwt:\n  secret: ${JWT_SECRET:}', () => 'security:\n  oauth2:\n    client:\n      registration:\n        github:\n          client-secret: ${GITHUB_CLIENT_SECRET}'],
  'django-settings': [() => "SECRET_KEY = get_random_secret_key()", () => "        'PASSWORD': os.environ['DB_PASSWORD'],", () => "AUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]"],
  wordpress: [() => "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );", () => "define( 'AUTH_KEY', 'put your unique phrase here' );"],
  kotlin: [() => '    val apiKey: String = BuildConfig.API_KEY', () => '    val token = System.getenv("API_TOKEN") ?: ""'],
  swift: [() => '    static let apiKey = Bundle.main.infoDictionary?["API_KEY"] as? String', () => '    static let tokenKeychainKey = "com.acme.auth.token"'],
  c: [() => '#define PASSWORD_MAX_LEN 64', () => '#define TOKEN_HEADER "X-Auth-Token"'],
  powershell: [() => '$password = Read-Host -AsSecureString "Password"', () => '$token = (Get-AzAccessToken).Token', () => '$env:API_TOKEN = $env:PIPELINE_TOKEN'],
  batch: [() => 'set API_TOKEN=%1', () => 'set PASSWORD=%DEPLOY_PASSWORD%'],
  sql: [() => "CREATE TABLE users (id serial, password_hash text NOT NULL, api_token_digest text);", () => "UPDATE settings SET value = 'bearer' WHERE name = 'token_type';"],
  'cli-args': [() => 'curl -u "$API_USER:$API_PASSWORD" https://api.acme.io/v1/me', () => 'docker login -u "$REGISTRY_USER" --password-stdin < /run/secrets/registry', () => 'helm upgrade app ./chart --set db.password=$DB_PASSWORD'],
  'python-calls': [() => 'conn = psycopg2.connect(host=HOST, user=USER, password=PASSWORD)', () => 'resp = requests.get(URL, auth=(user, password))', () => 'dsn = f"host={host} password={password}"'],
  'yaml-flow': [() => 'db: { password: "{{ vault_db_password }}", port: 5432 }', () => 'ansible_become_password: "{{ lookup(\'env\', \'BECOME_PASS\') }}"'],
  'json-minified': [(r) => `{"name":"token-utils","version":"1.2.0","integrity":"sha512-${r.chars(B64, 86)}==","_resolved":"https://registry.npmjs.org/token-utils/-/token-utils-1.2.0.tgz"}`],
  python: [
    () => 'STRIPE_SECRET_KEY = os.environ["STRIPE_SECRET_KEY"]',
    () => 'db_password = os.getenv("DB_PASSWORD")',
    () => 'api_key = settings.OPENAI_API_KEY',
    () => 'token = get_secret("prod/github/token")',
    () => 'password = getpass.getpass("Password: ")',
    () => 'SECRET_KEY = env("DJANGO_SECRET_KEY")',
    () => 'headers = {"Authorization": f"Bearer {access_token}"}',
    (r) => `password_hash = "${r.chars(hex, 64)}"  # sha256 of the test fixture`,
  ],
  javascript: [
    () => "const label = t('password', 'Password');",
    () => "expect(validatePassword('short')).toBe(false);",
    () => "localStorage.setItem('token', response.data.accessToken);",
    () => "const token = jwt.sign(payload, process.env.JWT_SECRET, { expiresIn: '1h' });",
    () => 'const apiKey = process.env.STRIPE_SECRET_KEY;',
    () => "const token = core.getInput('github-token', { required: true });",
    () => '  headers: { Authorization: `Bearer ${token}` },',
    () => "  password: config.get('db.password'),",
    () => "const secret = await secrets.get('jwt-signing-key');",
    (r) => `  integrity: "sha512-${r.chars(B64, 86)}==",`,
    (r) => `import styles from './Login.module.css'; // .password_${r.chars(azD, 5)}`,
  ],
  go: [
    () => '\t{name: "empty password", password: "", wantErr: true},',
    () => '\tsecret := os.Getenv("WEBHOOK_SECRET")',
    () => '\ttoken := os.Getenv("GITHUB_TOKEN")',
    () => '\tpassword, err := secretsClient.GetSecretValue(ctx, "prod/db")',
    () => '\tapiKey := cfg.APIKey',
  ],
  java: [
    () => '    String password = System.getenv("DB_PASSWORD");',
    () => '    @Value("${stripe.secret-key}") private String stripeSecretKey;',
  ],
  csharp: [
    () => '    var apiKey = Environment.GetEnvironmentVariable("API_KEY");',
    () => '    var password = configuration["Database:Password"];',
  ],
  ruby: [() => "api_key = ENV['STRIPE_SECRET_KEY']", () => 'password = Rails.application.credentials.dig(:db, :password)'],
  php: [() => "    'password' => env('DB_PASSWORD'),", () => "    'secret' => env('STRIPE_SECRET'),"],
  rust: [() => '    let token = env::var("GITHUB_TOKEN")?;'],
  workflow: [
    () => '      - name: Set API token\n        run: echo "token set"',
    () => '      GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}',
    () => '      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
    () => '      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}',
    (r) => `      ACTIONS_PIN: actions/setup-node@${r.chars(hex, 40)}`,
  ],
  'k8s-deployment-env': [
    () => '            - name: TOKEN_PATH\n              value: /var/run/secrets/tokens/vault-token',
    () => '            - name: SECRET_NAME\n              value: app-credentials',
    () => '            - name: DB_PASSWORD',
    () => '              valueFrom:',
    () => '                secretKeyRef:',
    () => '                  name: db-credentials',
    () => '                  key: password',
  ],
  'helm-values': [() => 'existingSecret: app-credentials', () => 'passwordKey: postgres-password', (r) => `podAnnotations:\n  checksum/secret: ${r.chars(hex, 64)}`],
  terraform: [
    () => '  password = var.db_password',
    () => '  secret_string = random_password.db.result',
    () => '  token = data.vault_generic_secret.gh.data["token"]',
    () => '  kms_key_id = aws_kms_key.secrets.arn',
  ],
  dockerfile: [() => 'RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci', (r) => `FROM node:22-slim@sha256:${r.chars(hex, 64)}`],
  shell: [
    () => 'docker run -d -p 5432:5432 -e POSTGRES_PASSWORD="$POSTGRES_PASSWORD" postgres:16',
    () => 'mysql -h db.internal -u root -p shop < dump.sql',
    () => 'docker login -u "$REGISTRY_USER" --password-stdin ghcr.io',
    () => 'export GITHUB_TOKEN="$(gh auth token)"',
    () => 'curl -H "Authorization: Bearer ${API_TOKEN}" https://api.acme.io/v1/me',
    () => 'read -rsp "Password: " DB_PASSWORD',
    () => 'aws secretsmanager get-secret-value --secret-id prod/db/password --query SecretString',
    (r) => `echo "${r.chars(hex, 64)}  release.tar.gz" | sha256sum -c -`,
  ],
  dotenv: [() => 'DB_PASSWORD=', () => 'API_TOKEN=${VAULT_API_TOKEN}', () => 'SECRET_KEY_BASE=# set by the platform'],
  log: [
    (r) => `2025-04-02T09:12:50.001Z INFO  commit ${r.chars(hex, 40)} deployed by ci`,
    (r) => `2025-04-02T09:12:51.442Z INFO  pulled image sha256:${r.chars(hex, 64)}`,
    (r) => `2025-04-02T09:12:52.100Z DEBUG session=${uuid(r)} user=42 token_refreshed=true`,
    (r) => `2025-04-02T09:12:53.870Z INFO  cache key ${r.chars(B64U, 43)} hit`,
  ],
  markdown: [
    () => 'export STRIPE_SECRET_KEY=sk_test_your_key_here',
    () => 'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
    () => 'export OPENAI_API_KEY=<your OpenAI key>',
  ],
};

/** Whole files that hold nothing secret but plenty that looks random. */
export const fileDecoys: { path: (r: Rng, n: number) => string; build: (r: Rng) => string[] }[] = [
  {
    path: (r, n) => `${r.one(['', 'web/', 'packages/ui/'])}package-lock.json`.replace(/^/, `l${n}/`),
    build: (r) => {
      const out = ['{', '  "name": "web",', '  "lockfileVersion": 3,', '  "packages": {'];
      for (let i = 0; i < 12; i++) {
        const pkg = r.one(['react', 'lodash', 'tslib', 'debug', 'ms', 'semver', 'token-types', 'safe-buffer', 'secret-handshake']) + (i ? `-${i}` : '');
        out.push(`    "node_modules/${pkg}": {`, `      "version": "${r.range(1, 9)}.${r.range(0, 20)}.${r.range(0, 9)}",`, `      "resolved": "https://registry.npmjs.org/${pkg}/-/${pkg}-1.0.0.tgz",`, `      "integrity": "sha512-${r.chars(B64, 86)}=="`, '    },');
      }
      out.push('  }', '}');
      return out;
    },
  },
  {
    path: (r, n) => `svc${n}/go.sum`,
    build: (r) => Array.from({ length: 20 }, () => `github.com/${r.one(['aws', 'golang', 'spf13', 'hashicorp'])}/${r.chars(az, 6)} v1.${r.range(0, 30)}.${r.range(0, 9)} h1:${r.chars(B64, 43)}=`),
  },
  {
    path: (r, n) => `web${n}/yarn.lock`,
    build: (r) => Array.from({ length: 8 }, (_, i) => [`"token-${i}@^1.0.0":`, `  version "1.${i}.0"`, `  resolved "https://registry.yarnpkg.com/token-${i}/-/token-${i}-1.${i}.0.tgz#${r.chars(hex, 40)}"`, `  integrity sha1-${r.chars(B64, 27)}=`, '']).flat(),
  },
  {
    path: (r, n) => `src/styles/app-${n}.css`,
    build: (r) => Array.from({ length: 10 }, () => `.password-field_${r.chars(azD, 5)}__${r.chars(B64U.replace(/[-_]/g, ''), 5)}{color:#${r.chars(hex, 6)};background:url(data:image/png;base64,${r.chars(B64, 120)}=)}`),
  },
  {
    path: (r, n) => `public/locales/en-${n}.json`,
    build: () => ['{', '  "auth.password.label": "Password",', '  "auth.password.forgot": "Forgot your password?",', '  "auth.token.expired": "Your session token expired, please sign in again",', '  "settings.api_key.title": "API keys",', '  "settings.api_key.create": "Create a new secret key",', '  "errors.invalid_token": "The token is invalid or has been revoked"', '}'],
  },
  {
    path: (r, n) => `certs/ca-${n}.pem`,
    build: (r) => ['-----BEGIN CERTIFICATE-----', ...Array.from({ length: 18 }, () => r.chars(B64, 64)), `${r.chars(B64, 40)}==`, '-----END CERTIFICATE-----'],
  },
  {
    path: (r, n) => `keys/jwt-public-${n}.pem`,
    build: (r) => ['-----BEGIN PUBLIC KEY-----', 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' + r.chars(B64, 20), ...Array.from({ length: 5 }, () => r.chars(B64, 64)), `${r.chars(B64, 6)}IDAQAB`, '-----END PUBLIC KEY-----'],
  },
  {
    path: (r, n) => `web/dist/assets/chunks-${n}.js`,
    build: (r) => [`(self.webpackChunk=self.webpackChunk||[]).push([[${r.range(100, 999)}],{${Array.from({ length: 6 }, () => `${r.range(1000, 9999)}:function(e,t,n){n.d(t,{tokenize:()=>a});var a=n("${r.chars(hex, 20)}"),s="static/js/${r.chars(hex, 8)}.chunk.js",c="sha384-${r.chars(B64, 64)}"}`).join(',')}}]);`],
  },
  {
    path: (r, n) => `deploy/sealed/db-${n}.yaml`,
    build: (r) => ['apiVersion: bitnami.com/v1alpha1', 'kind: SealedSecret', 'metadata:', '  name: db', 'spec:', '  encryptedData:', `    password: AgB${r.chars(B64, 600)}==`, `    api-token: AgC${r.chars(B64, 600)}=`],
  },
  {
    path: (r, n) => `group_vars/prod-${n}/vault.yml`,
    build: (r) => ['db_password: !vault |', '  $ANSIBLE_VAULT;1.1;AES256', ...Array.from({ length: 6 }, () => `  ${r.chars(D + 'abcdef', 80)}`)],
  },
  {
    path: (r, n) => `notebooks/plot-${n}.ipynb`,
    build: (r) => ['{', ' "cells": [{', '   "cell_type": "code",', '   "outputs": [{', '     "data": {', `      "image/png": "iVBORw0KGgoAAAANSUhEUgAA${r.chars(B64, 900)}",`, '      "text/plain": ["<Figure size 640x480>"]', '     },', '     "output_type": "display_data"', '   }],', '   "source": ["plt.plot(tokens_per_second)"]', '  }]', '}'],
  },
  {
    path: (r, n) => `test/fixtures/users-${n}.json`,
    build: (r) => ['[', ...Array.from({ length: 5 }, (_, i) => `  { "id": "${uuid(r)}", "email": "user${i}@example.org", "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$${r.chars(B64, 22)}$${r.chars(B64, 43)}", "api_key_id": "${uuid(r)}" },`), '  {}', ']'],
  },
  {
    path: (r, n) => `src/i18n/messages-${n}.ts`,
    build: () => ["export const messages = {", "  passwordTooShort: 'Password must be at least 12 characters',", "  tokenExpired: 'Session expired',", "  secretSaved: 'Secret saved to the vault',", '};'],
  },
  {
    path: (r, n) => `docs/api-${n}.md`,
    build: (r) => ['## Authentication', '', 'Send your key in the `Authorization` header:', '', '```', 'curl https://api.acme.io/v1/charges \\', '  -H "Authorization: Bearer $STRIPE_API_KEY"', '```', '', `Tokens look like \`acme_live_${'x'.repeat(32)}\`. Keep them secret.`, '', `Webhook payload signature: \`t=1492774577,v1=${r.chars(hex, 64)}\``],
  },
  {
    path: (r, n) => `infra/mod${n}/.terraform.lock.hcl`,
    build: (r) => ['provider "registry.terraform.io/hashicorp/aws" {', '  version     = "5.31.0"', '  constraints = "~> 5.0"', '  hashes = [', ...Array.from({ length: 6 }, () => `    "h1:${r.chars(B64, 43)}=",`), ...Array.from({ length: 6 }, () => `    "zh:${r.chars(hex, 64)}",`), '  ]', '}'],
  },
  {
    path: (r, n) => `ops/ssh-${n}/known_hosts`,
    build: (r) => Array.from({ length: 4 }, (_, i) => `${r.one(['github.com', 'gitlab.com', `10.0.0.${i + 1}`])} ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.chars(B64, 43)}`),
  },
  {
    path: (r, n) => `web/dist/app-${n}.js.map`,
    build: (r) => [`{"version":3,"file":"app.js","sources":["../src/auth/token.ts","../src/api/secret.ts"],"mappings":"${Array.from({ length: 40 }, () => r.chars(AN, r.range(4, 8))).join(';')}","sourcesContent":["export const tokenKey = 'auth.token';"]}`],
  },
  {
    path: (r, n) => `docs/auth-${n}.md`,
    build: () => ['## JWT', '', 'A token looks like this (from jwt.io):', '', '```', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', '```', '', 'Set `API_TOKEN` in your shell, e.g. `export API_TOKEN=<token from the dashboard>`.'],
  },
  {
    path: (r, n) => `k8s/webhooks/admission-${n}.yaml`,
    build: (r) => ['apiVersion: admissionregistration.k8s.io/v1', 'kind: ValidatingWebhookConfiguration', 'webhooks:', '  - name: validate.acme.io', '    clientConfig:', `      caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSU${r.chars(B64, 400)}`, '      service:', '        name: webhook'],
  },
  {
    path: (r, n) => `k8s/tls/secret-tls-${n}.yaml`,
    build: (r) => ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ingress-ca', 'type: Opaque', 'data:', `  ca.crt: ${Buffer.from(`-----BEGIN CERTIFICATE-----\n${r.chars(B64, 64)}\n${r.chars(B64, 64)}\n-----END CERTIFICATE-----\n`).toString('base64')}`, `  namespace: ${Buffer.from('payments').toString('base64')}`, `  username: ${Buffer.from('svc-payments').toString('base64')}`],
  },
];
