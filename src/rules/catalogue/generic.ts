import { rule } from '../build.js';
import { ASSIGN_OPERATOR, TYPED_ASSIGN } from '../shape.js';
import type { Rule } from '../types.js';
import { isEncodedSecretEntry } from '../validators/encoded.js';
import { isSecretKeyName, nameWords } from '../values/key-names.js';

const REMEDIATION = 'If this is a real credential, revoke it at its issuer and load it from a secret store or the environment; if it is test data, add `keyward:allow` to the line.';
/** A default after an environment lookup: `process.env.API_KEY || "..."`, `?? "..."`. */
const FALLBACK = String.raw`(?:process\.env\.[A-Za-z0-9_]{1,60}\s*(?:\|\||\?\?)\s*)?`;
/** Go's typed declaration after the name: `const fastlyKey string = "..."`. */
const GO_TYPED_ASSIGN = String.raw`[ \t]string[ \t]*=`;
/**
 * After the name: its closing quote (escaped inside JSON strings, `\\"`), a subscript's `]` (`os.environ["X"] = ...`), the
 * operator.
 */
const ASSIGN = `(?:\\\\?["']\\]?|\\])?\\s*(?:${ASSIGN_OPERATOR}|\\?\\?=|${TYPED_ASSIGN}|${GO_TYPED_ASSIGN})\\s*${FALLBACK}`;
/** The value's opening quote, possibly escaped (`\\"` inside a JSON string such as a notebook cell). */
const OPEN = '\\\\?["\'`]';
/** Words in a field or variable name that say its value is a credential. */
const SECRET_WORDS = 'password|passwd|_pass|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential';
/** Upper-case environment variable names that hold credentials. */
const ENV_NAME = '[A-Z0-9_]*(?:PASSWORD|PASSWD|_PASS|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|AUTH)[A-Z0-9_]*';
/**
 * A quoted value's characters: printable ASCII except quotes and the backslash, which escapes the closing quote inside
 * JSON strings (byte ranges, so both RE2 backends agree on non-ASCII).
 */
const VALUE = String.raw`[!#-&(-\[\]-_a-~]`;
/**
 * Its first character: not `?` (sentinel strings such as `?NoLineTerminatorHere`), and not `$` then a digit, which
 * opens a crypt(3) hash (`$2b$12$...`, `$6$...`), not a secret.
 */
const FIRST = String.raw`(?:[!#%&(->@-\[\]-_a-~]|\$[!#%&(-/:->@-\[\]-_a-~])`;
/** After the name's keyword, only a separated or camel-cased suffix: `password_hash`, `tokenUrl`, not `passport`, `tokenizer`. */
const SUFFIX = String.raw`(?:[_.-][\w-]{0,20}|[A-Z0-9][\w-]{0,20})?`;

/**
 * A name ending in `key` as env, YAML, JSON and code write it: `SIGNING_KEY`, `signing_key`, `app.signing-key`,
 * `signingKey`, `KEYS`; a word before `key` is required (a bare `key` is every map's). Which names hold a secret is
 * judged after the match (isSecretKeyName): `PUBLIC_KEY`, `primaryKey`, `cacheKey` do not.
 */
const KEY_NAME = String.raw`(?:[A-Za-z0-9]{1,30}[_.-]){0,5}[A-Za-z0-9]{0,30}(?:[a-z0-9]Key|[A-Za-z0-9][_.-](?:key|KEY|Key))s?`;
/** A generated key's characters: base64, base64url, hex and the like; 16 at least, so words and short ids stay out. */
const KEY_VALUE = '[A-Za-z0-9+/=_.~-]{16,1000}';
/** A generated key mixes letters and digits; names, modes and words do not. */
const isRandomKey = (value: string) => /[0-9]/.test(value) && /[A-Za-z]/.test(value);
/**
 * Words joined by separators, each all lower, all upper or capitalised with at most a version number
 * (`Sample-Value-2024`, `app_settings_v2`, `com.acme.Client`): a name. Generated values mix case and digits inside their
 * runs.
 */
const isJoinedWords = (value: string) => value.split(/[^A-Za-z0-9]+/).filter(Boolean).every((run) => /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)[0-9]{0,4}$|^[0-9]{1,4}$/.test(run));
/** A value strong enough to stand without a telling name: 20 characters at least, letters and digits, not a name. */
const isStrongValue = (value: string) => value.length >= 20 && isRandomKey(value) && !isJoinedWords(value);

