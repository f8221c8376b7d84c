import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER, randomFrom } from '../helpers/fake-secrets.js';

/**
 * Realistic snippets for one rule, each holding a freshly generated fake secret: true examples the rule must report
 * and near-misses (wrong length, prefix case or checksum, missing context, placeholders) it must not.
 */
export interface RuleFixture {
  /** The main true example; the accuracy corpus plants this one. */
  positive: () => string;
  /** The main near-miss. */
  negative: () => string;
  /** Every true example: the main one and the same secret in other file shapes. */
  positives: () => string[];
  /** Every near-miss. */
  negatives: () => string[];
  /** Where the snippets live, when the rule cares (config-file rules skip source code); `src/config.ts` otherwise. */
  path?: string;
}

interface FixtureSpec {
  positive: () => string;
  negative: () => string;
  morePositives?: () => string[];
  moreNegatives?: () => string[];
  path?: string;
}

/** What the engine rightly takes for a placeholder (`bbbbbb`, `***`, `...`, `qwerty`); a random draw can land on one. */
const LOOKS_PLACEHOLDER = /(.)\1{4,}|\*{3}|\.{3}|x{5}|example|changeme|placeholder|redacted|dummy|sample|foobar|lorem|abcdefgh|0123456|1234567|qwerty/i;

function shannon(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/**
 * A generated fake value that cannot be mistaken for a placeholder and is not in the low-entropy tail (about one draw
 * in a hundred) that entropy floors are there to drop, so a true example never fails by chance.
 */
export function r(alphabet: string, length: number): string {
  for (;;) {
    const value = randomFrom(alphabet, length);
    if (LOOKS_PLACEHOLDER.test(value)) continue;
    if (alphabet.length >= 16 && length >= 16 && shannon(value) < (length >= 20 ? 3.5 : 3.2)) continue;
    return value;
  }
}

/** Letters-only draws can split into word-like pieces, which generic rules rightly read as identifiers. */
const withDigit = (length: number) => r(ALNUM, length - 1) + r(DIGITS, 1);

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: object, header: object = { alg: 'RS256', typ: 'JWT' }) => `${b64url(header)}.${b64url(payload)}.${r(BASE64URL, 43)}`;
const pemBody = (length: number) => Array.from({ length: Math.ceil(length / 64) }, () => r(BASE64, 64)).join('\n');

/** `name = "value"` in a few shapes, so fixtures look like code, config and env files. */
const code = (name: string, value: string) => `const ${name} = "${value}";`;
const env = (name: string, value: string) => `${name}=${value}`;
const yaml = (name: string, value: string) => `  ${name}: "${value}"`;
const json = (name: string, value: string) => `{ "${name}": "${value}" }`;

