import { rule } from '../build.js';
import type { Rule } from '../types.js';

const REMEDIATION = 'If this is a real credential, revoke it at its issuer and load it from a secret store or the environment; if it is test data, add `keyward:allow` to the line.';
const ASSIGN = '["\']?\\s*(?::|=|:=|=>|\\?\\?=)\\s*';
/** A quoted value's characters: printable ASCII except quotes (byte ranges, so both RE2 backends agree on non-ASCII). */
const VALUE = '[!#-&(-_a-~]';
/**
 * Its first character: not `?` (sentinel strings such as `?NoLineTerminatorHere`), and not `$` then a digit, which
 * opens a crypt(3) hash (`$2b$12$...`, `$6$...`), not a secret.
 */
const FIRST = '(?:[!#%&(->@-_a-~]|\\$[!#%&(-/:->@-_a-~])';
/** After the name's keyword, only a separated or camel-cased suffix: `password_hash`, `tokenUrl`, not `passport`, `tokenizer`. */
const SUFFIX = '(?:[_.-][\\w-]{0,20}|[A-Z0-9][\\w-]{0,20})?';
/** In source code an unquoted right-hand side is an expression; the env and YAML rules are for config files. */
const CODE_FILES = ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx,java,kt,kts,scala,groovy,go,rs,c,h,cc,cpp,hpp,cs,swift,m,php,rb,py,lua,dart,vue,svelte}'];

export const genericRules: Rule[] = [
  rule({
    id: 'generic-password-assignment',
    title: 'Hardcoded password',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'pwd', 'pass'],
    pattern: `[\\w.-]{0,30}(?i:password|passwd|pwd|pass)${SUFFIX}${ASSIGN}["'\`](${FIRST}${VALUE}{7,127})["'\`]`,
    entropy: 2.8,
    longLived: true,
    remediation: REMEDIATION,
  }),
  rule({
    id: 'generic-secret-assignment',
    title: 'Hardcoded secret, token or API key',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['secret', 'token', 'api_key', 'apikey', 'api-key', 'access_key', 'accesskey', 'auth_key', 'private_key', 'credential', 'client_secret'],
    pattern: `[\\w.-]{0,30}(?i:secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credential)(?i:s)?${SUFFIX}${ASSIGN}["'\`](${FIRST}${VALUE}{11,255})["'\`]`,
    entropy: 3.2,
    longLived: true,
    remediation: REMEDIATION,
  }),
  rule({
    id: 'generic-env-secret',
    title: 'Secret in an environment file or shell export',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'access_key', 'private_key', 'auth'],
    // Upper-case names only: that is how environment variables are written, and it keeps `nextToken = ...` out.
    pattern: '(?m)^[ \\t]*(?:(?:export|set|SET|ENV|ARG)[ \\t]+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|AUTH)[A-Z0-9_]*[ \\t]*=[ \\t]*([^\\s"\'#`$]{8,256})[ \\t]*(?:#.*)?$',
    entropy: 3,
    longLived: true,
    remediation: REMEDIATION,
    skipPaths: CODE_FILES,
  }),
  rule({
    id: 'generic-yaml-secret',
    title: 'Secret value in YAML or properties',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['password', 'passwd', 'secret', 'token', 'api_key', 'apikey', 'api-key'],
    pattern: '(?im)^[ \\t-]*[\\w.-]{0,30}(?:password|passwd|secret|token|api[_-]?key)[\\w.-]{0,20}[ \\t]*(?:[:=][ \\t]+|=)([^\\s"\'#{}\\[\\],&*!|>`$%@][^\\s"\'`]{7,255})[ \\t]*(?:[ \\t]#.*)?$',
    entropy: 3,
    longLived: true,
    remediation: REMEDIATION,
    skipPaths: CODE_FILES,
  }),
  rule({
    id: 'authorization-header',
    title: 'Hardcoded Authorization header credential',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['authorization'],
    pattern: '(?i)\\bauthorization["\']?\\s*[:=,]\\s*["\']?(?:bearer|basic|token)\\s+([A-Za-z0-9._~+/=-]{16,512})',
    entropy: 3.2,
    longLived: true,
    remediation: REMEDIATION,
  }),
];