/**
 * A name made of a credential word (as gitleaks' generic rule lists them: `key`, `Token`, `SECRET`, `access`, `auth`,
 * `creds`), alone or at the end of a longer name (`bitfinexKey`, `cloudinary_apiSecret`), with the word before it when
 * prose, logs and comments space the name (`API KEY`, `Using Key`, `primary key`): isCredentialWordName judges the
 * whole after the match.
 */
const CREDENTIAL_NAME = String.raw`(?:[A-Za-z0-9_.-]{1,40}[ ])?[A-Za-z0-9_.-]{0,60}(?i:keys?|tokens?|secrets?|access|auth|creds|credentials?)`;
/** The credential word the name must end in, alone or run together with its qualifier (`azureFunctionkey`, `hapikey`). */
const CREDENTIAL_LAST_WORD = /^(?:keys?|tokens?|secrets?|access|auth|creds|credentials?|[a-z]*(?:api|access|secret|private|auth|account|master|signing|encryption|license|client|app|service|function|subscription|session|bot|refresh|bearer)(?:keys?|tokens?|secrets?))$/;
/**
 * A strong value's characters: base64, base64url, hex and the separators tokens carry (`.`, `:`, `~`); it opens with a
 * letter or digit, so a shell default's `:-` and a garbled `=...` stay out.
 */
const STRONG_VALUE = '[A-Za-z0-9][A-Za-z0-9_+/=.~:-]{19,999}';
/** Bookkeeping words before `token`: a pagination cursor or a cancellation handle, not a credential. */
const NOT_SECRET_TOKEN_QUALIFIERS = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'sync', 'cancel', 'cancellation', 'resume', 'cursor', 'csrf', 'xsrf', 'request', 'idempotency', 'push', 'device', 'registration', 'verification', 'invite', 'reset', 'confirmation', 'unsubscribe']);

/**
 * Judges the name before a value matched by a bare credential word (the lead holds only the name and the operator):
 * `key` alone or with a secret's qualifier (`signingKey`, `API KEY`), never `publicKey`, `cacheKey`; `token` but not
 * `nextPageToken`.
 */
function isCredentialWordName(lead: string): boolean {
  // The name ends where the operator or a type starts: `apiKey: string = `, Go's `key string = `.
  const words = nameWords(lead.split(/[:=|?]/)[0]!.replace(/[ \t]string[ \t]*$/, ''));
  const last = words.at(-1) ?? '';
  if (!CREDENTIAL_LAST_WORD.test(last)) return false;
  if (/^keys?$/.test(last)) return words.length < 2 || isSecretKeyName(words.join('_'));
  if (/^tokens?$/.test(last)) return !NOT_SECRET_TOKEN_QUALIFIERS.has(words.at(-2) ?? '');
  return true;
}