const specs: Record<string, FixtureSpec> = {
  // Keys and tokens
  'openssh-private-key': { positive: () => `-----BEGIN OPENSSH PRIVATE KEY-----\n${pemBody(400)}\n-----END OPENSSH PRIVATE KEY-----`, negative: () => `-----BEGIN OPENSSH PUBLIC KEY-----\n${pemBody(400)}\n-----END OPENSSH PUBLIC KEY-----` },
  'pgp-private-key-block': { positive: () => `-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${pemBody(2000)}\n=${r(BASE64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`, negative: () => `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${pemBody(2000)}\n-----END PGP PUBLIC KEY BLOCK-----` },
  'putty-private-key': { positive: () => `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n${r(BASE64, 64)}\n${r(BASE64, 20)}\nPrivate-Lines: 1\n${r(BASE64, 44)}\nPrivate-MAC: ${r(HEX, 64)}`, negative: () => `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 1\n${r(BASE64, 64)}` },
  jwt: { positive: () => code('session', jwt({ sub: 'user-1', iat: 1767225600, exp: 1798761600, iss: 'https://auth.example.net' })), negative: () => code('session', `eyJ${r(ALNUM, 30)}.eyJ${r(ALNUM, 30)}.${r(ALNUM, 30)}`) },
  // Config files
  'netrc-password': { positive: () => `machine api.example.net\n  login deploy\n  password ${r(ALNUM, 24)}\n`, negative: () => 'machine api.example.net\n  login deploy\n' },
  'pgpass-entry': { positive: () => `db.internal:5432:app:app_user:${r(ALNUM, 20)}`, negative: () => 'db.internal:5432:app:app_user' },
  'kubernetes-secret-data': { positive: () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  password: ${Buffer.from(r(ALNUM, 24)).toString('base64')}\n`, negative: () => 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: production\n' },
  'htpasswd-hash': { positive: () => `admin:$apr1$${r(ALNUM, 8)}$${r(ALNUM + './', 22)}`, negative: () => 'admin:' },
  'private-key-passphrase': { positive: () => code('keystorePassphrase', r(ALNUM, 16) + '9!'), negative: () => code('keystorePassphrase', '${KEYSTORE_PASS}') },
  // Generic
  'generic-password-assignment': { positive: () => code('dbPassword', r(ALNUM, 16) + '#7'), negative: () => code('dbPassword', 'process.env.DB_PASSWORD') },
  'generic-secret-assignment': { positive: () => code('clientSecret', withDigit(28)), negative: () => code('clientSecret', 'getClientSecretFromVault') },
  'generic-env-secret': {
    path: 'deploy/.env.production',
    positive: () => env('PAYMENTS_API_KEY', r(ALNUM, 30)),
    negative: () => env('PAYMENTS_API_KEY', '${PAYMENTS_API_KEY}'),
    morePositives: () => [`export DEPLOY_TOKEN=${r(ALNUM, 32)}`, `ENV SENTRY_AUTH_TOKEN=${r(ALNUM, 40)}`],
    moreNegatives: () => ['nextToken = tokenizer.getToken()', `export ADMIN_PASSWORD=$(cat /run/secrets/admin)`],
  },
  'generic-yaml-secret': { path: 'config/application.yml', positive: () => `database:\n  password: ${r(ALNUM, 16)}x9Q\n`, negative: () => 'database:\n  password: ${DB_PASSWORD}\n' },
  'generic-xml-secret': {
    path: 'ci/settings.xml',
    positive: () => `<connection>\n  <id>releases</id>\n  <username>deployer</username>\n  <password>${r(ALNUM, 18)}9q</password>\n</connection>\n`,
    negative: () => '<server>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>\n',
    morePositives: () => [`<appSettings><apiKey>${r(ALNUM, 32)}</apiKey></appSettings>`],
    moreNegatives: () => ['<tokenEndpoint>https://login.example.net/oauth2/token</tokenEndpoint>', '<passwordPolicy>strong</passwordPolicy>'],
  },
  'generic-name-value-secret': {
    path: 'postman/env.postman_environment.json',
    positive: () => `{ "key": "apiToken", "value": "${r(ALNUM, 32)}", "enabled": true }`,
    negative: () => '{ "key": "apiToken", "value": "{{apiToken}}", "enabled": true }',
    morePositives: () => [`"environment": [{ "name": "DB_PASSWORD", "value": "${r(ALNUM, 20)}" }]`, `<add key="PaymentsApiKey" value="${r(ALNUM, 32)}" />`],
    moreNegatives: () => ['{ "name": "TOKEN_TTL", "value": "3600" }', '<add key="ApiKeyHeader" value="X-Api-Key" />'],
  },
  'kubernetes-env-secret': {
    path: 'k8s/deployment.yaml',
    positive: () => `        env:\n          - name: DB_PASSWORD\n            value: "${r(ALNUM, 20)}"\n`,
    negative: () => '        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db\n                key: password\n',
    morePositives: () => [`env:\r\n  - name: API_TOKEN\r\n    value: ${r(ALNUM, 32)}\r\n`],
    moreNegatives: () => ['env:\n  - name: TOKEN_URL\n    value: https://login.example.net/oauth2/token\n', 'env:\n  - name: DB_PASSWORD\n    value: $(DB_PASSWORD)\n'],
  },
  'kubernetes-secret-data-entry': {
    path: 'k8s/secret.yaml',
    positive: () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: ${Buffer.from('svc-app').toString('base64')}\n  webhook: ${Buffer.from(`https://hooks.acme-mail.net/in/${r(ALNUM, 32)}`).toString('base64')}\n`,
    negative: () => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: ${Buffer.from('svc-app').toString('base64')}\n  password: ${Buffer.from('CHANGE_ME').toString('base64')}\n`,
    morePositives: () => [`kind: Secret\r\ndata:\r\n  mode: ${Buffer.from('production').toString('base64')}\r\n  DATABASE_URL: ${Buffer.from(`postgres://app:${r(ALNUM, 20)}@db.internal:5432/app`).toString('base64')}\r\n`],
    moreNegatives: () => [`kind: Secret\ndata:\n  mode: ${Buffer.from('production').toString('base64')}\n  commit: ${Buffer.from(r(HEX, 40)).toString('base64')}\n`],
  },
  'generic-hex-secret': {
    positive: () => env('SESSION_SECRET', r(HEX, 64)),
    negative: () => env('SESSION_SECRET_SHA256', r(HEX, 64)),
    morePositives: () => [code('cookieSecret', r(HEX, 64)), `\t\tCookieSecret: "${r(HEX, 64)}",`, yaml('client_secret', r(HEX, 32))],
    moreNegatives: () => [yaml('password_hash', r(HEX, 64)), json('private_key_id', r(HEX, 40)), `  checksum/secret: ${r(HEX, 64)}`, env('API_KEY', '0123456789abcdef0123456789abcdef')],
  },
  'generic-define-secret': {
    path: 'firmware/include/secrets.h',
    positive: () => `#define WIFI_PASSWORD "${r(ALNUM, 14)}7q"`,
    negative: () => '#define PASSWORD_MAX_LEN 64',
    morePositives: () => [`#define MQTT_API_KEY "${r(ALNUM, 32)}"`],
    moreNegatives: () => ['#define TOKEN_HEADER "X-Auth-Token"'],
  },
  'sql-password': {
    path: 'db/migrations/0042_roles.sql',
    positive: () => `CREATE USER reporting WITH PASSWORD '${r(ALNUM, 18)}';`,
    negative: () => "CREATE USER reporting WITH PASSWORD '%(reporting_password)s';",
    morePositives: () => [`ALTER USER etl IDENTIFIED BY '${r(ALNUM, 16)}';`],
    moreNegatives: () => ["ALTER USER etl IDENTIFIED BY '${ETL_PASSWORD}';", 'CREATE TABLE users (id serial, password_hash text);'],
  },
  'generic-argument-secret': {
    path: 'wp-config.php',
    positive: () => `define( 'DB_PASSWORD', '${r(ALNUM, 18)}7q' );`,
    negative: () => "define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );",
    morePositives: () => [`token = os.getenv("API_TOKEN", "${r(ALNUM, 32)}")`, `props.put("twilio.auth.token", "${r(ALNUM, 32)}");`],
    moreNegatives: () => ['Start-Process powershell -ArgumentList "-ExecutionPolicy", "Bypass", "-EncodedCommand"', 'const labels = ["password", "password_confirmation"];'],
  },
  'cli-password-argument': {
    path: 'scripts/restore.sh',
    positive: () => `sshpass -p '${r(ALNUM, 20)}' ssh deploy@10.0.4.2 uptime`,
    negative: () => 'sshpass -p "$DEPLOY_PASSWORD" ssh deploy@10.0.4.2 uptime',
    morePositives: () => [`mysql -h db.internal -u root -p'${r(ALNUM, 18)}' shop < dump.sql`, `docker login -u ci -p ${r(ALNUM, 24)} registry.acme.io`, `curl -u admin:${r(ALNUM, 22)} https://jenkins.acme.io/api/json`, `$secure = ConvertTo-SecureString "${r(ALNUM, 20)}" -AsPlainText -Force`, `resp = requests.get(url, auth=("svc", "${r(ALNUM, 20)}"))`, `helm upgrade --install app ./chart --set s3.secretKey=${r(ALNUM, 40)}`],
    moreNegatives: () => ['mysql -h db.internal -u root -p shop < dump.sql', 'curl -u "$USER:$PASSWORD" https://jenkins.acme.io/api/json', 'docker login -u ci --password-stdin registry.acme.io', 'helm upgrade app ./chart --set db.password=$DB_PASSWORD --set image.tag=1.4.2'],
  },
  'libpq-dsn-password': {
    path: 'etl/load.py',
    positive: () => `dsn = "host=db.internal port=5432 user=etl password=${r(ALNUM, 20)} sslmode=require"`,
    negative: () => 'dsn = f"host={host} port=5432 user=etl password={password}"',
  },
  'terraform-state-secret': {
    path: 'terraform/prod/terraform.tfstate',
    positive: () => `{\n  "outputs": {\n    "db_password": {\n      "value": "${r(ALNUM, 20)}",\n      "type": "string",\n      "sensitive": true\n    }\n  }\n}\n`,
    negative: () => '{\n  "outputs": {\n    "db_password_secret_arn": {\n      "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-Ab12Cd",\n      "type": "string"\n    }\n  }\n}\n',
  },
  'authorization-header': { positive: () => `curl -H "Authorization: Bearer ${r(ALNUM, 40)}" https://api.example.net`, negative: () => 'curl -H "Authorization: Bearer $TOKEN" https://api.example.net' },
};

