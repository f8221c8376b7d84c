import { rule } from '../build.js';
import { ASSIGN_OPERATOR, TYPED_ASSIGN } from '../shape.js';
import type { Rule } from '../types.js';
import { isEncodedSecretEntry } from '../validators/encoded.js';
import { isSecretKeyName } from '../values/key-names.js';

const REMEDIATION = 'If this is a real credential, revoke it at its issuer and load it from a secret store or the environment; if it is test data, add `keyward:allow` to the line.';
/** A default after an environment lookup: `process.env.API_KEY || "..."`, `?? "..."`. */
const FALLBACK = '(?:process\\.env\\.[A-Za-z0-9_]{1,60}\\s*(?:\\|\\||\\?\\?)\\s*)?';
/**
 * After the name: its closing quote (escaped inside JSON strings, `\\"`), a subscript's `]` (`os.environ["X"] = ...`), the
 * operator.
 */
const ASSIGN = `(?:\\\\?["']\\]?|\\])?\\s*(?:${ASSIGN_OPERATOR}|\\?\\?=|${TYPED_ASSIGN})\\s*${FALLBACK}`;
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
const VALUE = '[!#-&(-\\[\\]-_a-~]';
/**
 * Its first character: not `?` (sentinel strings such as `?NoLineTerminatorHere`), and not `$` then a digit, which
 * opens a crypt(3) hash (`$2b$12$...`, `$6$...`), not a secret.
 */
const FIRST = '(?:[!#%&(->@-\\[\\]-_a-~]|\\$[!#%&(-/:->@-\\[\\]-_a-~])';
/** After the name's keyword, only a separated or camel-cased suffix: `password_hash`, `tokenUrl`, not `passport`, `tokenizer`. */
const SUFFIX = '(?:[_.-][\\w-]{0,20}|[A-Z0-9][\\w-]{0,20})?';

/**
 * A name ending in `key` as env, YAML, JSON and code write it: `SIGNING_KEY`, `signing_key`, `app.signing-key`,
 * `signingKey`, `KEYS`; a word before `key` is required (a bare `key` is every map's). Which names hold a secret is
 * judged after the match (isSecretKeyName): `PUBLIC_KEY`, `primaryKey`, `cacheKey` do not.
 */
const KEY_NAME = String.raw`(?:[A-Za-z0-9]{1,30}[_.-]){0,5}[A-Za-z0-9]{0,30}(?:[a-z0-9]Key|[A-Za-z0-9][_.-](?:key|KEY|Key))s?`;
/** A generated key's characters: base64, base64url, hex and the like; 16 at least, so words and short ids stay out. */
const KEY_VALUE = '[A-Za-z0-9+/=_.~-]{16,256}';
/** A generated key mixes letters and digits; names, modes and words do not. */
const isRandomKey = (value: string) => /[0-9]/.test(value) && /[A-Za-z]/.test(value);

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
  }),
  rule({
    id: 'generic-xml-secret',
    title: 'Secret in an XML element',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'private_key', 'privatekey', 'credential'],
    // Maven's settings.xml `<password>`, Spring and .NET config elements: `<apiKey>...</apiKey>`.
    pattern: '(?i)<(?:[\\w.-]{0,30}:)?[\\w.-]{0,30}(?:password|passwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential)s?[\\w.-]{0,20}>([^<>\\s]{6,256})</',
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
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
    pattern: '(?i)(?:^|[^\\w/.-])[\\w.-]{0,30}(?:secret|password|passwd|api[_.-]?key|api[_.-]?token|access[_.-]?token|auth[_.-]?token|(?:private|signing|encryption|master|session|secret)[_.-]?key)\\\\?["\']?\\s*' + ASSIGN_OPERATOR + '\\s*\\\\?["\'`]?([a-fA-F0-9]{32,128})(?:[^A-Za-z0-9_+/=.-]|$)',
    entropy: 3.3,
    longLived: false,
    remediation: REMEDIATION,
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
  }),
  rule({
    id: 'authorization-header',
    title: 'Hardcoded Authorization header credential',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['authorization', 'authenticationheadervalue', 'bearer_auth'],
    // Also .NET's `new AuthenticationHeaderValue("Bearer", "...")` and reqwest's `.bearer_auth("...")`.
    pattern: '(?i)(?:\\bauthorization["\']?\\s*[:=,]\\s*["\'`]?(?:bearer|basic|token)\\s+|\\bAuthenticationHeaderValue\\(\\s*"(?:bearer|basic|token)"\\s*,\\s*"|\\.bearer_auth\\(\\s*")([A-Za-z0-9._~+/=-]{16,512})',
    entropy: 3.2,
    longLived: false,
    remediation: REMEDIATION,
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
    validateName: isSecretKeyName,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['const WEBHOOK_SIGNING_KEY = "<alnum:20><digit:2><alnum:10>";', '  cipherKey: "<alnum:1><b64:19><digit:1><b64:19>"', '{ "appKey": "<alnum:12><digit:2><alnum:12>" }', "$license_key = '<upalnum:8>-<digit:4>-<upalnum:8>';"],
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
    validateName: isSecretKeyName,
    longLived: false,
    remediation: REMEDIATION,
    skipSyntax: ['code'],
    examples: {
      positives: ['WEBHOOK_SIGNING_KEY=<alnum:20><digit:2><alnum:10>', 'export CIPHER_KEY=<alnum:1><b64:19><digit:1><b64:19>', '  webhook-key: <word:20><digit:2><alnum:4>', 'app.master.keys: <alnum:14><digit:2><alnum:14>'],
      negatives: ['PUBLIC_KEY=<b64:20><digit:1><b64:19>', 'FOREIGN_KEY=user_id', 'RECAPTCHA_SITE_KEY=<alnum:30><digit:2>', 'SIGNING_KEY=', 'SIGNING_KEY=${SIGNING_KEY}', 'KEY_NAME=<alnum:20><digit:2>', 'CIPHER_KEY=<lower:24>', 'idempotency-key: <alnum:20><digit:2>'],
      path: 'config/app.env',
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
    pattern: '(?m)^[ \\t]+[A-Za-z0-9._-]+:[ \\t]*["\']?([A-Za-z0-9+/]{12,1000}={0,2})["\']?[ \\t]*\\r?$',
    multilineWindow: 4096,
    entropy: 2.5,
    validate: isEncodedSecretEntry,
    longLived: false,
    remediation: 'Rotate what the Secret holds, then manage it with External Secrets, Sealed Secrets or SOPS instead of committing plain manifests.',
  }),
];