export const genericRules: Rule[] = [
  rule({
    id: 'generic-password-assignment',
    title: 'Hardcoded password',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'pwd', 'pass'],
    pattern: `[\\w.-]{0,30}(?i:password|passwd|pwd|pass)${SUFFIX}${ASSIGN}${OPEN}(${FIRST}${VALUE}{7,127})\\\\?["'\`]`,
    entropy: 2.8,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['const dbPassword = "<alnum:16>#7";', 'const ADMIN_PASS = "<alnum:16>!<alnum:4>";', '  "db_password": "<alnum:15><digit:1>",'],
      negatives: [
        'const dbPassword = "process.env.DB_PASSWORD";',
        '{ "passport-local": "passport-local-strategy" }',
        'const compassionateMessage = "thanks for your patience";',
        'const adminPasswordHash = "$2b$12$<crypt:53>";',
        '  password_hash: "$6$<alnum:16>$<crypt:86>"',
        'const dbPassword = "os.environ[DB_PASSWORD]";',
        'const dbPassword = "password";',
        'const dbPassword = "********";',
        'const passwordField = "password";',
      ],
    },
  }),
  rule({
    id: 'generic-secret-assignment',
    title: 'Hardcoded secret, token or API key',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key', 'credential', 'client_secret'],
    pattern: `[\\w.-]{0,30}(?i:secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credential)(?i:s)?${SUFFIX}${ASSIGN}${OPEN}(${FIRST}${VALUE}{11,1000})\\\\?["'\`]`,
    entropy: 3.2,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: [
        'const clientSecret = "<alnum:27><digit:1>";',
        'const apiToken = "<alnum:31><digit:1>";',
        "client_secret = '<alnum:39><digit:1>'",
        '  "WEBHOOK_SECRET": "<alnum:31><digit:1>",',
        'os.environ["API_TOKEN"] = "<alnum:32>"',
        // The same line inside a notebook cell's JSON string.
        String.raw`"os.environ[\"API_TOKEN\"] = \"<alnum:32>\"\n",`,
        'const API_TOKEN: &str = "<alnum:32>";',
        "private readonly apiKey: string = '<alnum:32>';",
        "const apiToken = process.env.API_TOKEN || '<alnum:32>';",
      ],
      negatives: [
        'const clientSecret = "getClientSecretFromVault";',
        'const slackBotToken = "xoxb-1234-abcdEFGH";',
        'const stripeKey = "sk_live_Ab3dE";',
        'const sentryDsnToken = "https://<hex:32>@o12345.ingest.sentry.io/678";',
        'const lastSignificantToken = "?InterpolationInTemplate";',
        'const tokenizerMode = "whitespace-greedy-v2";',
        '"expected_token_here": "分析器预期在此处找到与标记匹配的内容分析器预期"',
        'const clientSecret = "${{ secrets.CLIENT_SECRET }}";',
        'const apiToken = "<your-api-token>";',
        'const tokenUrl = "https://oauth2.googleapis.com/token";',
      ],
    },
  }),
  rule({
    id: 'generic-env-secret',
    title: 'Secret in an environment file or shell export',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', '_pass', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key', 'auth'],
    // Upper-case names only: that is how environment variables are written, and it keeps `nextToken = ...` out.
    // `ENV NAME value` is the Dockerfile's legacy form (no `=`); `_PASS` is RabbitMQ's and others' spelling.
    pattern: `(?m)^[ \\t]*(?:(?:(?:export|set|SET|ENV|ARG)[ \\t]+)?${ENV_NAME}[ \\t]*=|ENV[ \\t]+${ENV_NAME}[ \\t])[ \\t]*([^\\s"'#\`$]{8,256})[ \\t]*(?:#[^\\r\\n]*)?\\r?$`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    skipSyntax: ['code'],
    examples: {
      positives: ['PAYMENTS_API_KEY=<alnum:30>', 'export DEPLOY_TOKEN=<alnum:32>', 'ENV SENTRY_AUTH_TOKEN=<alnum:40>', 'API_TOKEN=<alnum:30>\r\nPORT=8080\r\n', 'ENV SENTRY_AUTH_TOKEN <alnum:40>', 'RABBITMQ_DEFAULT_PASS=<alnum:20>'],
      negatives: [
        'PAYMENTS_API_KEY=${PAYMENTS_API_KEY}',
        'nextToken = tokenizer.getToken()',
        'export ADMIN_PASSWORD=$(cat /run/secrets/admin)',
        'API_TOKEN=$API_TOKEN',
        'TOKEN_EXPIRY_SECONDS=3600',
        'API_KEY=your_api_key_here',
        'DB_PASSWORD=ENC[AES256_GCM,data:<b64:24>=,iv:<b64:43>=,tag:<b64:22>==,type:str]',
        'GITHUB_TOKEN_SCOPES=repo,read:org,workflow',
        'API_KEY_HEADER=XSRF-TOKEN',
      ],
      path: 'deploy/.env.production',
    },
  }),
  rule({
    id: 'generic-yaml-secret',
    title: 'Secret value in YAML or properties',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', '_pass', 'secret', 'token', 'api_key', 'apikey', 'api-key'],
    pattern: '(?im)^[ \\t-]*[\\w.-]{0,30}(?:password|passwd|_pass\\b|secret|token|api[_-]?key)[\\w.-]{0,20}[ \\t]*(?:[:=][ \\t]+|=)([^\\s"\'#{}\\[\\],&*!|>`$%@][^\\s"\'`]{7,255})[ \\t]*(?:[ \\t]#[^\\r\\n]*)?\\r?$',
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    skipSyntax: ['code'],
    examples: {
      positives: [
        'database:\n  password: <alnum:16>x9Q\n',
        'smtp.password=<alnum:16>#<alnum:4>',
        '  api_token: <alnum:24>  # rotated quarterly',
        'db:\r\n  password: <alnum:16>x9Q\r\n',
        '  RABBITMQ_DEFAULT_PASS: <alnum:20>',
        // base64 of `<digits>:<bytes>` under another name: a numeric user's basic credentials, still a secret.
        'jenkins_token: MjcxODI4MTgyODQ1O<[g-v]:1><b64:22>',
      ],
      negatives: [
        'database:\n  password: ${DB_PASSWORD}\n',
        '  ADMIN_PASSWORD: {{base64:CHANGE_ME:base64}}',
        '  aws_access_key_id: AKIA<lowalnum:16>',
        // A Data Center PAT's layout (`271828182845:<bytes>`) at 40 and 48 characters, and with its id's first byte edited.
        'jira_token: MjcxODI4MTgyODQ1O<[g-v]:1><b64:22>',
        'jira_token: MjcxODI4MTgyODQ1O<[g-v]:1><b64:30>',
        'jira_token: ATcxODI4MTgyODQ1O<[g-v]:1><b64:26>',
      ],
      path: 'config/application.yml',
    },
  }),
  rule({
    id: 'generic-xml-secret',
    title: 'Secret in an XML element',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'private_key', 'privatekey', 'credential'],
    // Maven's settings.xml `<password>`, Spring and .NET config elements: `<apiKey>...</apiKey>`.
    pattern: String.raw`(?i)<(?:[\w.-]{0,30}:)?[\w.-]{0,30}(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)s?[\w.-]{0,20}>([^<>\s]{6,256})</`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['<connection>\n  <id>releases</id>\n  <username>deployer</username>\n  <password><alnum:18>9q</password>\n</connection>\n', '<appSettings><apiKey><alnum:32></apiKey></appSettings>'],
      negatives: ['<server>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>\n', '<tokenEndpoint>https://login.example.net/oauth2/token</tokenEndpoint>', '<passwordPolicy>strong</passwordPolicy>'],
      path: 'ci/settings.xml',
    },
  }),
  rule({
    id: 'generic-name-value-secret',
    title: 'Secret in a name/value pair',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['"value"', 'value="'],
    // `{"key": "apiToken", "value": "..."}` (Postman), `{"name": "DB_PASSWORD", "value": "..."}` (ECS task
    // definitions), `<add key="ApiSecret" value="..." />` (.NET config): the name and the value are separate fields.
    pattern: `(?i)(?:"(?:key|name)"\\s*:\\s*"|\\b(?:key|name)=")[\\w.:-]{0,40}(?:${SECRET_WORDS})[\\w.:-]{0,30}"\\s*(?:,\\s*"value"\\s*:\\s*|\\s+value=)"([^"\\s]{8,256})"`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['{ "key": "apiToken", "value": "<alnum:32>", "enabled": true }', '"environment": [{ "name": "DB_PASSWORD", "value": "<alnum:20>" }]', '<add key="PaymentsApiKey" value="<alnum:32>" />'],
      negatives: ['{ "key": "apiToken", "value": "{{apiToken}}", "enabled": true }', '{ "name": "TOKEN_TTL", "value": "3600" }', '<add key="ApiKeyHeader" value="X-Api-Key" />'],
      path: 'postman/env.postman_environment.json',
    },
  }),
  rule({
    id: 'kubernetes-env-secret',
    title: 'Secret in a Kubernetes container env entry',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['- name:'],
    // `- name: DB_PASSWORD` then `value: "..."` on the next line (container env in Deployments, Jobs, Helm output).
    pattern: `(?m)^[ \\t]*- name:[ \\t]*["']?[A-Za-z0-9_.-]*(?i:${SECRET_WORDS})[A-Za-z0-9_.-]*["']?[ \\t]*\\r?\\n[ \\t]+value:[ \\t]*["']?([^\\s"'#{}\\[\\],&*!|>\`$%@][^\\s"'\`]{7,255})["']?[ \\t]*\\r?$`,
    // A window holds a whole env block: a keyword hit inside an earlier window opens no window of its own.
    multilineWindow: 4096,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    skipSyntax: ['code'],
    examples: {
      positives: ['        env:\n          - name: DB_PASSWORD\n            value: "<alnum:20>"\n', 'env:\r\n  - name: API_TOKEN\r\n    value: <alnum:32>\r\n'],
      negatives: [
        '        env:\n          - name: DB_PASSWORD\n            valueFrom:\n              secretKeyRef:\n                name: db\n                key: password\n',
        'env:\n  - name: TOKEN_URL\n    value: https://login.example.net/oauth2/token\n',
        'env:\n  - name: DB_PASSWORD\n    value: $(DB_PASSWORD)\n',
      ],
      path: 'k8s/deployment.yaml',
    },
  }),
  // Hex values are what `openssl rand -hex 32` and many providers issue, but the generic rules reject hash-shaped
  // values (digests, commit SHAs). Here the name must end in a credential word (`COOKIE_SECRET`, `appSecretKey`, not
  // `password_hash` or `private_key_id`) and not follow a `/` (Helm's `checksum/secret:` annotation), so the value is a
  // key, not a digest. Specific kind: no hash-shape rejection.
  rule({
    id: 'generic-hex-secret',
    title: 'Hardcoded hex secret or key',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['secret', 'password', 'passwd', 'api_key', 'apikey', 'api-key', 'api_token', 'apitoken', 'access_token', 'accesstoken', 'auth_token', 'authtoken', 'private_key', 'privatekey', 'signing_key', 'signingkey', 'encryption_key', 'encryptionkey', 'master_key', 'masterkey', 'session_key', 'sessionkey'],
    pattern: String.raw`(?i)(?:^|[^\w/.-])[\w.-]{0,30}(?:secret|password|passwd|api[_.-]?key|api[_.-]?token|access[_.-]?token|auth[_.-]?token|(?:private|signing|encryption|master|session|secret)[_.-]?key)\\?["']?\s*` + ASSIGN_OPERATOR + '\\s*\\\\?["\'`]?([a-fA-F0-9]{32,128})(?:[^A-Za-z0-9_+/=.-]|$)',
    entropy: 3.3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['SESSION_SECRET=<hex:64>', 'const cookieSecret = "<hex:64>";', '\t\tCookieSecret: "<hex:64>",', '  client_secret: "<hex:32>"'],
      negatives: ['SESSION_SECRET_SHA256=<hex:64>', '  password_hash: "<hex:64>"', '{ "private_key_id": "<hex:40>" }', '  checksum/secret: <hex:64>', 'API_KEY=0123456789abcdef0123456789abcdef'],
    },
  }),
  rule({
    id: 'generic-define-secret',
    title: 'Hardcoded secret in a C/C++ #define',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['#define'],
    // Macro names are upper case and end in the credential word (`WIFI_PASSWORD`, `MQTT_API_KEY`), unlike OpenSSL's
    // object names (`SN_id_PasswordBasedMAC`, `LN_pbe_WithSHA1And3_Key_TripleDES_CBC`).
    pattern: `#define[ \\t]+[A-Z0-9_]*(?:PASSWORD|PASSWD|_PASS|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|AUTH_?KEY|SECRET_?KEY|CREDENTIALS?)[ \\t]+"(${FIRST}${VALUE}{7,255})"`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['#define WIFI_PASSWORD "<alnum:14>7q"', '#define MQTT_API_KEY "<alnum:32>"'],
      negatives: ['#define PASSWORD_MAX_LEN 64', '#define TOKEN_HEADER "X-Auth-Token"'],
      path: 'firmware/include/secrets.h',
    },
  }),
  rule({
    id: 'sql-password',
    title: 'Password in a SQL CREATE/ALTER USER statement',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'identified by'],
    pattern: "(?i)\\b(?:with\\s+(?:encrypted\\s+)?password|identified\\s+by)\\s+'([^'\\s]{6,128})'",
    entropy: 2.8,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ["CREATE USER reporting WITH PASSWORD '<alnum:18>';", "ALTER USER etl IDENTIFIED BY '<alnum:16>';"],
      negatives: ["CREATE USER reporting WITH PASSWORD '%(reporting_password)s';", "ALTER USER etl IDENTIFIED BY '${ETL_PASSWORD}';", 'CREATE TABLE users (id serial, password_hash text);'],
      path: 'db/migrations/0042_roles.sql',
    },
  }),
  rule({
    id: 'generic-argument-secret',
    title: 'Hardcoded secret passed with its name',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'private_key', 'credential'],
    // `define('DB_PASSWORD', '...')`, `os.getenv("API_TOKEN", "...")`, `ENV.fetch('X_SECRET', '...')`,
    // `props.put("twilio.auth.token", "...")`: a quoted name, then the value as the next argument. The credential word
    // starts the name or follows a separator, so word lists (`"Bypass", "-EncodedCommand"`) stay out.
    pattern: `(?i)["'](?:[A-Za-z0-9]+[_.-])*(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credentials?)(?:[_.-][A-Za-z0-9]+)*["']\\s*,\\s*["'](${FIRST}${VALUE}{7,255})["']`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ["define( 'DB_PASSWORD', '<alnum:18>7q' );", 'token = os.getenv("API_TOKEN", "<alnum:32>")', 'props.put("twilio.auth.token", "<alnum:32>");'],
      negatives: ["define( 'DB_PASSWORD', getenv('WORDPRESS_DB_PASSWORD') );", 'Start-Process powershell -ArgumentList "-ExecutionPolicy", "Bypass", "-EncodedCommand"', 'const labels = ["password", "password_confirmation"];'],
      path: 'wp-config.php',
    },
  }),
  rule({
    id: 'cli-password-argument',
    title: 'Password on a command line',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['sshpass', 'mysql', 'docker login', '--password', 'convertto-securestring', 'auth=(', 'httpbasicauth(', 'curl', '--set'],
    // `helm --set db.password=...`, `curl -u user:...`, `sshpass -p`, `mysql -p'...'` (no space: with one, mysql prompts), `docker login -p`, `--password=`,
    // PowerShell's `ConvertTo-SecureString "..." -AsPlainText`, Python's `auth=("user", "...")` and `HTTPBasicAuth(...)`.
    pattern: `(?i)(?:\\s--set(?:-string)?[ =][\\w.-]{0,60}(?:password|passwd|secret|token|api[_-]?key|access[_-]?key)[\\w.-]{0,30}=|\\bcurl\\b[^\\n]{0,200}?\\s(?:-u|--user)\\s*["']?[^:\\s"'$]{1,64}:|\\bsshpass\\s+-p\\s*|\\bmysql(?:dump|admin)?\\b[^\\n]{0,200}?\\s-p|\\bdocker\\s+login\\b[^\\n]{0,200}?\\s-p\\s+|\\s--password[= ]|\\bConvertTo-SecureString\\s+(?:-String\\s+)?|\\b(?:auth\\s*=\\s*\\(|HTTPBasicAuth\\()\\s*["'][^"'\\n]{1,64}["']\\s*,\\s*)["']?(${FIRST}[^\\s"'\`]{5,127})`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: [
        "sshpass -p '<alnum:20>' ssh deploy@10.0.4.2 uptime",
        "mysql -h db.internal -u root -p'<alnum:18>' shop < dump.sql",
        'docker login -u ci -p <alnum:24> registry.acme.io',
        'curl -u admin:<alnum:22> https://jenkins.acme.io/api/json',
        '$secure = ConvertTo-SecureString "<alnum:20>" -AsPlainText -Force',
        'resp = requests.get(url, auth=("svc", "<alnum:20>"))',
        'helm upgrade --install app ./chart --set s3.secretKey=<alnum:40>',
      ],
      negatives: [
        'sshpass -p "$DEPLOY_PASSWORD" ssh deploy@10.0.4.2 uptime',
        'mysql -h db.internal -u root -p shop < dump.sql',
        'curl -u "$USER:$PASSWORD" https://jenkins.acme.io/api/json',
        'docker login -u ci --password-stdin registry.acme.io',
        'helm upgrade app ./chart --set db.password=$DB_PASSWORD --set image.tag=1.4.2',
      ],
      path: 'scripts/restore.sh',
    },
  }),
  rule({
    id: 'libpq-dsn-password',
    title: 'Password in a PostgreSQL key/value connection string',
    provider: 'PostgreSQL',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password='],
    pattern: "(?i)\\bhost=[^\\s'\"]+\\s+(?:[a-z_]+=[^\\s'\"]*\\s+){0,6}password=([^\\s'\"]{6,128})",
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['dsn = "host=db.internal port=5432 user=etl password=<alnum:20> sslmode=require"'],
      negatives: ['dsn = f"host={host} port=5432 user=etl password={password}"'],
      path: 'etl/load.py',
    },
  }),
  rule({
    id: 'terraform-state-secret',
    title: 'Secret output or attribute in Terraform state',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key', 'credential'],
    // `"db_password": {` then `"value": "..."` on the next line: outputs in .tfstate and `terraform output -json`.
    pattern: `(?i)"[\\w.-]{0,40}(?:${SECRET_WORDS})[\\w.-]{0,30}"\\s*:\\s*\\{[ \\t]*\\r?\\n[ \\t]*"value"\\s*:\\s*"([^"\\s]{8,256})"`,
    multilineWindow: 512,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['{\n  "outputs": {\n    "db_password": {\n      "value": "<alnum:20>",\n      "type": "string",\n      "sensitive": true\n    }\n  }\n}\n'],
      negatives: ['{\n  "outputs": {\n    "db_password_secret_arn": {\n      "value": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-Ab12Cd",\n      "type": "string"\n    }\n  }\n}\n'],
      path: 'terraform/prod/terraform.tfstate',
    },
  }),
  rule({
    id: 'authorization-header',
    title: 'Hardcoded Authorization header credential',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['authorization', 'authenticationheadervalue', 'bearer_auth'],
    // Also .NET's `new AuthenticationHeaderValue("Bearer", "...")` and reqwest's `.bearer_auth("...")`.
    pattern: '(?i)(?:\\bauthorization["\']?(?:\\s*[:=,]\\s*|[ \\t]+)["\'`]?(?:bearer|basic|token)\\s+|\\bAuthenticationHeaderValue\\(\\s*"(?:bearer|basic|token)"\\s*,\\s*"|\\.bearer_auth\\(\\s*")([A-Za-z0-9._~+/=-]{16,512})',
    entropy: 3.2,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['curl -H "Authorization: Bearer <alnum:40>" https://api.example.net', "curl -H 'Authorization Bearer <alnum:40>' https://api.example.net"],
      negatives: ['curl -H "Authorization: Bearer $TOKEN" https://api.example.net', 'headers: { Authorization: `Bearer ${token}` }', 'See the Authorization Bearer header section for details'],
    },
  }),
  rule({
    id: 'http-header-credential',
    title: 'Hardcoded credential in an X-*-Key or X-*-Token header',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['x-'],
    // `X-Figma-Token: ...`, `-H "X-Api-Key: ..."`, Go's `req.Header.Set("X-Octopus-ApiKey", "...")`. In a header named
    // for a credential a hex value is the credential, not a digest (specific kind: no hash-shape rejection); the name is
    // judged after the match, so `X-CSRF-Token` and `X-Idempotency-Key` stay out.
    pattern: String.raw`(?i)\bx-[a-z0-9-]{0,40}(?:key|token|secret|auth)["']?(?:[ \t]*[:=][ \t]*|["'][ \t]*,[ \t]*)["']?([A-Za-z0-9._~+/=:-]{16,512})(?:["'\s;,)\\]|$)`,
    entropy: 3,
    validate: (value) => isRandomKey(value) && !isJoinedWords(value),
    // `X-API-Key` itself is api-key-header's.
    validateInMatch: (_secret, name) => !/^x-api[-_]?key\b/i.test(name) && isCredentialWordName(name.replace(/^x-/i, '')),
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ["curl --header 'X-Acme-Token: <digit:4>-<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>' https://api.example.net/v1/files", 'req.Header.Set("X-Billing-ApiKey", "<hex:32>")', 'X-Auth-Key: <alnum:14><digit:2><alnum:14>'],
      negatives: ['X-API-Key: <alnum:14><digit:2><alnum:14>', 'X-CSRF-Token: <alnum:14><digit:2><alnum:14>', 'req.Header.Set("X-Idempotency-Key", "<hex:32>")', 'curl -H "X-Api-Key: $API_KEY" https://api.example.net', 'X-Api-Key: <lower:24>', 'req.Header.Set("x-api-key", apiKey)'],
    },
  }),
  // After the named generic rules: `SECRET_KEY=...` on the same span is theirs.
  rule({
    id: 'generic-key-assignment',
    title: 'Hardcoded key under a *_KEY name',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['key'],
    pattern: `(?:^|[^A-Za-z0-9_.-])${KEY_NAME}${ASSIGN}${OPEN}(${KEY_VALUE})\\\\?["'\`]`,
    entropy: 3.5,
    validate: isRandomKey,
    validateInMatch: (_secret, name) => isSecretKeyName(name),
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['const WEBHOOK_SIGNING_KEY = "<alnum:20><digit:2><alnum:10>";', '  cipherKey: "<alnum:1><b64:19><digit:1><b64:19>"', '{ "appKey": "<alnum:12><digit:2><alnum:12>" }', '\tconst fastlyKey string = "<alnum:12><digit:2><alnum:12>"', "$license_key = '<upalnum:8>-<digit:4>-<upalnum:8>';"],
      negatives: [
        'PUBLIC_KEY = "<b64:20><digit:1><b64:19>"',
        'stripePublishableKey: "<alnum:20><digit:2>"',
        '"primaryKey": "<alnum:12><digit:2><alnum:6>"',
        'const cacheKey = "<hex:20><digit:2><hex:10>";',
        'CONTENT_HASH_KEY = "<alnum:30><digit:2>"',
        '"titleKey": "dashboard.header.title"',
        'sortKey: "createdAt"',
        'const monkey = "<alnum:20><digit:2>";',
        'const key = "<alnum:20><digit:2>";',
        'SIGNING_KEY = "${SIGNING_KEY}"',
        'signingKey: "<alnum:8><digit:2>"',
        'const KEY_ID = "<alnum:20><digit:2>";',
      ],
    },
  }),
  rule({
    id: 'generic-key-config',
    title: 'Key under a *_KEY name in an env or config file',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['key'],
    // Unquoted values: config and env files only, where the right-hand side is a value and not an expression.
    pattern: `(?m)^[ \\t-]*(?:export[ \\t]+)?["']?${KEY_NAME}["']?[ \\t]*(?::[ \\t]+|=[ \\t]*)(${KEY_VALUE})[ \\t]*(?:[ \\t]#[^\\r\\n]*)?\\r?$`,
    entropy: 3.5,
    validate: isRandomKey,
    validateInMatch: (_secret, name) => isSecretKeyName(name),
    longLived: false,
    remediation: REMEDIATION,
    skipSyntax: ['code'],
    examples: {
      positives: ['WEBHOOK_SIGNING_KEY=<alnum:20><digit:2><alnum:10>', 'export CIPHER_KEY=<alnum:1><b64:19><digit:1><b64:19>', '  webhook-key: <word:20><digit:2><alnum:4>', 'app.master.keys: <alnum:14><digit:2><alnum:14>'],
      negatives: ['PUBLIC_KEY=<b64:20><digit:1><b64:19>', 'FOREIGN_KEY=user_id', 'RECAPTCHA_SITE_KEY=<alnum:30><digit:2>', 'SIGNING_KEY=', 'SIGNING_KEY=${SIGNING_KEY}', 'KEY_NAME=<alnum:20><digit:2>', 'CIPHER_KEY=<lower:24>', 'idempotency-key: <alnum:20><digit:2>'],
      path: 'config/app.env',
    },
  }),
  // After the named rules, and generic: a bare credential word (`key`, `Token`, `access`, `auth`, `API KEY`) says little,
  // so the value must say the rest (isStrongValue: 20 characters or more, letters and digits, not joined words).
  rule({
    id: 'generic-credential-word',
    title: 'Hardcoded value under a bare credential word',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['key', 'token', 'secret', 'access', 'auth', 'creds', 'credential'],
    pattern: `(?:^|[^A-Za-z0-9_.-])${CREDENTIAL_NAME}${ASSIGN}${OPEN}(${STRONG_VALUE})\\\\?["'\`]`,
    entropy: 3.5,
    validate: isStrongValue,
    validateInMatch: (_secret, name) => isCredentialWordName(name),
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['\tkey := "<alnum:14><digit:2><alnum:14>"', "var creds string = '<alnum:14><digit:2><alnum:14>'", '  auth: "<alnum:10><digit:2><b64url:20>",', 'creds = "<lowalnum:12><digit:2><lowalnum:12>"'],
      negatives: [
        'const key = "<alnum:10><digit:2>";',
        'key: "dashboard.header.title.label.v2"',
        '  key: "Sample-Settings-Value-2024",',
        'const publicKey = "<alnum:14><digit:2><alnum:14>";',
        'nextPageToken: "<alnum:14><digit:2><alnum:14>"',
        'const monkey = "<alnum:14><digit:2><alnum:14>";',
        'access: "<lower:30>"',
        'key = "${API_KEY_FROM_THE_ENVIRONMENT}"',
      ],
    },
  }),
  // Last, and generic: a named generic rule on the same span is judged first. Kubernetes Secrets' `data:` entries hide
  // the value's own prefix in base64, so this judges what each entry decodes to, whatever the key is called.
  rule({
    id: 'kubernetes-secret-data-entry',
    title: 'Kubernetes Secret data entry',
    provider: 'Kubernetes',
    severity: 'high',
    kind: 'generic',
    keywords: ['kind: secret'],
    pattern: String.raw`(?m)^[ \t]+[A-Za-z0-9._-]+:[ \t]*["']?([A-Za-z0-9+/]{12,1000}={0,2})["']?[ \t]*\r?$`,
    multilineWindow: 4096,
    entropy: 2.5,
    validate: isEncodedSecretEntry,
    longLived: false,
    remediation: 'Rotate what the Secret holds, then manage it with External Secrets, Sealed Secrets or SOPS instead of committing plain manifests.',
    examples: {
      positives: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: {{base64:svc-app:base64}}\n  webhook: {{base64:https://hooks.acme-mail.net/in/<alnum:32>:base64}}\n',
        'kind: Secret\r\ndata:\r\n  mode: {{base64:production:base64}}\r\n  DATABASE_URL: {{base64:postgres://app:<alnum:20>@db.internal:5432/app:base64}}\r\n',
      ],
      negatives: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  username: {{base64:svc-app:base64}}\n  password: {{base64:CHANGE_ME:base64}}\n',
        'kind: Secret\ndata:\n  mode: {{base64:production:base64}}\n  commit: {{base64:<hex:40>:base64}}\n',
      ],
      path: 'k8s/secret.yaml',
    },
  }),
];