/** Further near-misses for the rules most likely to be tripped by lookalikes. */
const nearMisses: Record<string, () => string[]> = {
  jwt: () => [code('SAMPLE_JWT', jwt({ sub: '1234567890', name: 'John Doe', iat: 1516239022 }, { alg: 'HS256', typ: 'JWT' })), code('session', jwt({ sub: 'user-1' }, { alg: 'none' })), code('session', `eyJhbGciOiJIUzI1NiJ9.${r(ALNUM, 30)}.${r(ALNUM, 30)}`)],
  'kubernetes-secret-data': () => ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\n'],
  'netrc-password': () => ['machine api.example.net login deploy password ${NETRC_PASSWORD}', 'machine api.example.net login deploy password ${secrets.get("netrc password")}'],
  'generic-password-assignment': () => [json('passport-local', 'passport-local-strategy'), code('compassionateMessage', 'thanks for your patience'), code('adminPasswordHash', `$2b$12$${r(ALNUM + './', 53)}`), yaml('password_hash', `$6$${r(ALNUM, 16)}$${r(ALNUM + './', 86)}`), code('dbPassword', 'os.environ[DB_PASSWORD]'), code('dbPassword', 'password'), code('dbPassword', '********'), code('passwordField', 'password')],
  'generic-secret-assignment': () => [code('slackBotToken', 'xoxb-1234-abcdEFGH'), code('stripeKey', 'sk_live_Ab3dE'), code('sentryDsnToken', `https://${r(HEX, 32)}@o12345.ingest.sentry.io/678`), code('lastSignificantToken', '?InterpolationInTemplate'), code('tokenizerMode', 'whitespace-greedy-v2'), `"expected_token_here": "分析器预期在此处找到与标记匹配的内容分析器预期"`, code('clientSecret', '${{ secrets.CLIENT_SECRET }}'), code('apiToken', '<your-api-token>'), code('tokenUrl', 'https://oauth2.googleapis.com/token')],
  'generic-env-secret': () => [env('API_TOKEN', '$API_TOKEN'), env('TOKEN_EXPIRY_SECONDS', '3600'), env('API_KEY', 'your_api_key_here'), env('DB_PASSWORD', `ENC[AES256_GCM,data:${r(BASE64, 24)}=,iv:${r(BASE64, 43)}=,tag:${r(BASE64, 22)}==,type:str]`), env('GITHUB_TOKEN_SCOPES', 'repo,read:org,workflow'), env('API_KEY_HEADER', 'XSRF-TOKEN')],
  'generic-yaml-secret': () => [`  ADMIN_PASSWORD: ${Buffer.from('CHANGE_ME').toString('base64')}`, `  aws_access_key_id: AKIA${r(LOWER + DIGITS, 16)}`],
  'authorization-header': () => ['headers: { Authorization: `Bearer ${token}` }'],
};

