import { rule } from '../build.js';
import { UUID, shapeRegex } from '../shape.js';
import type { Rule } from '../types.js';
import { rejectGenericValue } from '../values/generic.js';
import { isHumanPassword } from '../values/passwords.js';
import { isPlaceholder } from '../values/placeholders.js';

/**
 * A password passed on a command line: a person's (`admin123`) or a generated one. A long value a little low in entropy
 * for the generic judgment (14 random characters with repeats) is still a password there, unless it is letters only.
 */
function passwordValue(value: string): boolean {
  const reason = rejectGenericValue(value, 3);
  return reason === undefined || isHumanPassword(value) || (reason === 'low entropy' && value.length >= 14 && !/^[A-Za-z]+$/.test(value));
}
const REMEDIATION = 'Change the password or key, then pass it from a secret store or the environment (a variable, a netrc or config file kept out of the repository) rather than on the command line.';
/** Names that say a variable holds a credential: `API_TOKEN`, `db_password`, `SERVICE_API_KEY`. */
const SECRET_NAME = String.raw`[A-Za-z0-9_]{0,40}(?:token|secret|passw(?:or)?d|pwd|api_?key|apikey|access_?key|private_?key)[A-Za-z0-9_]{0,20}`;

/** Credentials in shell defaults, curl and wget flags, nginx directives and URL queries: where scripts put them. */
export const commandLineRules: Rule[] = [
  rule({
    id: 'shell-default-secret',
    title: 'Secret as a shell parameter default (${VAR:-value})',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: [':-', ':='],
    // `${API_TOKEN:-value}`: the default is used whenever the variable is unset, so it is a hardcoded credential.
    pattern: String.raw`(?i)\$\{${SECRET_NAME}:?[-=]([^}\s'"$]{8,200})\}`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['export SERVICE_API_TOKEN=${API_TOKEN:-<alnum:24>}', 'PASS="${DB_PASSWORD:=<alnum:6><digit:2><alnum:6>}"'],
      negatives: ['export SERVICE_API_TOKEN=${API_TOKEN:-}', 'export TOKEN=${API_TOKEN:-$FALLBACK_TOKEN}', 'URL=${BASE_URL:-<alnum:24>}', 'TOKEN=${API_TOKEN:-changeme-please-now}', 'PORT=${PORT:-8080}'],
    },
  }),
  // `curl -u`/`--user` and `--password` are cli-password-argument's (generic.ts); these are the flags it leaves out.
  rule({
    id: 'curl-proxy-user-password',
    title: 'Password in a curl --proxy-user argument',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['--proxy-user'],
    pattern: String.raw`\s--proxy-user(?:=|[ \t]+)["']?[^:\s"'$]{1,64}:([^\s"']{4,200})`,
    validate: passwordValue,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'scripts/deploy.sh',
      positives: ['curl -k -v \\\n    --proxy-user admin:Summer<digit:4>! \\\n    https://example.net', 'curl --proxy-user "ci:<alnum:20>" https://host.example.net'],
      negatives: ['curl --proxy-user "$USER:$PASS" https://host.example.net', 'curl --proxy-user admin:password https://x.example.net', 'curl --proxy-user admin: https://x.example.net'],
    },
  }),
  rule({
    id: 'command-line-password',
    title: 'Password in a command-line flag (curl --tlspassword, wget --http-password and siblings)',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['-password', 'tlspassword'],
    pattern: String.raw`\s--(?:(?:http|proxy|ftp)-password|(?:proxy-)?tlspassword)(?:=|[ \t]+)["']?([^\s"'\\]{4,200})`,
    validate: passwordValue,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'scripts/fetch.sh',
      positives: ['wget --ftp-password=<alnum:16> https://localhost', 'wget --http-password=Pass<digit:4> https://localhost', 'curl --proxy-tlspassword <alnum:20> https://localhost', 'curl --tlspassword "<alnum:14>" https://localhost'],
      negatives: ['wget --http-password=$PASSWORD https://localhost', 'wget --proxy-password=<password> https://localhost', 'curl --tlspassword PASSWORD', 'args = ["--tlspassword", value]', 'password: "--http-password"'],
    },
  }),
  rule({
    id: 'api-key-header',
    title: 'API key in an X-API-Key header or nginx variable',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['x-apikey', 'x-api-key', 'x-api_key', 'set $'],
    // `proxy_set_header x-apikey VALUE;`, `-H "X-API-Key: VALUE"`, nginx `set $apikey VALUE;`.
    pattern: String.raw`(?i)(?:\bx-api[-_]?key["']?(?::[ \t]*|[ \t]+)|\bset[ \t]+\$${SECRET_NAME}[ \t]+)["']?([A-Za-z0-9._~+/=-]{16,200})`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'deploy/nginx.conf',
      positives: ['proxy_set_header x-apikey <hex:8>-<hex:4>-<alnum:20>;', 'curl -H "X-API-Key: <alnum:32>" https://api.example.net', 'set $apikey <alnum:30>;'],
      negatives: ['proxy_set_header x-apikey $http_x_apikey;', 'proxy_set_header X-Api-Key "";', 'set $upstream <alnum:30>;', 'headers["X-API-Key"] = key'],
    },
  }),
  rule({
    id: 'container-env-secret',
    title: 'Secret passed as a container environment flag (docker run -e NAME=value)',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['-e ', '--env'],
    // docker, podman and kubectl flags, also on a continued line (`    -e DRONE_TOKEN=... \\`).
    pattern: String.raw`(?:^|\s)(?:-e|--env)(?:=|[ \t]+)["']?(?i:${SECRET_NAME})=["']?([^\s"'\\$]{8,200})`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'scripts/run.sh',
      positives: ['docker run -it \\\n    -e DRONE_TOKEN=<alnum:24> \\\n    image', 'podman run --env API_KEY="<alnum:32>" app', 'kubectl run job --env=SERVICE_SECRET=<alnum:20> --image=app'],
      negatives: ['docker run -e DRONE_TOKEN=$DRONE_TOKEN image', 'docker run -e DRONE_TOKEN image', 'docker run -e DRONE_ID=<alnum:24> image', 'grep -e TOKEN=<lower:12> file'],
    },
  }),
  rule({
    id: 'getenv-fallback-secret',
    title: 'Secret as the fallback of an environment lookup (getenv(...) ?: "value")',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['getenv'],
    // PHP's `getenv('API_TOKEN') ?: '...'` and `getenv('API_TOKEN', true) ? getenv('API_TOKEN') : '...'`: the literal is
    // used whenever the variable is unset (Python's `os.getenv("API_TOKEN", "...")` is generic-argument-secret's).
    pattern: String.raw`(?i)getenv\([ \t]*["']${SECRET_NAME}["'](?:[ \t]*,[ \t]*true)?[ \t]*\)[ \t]*\?(?::|[^:;\r\n]{0,120}:)[ \t]*["']([^"'\s$]{8,200})["']`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'config/app.php',
      positives: ['define("STATIC_TOKEN", getenv(\'API_TOKEN\', true) ? getenv(\'API_TOKEN\') : "<alnum:40>");', "$key = getenv('STRIPE_SECRET') ?: '<alnum:32>';"],
      negatives: ["$key = getenv('STRIPE_SECRET') ?: '';", "$key = getenv('STRIPE_SECRET') ?: getenv('FALLBACK_SECRET');", "$region = getenv('AWS_REGION') ?: '<alnum:24>';", "$key = getenv('API_TOKEN') ?: 'changeme-please-now';"],
    },
  }),
  rule({
    id: 'url-query-api-key',
    title: 'API key or token in a URL query (?api_key=)',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['apikey=', 'api_key=', 'api-key=', 'api_token=', 'access_token=', 'auth_token=', 'key=', 'token='],
    // Also the bare `?key=` (Google's and many APIs' query key) and `?token=`; the value ends where a URL's part does, so
    // a garbled paste (`?key=...%c^`, `?auth_token=...(...)`) is not taken for a key.
    pattern: String.raw`(?i)[?&](?:api[_-]?key|apikey|api_token|access_token|auth_token|key|token)=([A-Za-z0-9._~%+/-]{16,200})(?:[&#"'\s${'`'}<>;,)\]]|$)`,
    entropy: 3,
    longLived: false,
    remediation: 'Revoke the key at its provider, then send it in a header read from a secret store; URLs end up in logs and browser history.',
    examples: {
      path: '.gitlab-ci.yml',
      positives: ['    - curl https://git.example.net/?APIKEY=<hex:8>-<hex:4>-<alnum:20>', 'fetch("https://api.example.net/v1/items?page=2&api_key=<alnum:32>")', '  base_url: "https://api.example.net/v1/user?key=<lowalnum:18><digit:2><lowalnum:20>"', 'curl "https://example.net/external/api/get?token=<alnum:14><digit:2><alnum:16>&pin=V1"'],
      negatives: ['https://api.example.net/?api_key=${API_KEY}', 'https://api.example.net/?api_key=YOUR_API_KEY', 'https://api.example.net/?api_key=', 'https://x.example.net/?keyword=<alnum:32>', 'https://x.example.net/?key=${CACHE_KEY}', 'https://x.example.net/?token=refresh_token_rotation', 'https://x.example.net/?key=<alnum:20><digit:2>(<alnum:6>)', 'See http://spreadsheets.google.com/ccc?key=<alnum:20><digit:2><alnum:20>'],
    },
  }),
  rule({
    id: 'url-query-uuid-key',
    title: 'UUID-shaped API key in a URL query (?key=, ?api_key=)',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['key='],
    // Many APIs issue their keys as UUIDs; the generic judgment takes a UUID for an id, but under `?key=` it is the key.
    pattern: String.raw`(?i)[?&](?:api[_-]?key|apikey|key|access[_-]?key)=(${shapeRegex(UUID)})(?:[&#"'\s${'`'}<>;,)\]]|$)`,
    entropy: 3,
    // The UUID documentation copies everywhere (`123e4567-e89b-12d3-...`) is no key.
    validate: (value) => !isPlaceholder(value) && !/^123e4567-e89b-12d3-/i.test(value),
    longLived: false,
    remediation: 'Revoke the key at its provider, then send it in a header read from a secret store; URLs end up in logs and browser history.',
    examples: {
      path: 'config/api.yaml',
      positives: ['  base_url: "https://api.<lower:8>.com/v1/user?key=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', 'curl "https://<lower:6>.net/v2/items?page=1&api_key=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"'],
      negatives: ['  base_url: "https://api.<lower:8>.com/v1/user?id=<hex:8>-<hex:4>-<hex:4>-<hex:4>-<hex:12>"', '  url: "https://api.<lower:8>.com/?key=123e4567-e89b-12d3-a456-426614174000"', '  url: "https://api.<lower:8>.com/?key=00000000-0000-0000-0000-000000000000"'],
    },
  }),
];