/** Further true examples: the same secret in another file shape. */
const moreExamples: Record<string, () => string[]> = {
  // A hand-written .git-credentials line keeps `#` and `@` in the password unencoded.
  'generic-password-assignment': () => [code('adminPasswordHash2', `${r(ALNUM, 16)}!${r(ALNUM, 4)}`).replace('adminPasswordHash2', 'ADMIN_PASS'), `  "db_password": "${withDigit(16)}",`],
  'generic-secret-assignment': () => [code('apiToken', withDigit(32)), `client_secret = '${withDigit(40)}'`, `  "WEBHOOK_SECRET": "${withDigit(32)}",`, `os.environ["API_TOKEN"] = "${r(ALNUM, 32)}"`, `"os.environ[\\"API_TOKEN\\"] = \\"${r(ALNUM, 32)}\\"\\n",`, `const API_TOKEN: &str = "${r(ALNUM, 32)}";`, `private readonly apiKey: string = '${r(ALNUM, 32)}';`, `const apiToken = process.env.API_TOKEN || '${r(ALNUM, 32)}';`],
  'generic-yaml-secret': () => [`smtp.password=${r(ALNUM, 16)}#${r(ALNUM, 4)}`, `  api_token: ${r(ALNUM, 24)}  # rotated quarterly`, `db:\r\n  password: ${r(ALNUM, 16)}x9Q\r\n`, `  RABBITMQ_DEFAULT_PASS: ${r(ALNUM, 20)}`],
  'generic-env-secret': () => [`API_TOKEN=${r(ALNUM, 30)}\r\nPORT=8080\r\n`, `ENV SENTRY_AUTH_TOKEN ${r(ALNUM, 40)}`, `RABBITMQ_DEFAULT_PASS=${r(ALNUM, 20)}`],
  'htpasswd-hash': () => [`admin:$apr1$${r(ALNUM, 8)}$${r(ALNUM + './', 22)}\r\n`],
  jwt: () => [`Authorization: Bearer ${jwt({ iss: 'https://issuer.example.net', iat: 1767225600, exp: 1767229200 })}`],
};

export const fixtures: Record<string, RuleFixture> = Object.fromEntries(
  Object.entries(specs).map(([id, spec]) => [
    id,
    {
      positive: spec.positive,
      negative: spec.negative,
      positives: () => [spec.positive(), ...(spec.morePositives?.() ?? []), ...(moreExamples[id]?.() ?? [])],
      negatives: () => [spec.negative(), ...(spec.moreNegatives?.() ?? []), ...(nearMisses[id]?.() ?? [])],
      ...(spec.path ? { path: spec.path } : {}),
    },
  ]),
);
