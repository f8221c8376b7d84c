import { rule } from '../build.js';
import { ASSIGN_OPERATOR } from '../shape.js';
import type { Rule } from '../types.js';
import { isHumanPassword, isPasswordInPlace } from '../values/passwords.js';

/** A name that ends in a password word: `DB_PASSWORD`, `$dbpasswd`, `mail.pass`, `userPassword`; not `bypass`, `password_min_length`. */
const NAME = String.raw`[A-Za-z0-9_$.-]{0,30}(?:password|passwd|passwort|pwd|passphrase|passcode|(?:^|[^a-z])pass|dbpass)`;
const REMEDIATION = 'Change the password where it is used, then load it from a secret store or the environment instead of the code.';
/** Documentation quotes passwords to explain them; the rule is for code and configuration. */
const DOCS = ['**/*.{md,markdown,rst,adoc,asciidoc,html,htm}', '**/docs/**', '**/doc/**'];

const base = {
  provider: 'Generic',
  severity: 'medium' as const,
  // A weak password is a finding of lower confidence: `fail-on` decides, not `block-long-lived`.
  longLived: false,
  validate: isHumanPassword,
  remediation: REMEDIATION,
  skipPaths: DOCS,
  keywords: ['pass', 'pwd'],
};

/**
 * A password's name in code, for multi-assignments, in the cases code writes it: `static_password02`, `dbPass`,
 * `DB_PASS`, `pass`; not `bypass` or `compass`.
 */
const CODE_NAME = String.raw`(?:[A-Za-z0-9_]{0,30}(?:[Pp]ass(?:word|wd|phrase)|[Pp]wd|PASS(?:WORD|WD|PHRASE)|PWD)|(?:[A-Za-z0-9]{0,30}_)?(?:pass|PASS)|[a-z0-9]{1,30}Pass)[0-9]{0,4}`;
/** Between the names and the values: Go's `:=`, `=` after an optional type (`string`), and Python's or Lua's `=`. */
const MULTI_ASSIGN = String.raw`(?:[ \t]+[A-Za-z_][\w.]{0,20})?[ \t]*:?=[ \t]*`;
const LITERAL = String.raw`"[^"\\\r\n]{0,200}"`;
/** A literal in a password's place, judged against the name that holds it (`pass := "pass"` is no password). */
const multiAssigned = (value: string, names: string) => isPasswordInPlace(value, { name: /[A-Za-z_]\w*/.exec(names)?.[0] });
const multiAssignBase = { provider: 'Generic', severity: 'medium' as const, longLived: false, remediation: REMEDIATION, skipPaths: DOCS, keywords: ['pass', 'pwd'] };

export const passwordRules: Rule[] = [
  rule({
    ...base,
    id: 'hardcoded-password',
    title: 'Hardcoded password (human-chosen)',
    pattern: String.raw`(?i)${NAME}\\?["']?\]?[ \t]*${ASSIGN_OPERATOR}[ \t]*\\?["']([^"'\s\\]{4,64})\\?["']`,
    examples: {
      positives: ['$dbpasswd = \'pass<digit:3>\';', '  password: "RedisPass<digit:1>!"', 'const adminPassword = "Summer<digit:4>!";', '{ "userPassword": "mongo<digit:4>" }'],
      negatives: ['password: "password"', 'password = "${DB_PASS}"', 'password: "{password}"', 'password: "<password>"', '"password": "Password"', 'bypass = "abc<digit:3>"', 'password = "changeme"', 'password: "***"', 'password = config.db.password', 'password_hint = "see vault"', 'password: "&lt;password&gt;"', 'password: "a.type==\'password\'",', '"parse-passwd": "1.0.0",'],
    },
  }),
  rule({
    ...multiAssignBase,
    id: 'multi-assign-password',
    title: 'Hardcoded password in a multiple assignment (user, pass := "u", "p")',
    // The first name is the password's (`const a_password, b string = "x", "y"`), or the second (`user, pass := "u", "p"`).
    pattern: String.raw`\b${CODE_NAME}[ \t]*,[ \t]*[A-Za-z_]\w{0,40}${MULTI_ASSIGN}"([^"\\\s]{3,200})"[ \t]*,[ \t]*"`,
    validateInMatch: (value, before) => multiAssigned(value, before),
    examples: {
      path: 'internal/db/conn.go',
      positives: ['\tconst static_password02, static_password03 string = "<lower:8><digit:2>", "<lower:8><digit:2>";', 'db_pass, region = "<lower:7>", "eu-west-1"'],
      negatives: ['\tvar variable_password01, variable_password02 string = password, "${{password}}";', '\tvar1, var2 := "mismatched key-value lengths"', 'bypass, mode := "<lower:8><digit:2>", "x"', 'pass, other := "pass", "x"'],
    },
  }),
  rule({
    ...multiAssignBase,
    id: 'multi-assign-password-second',
    title: 'Hardcoded password in a multiple assignment, second place (user, pass := "u", "p")',
    pattern: String.raw`\b[A-Za-z_]\w{0,40}[ \t]*,[ \t]*${CODE_NAME}${MULTI_ASSIGN}${LITERAL}[ \t]*,[ \t]*"([^"\\\s]{3,200})"`,
    validateInMatch: (value, before) => multiAssigned(value, before.slice(before.indexOf(',') + 1)),
    examples: {
      path: 'cmd/sync/main.go',
      positives: ['\tuser, pass := "deploy", "<lower:6><digit:3>"', 'username, db_password = "app", "<alnum:14>"'],
      negatives: ['\tuser, pass := "deploy", os.Getenv("PASS")', '\tuser, pass := "deploy", "{password}"', '\tuser, pass := "deploy", ""', 'user, compass := "a", "<lower:6><digit:3>"'],
    },
  }),
  rule({
    ...base,
    id: 'hardcoded-password-config',
    title: 'Hardcoded password in a config or env file (human-chosen)',
    // In source code an unquoted right-hand side is an expression (`password: null,`): config and env files only.
    skipPaths: DOCS,
    skipSyntax: ['code'],
    pattern: String.raw`(?im)^[ \t]*(?:export[ \t]+|set[ \t]+)?${NAME}[ \t]*[:=][ \t]*([^\s"'#;,]{4,64})[ \t]*(?:#.*)?\r?$`,
    examples: {
      positives: ['DB_PASSWORD=admin<digit:3>', 'REDIS_PASSWORD=RedisPass<digit:1>!', 'MAIL_PASSWORD=mail<digit:4>pw', 'spring.datasource.password: s3cret<digit:2>'],
      negatives: ['DB_PASSWORD=', 'DB_PASSWORD=${DB_PASSWORD}', 'DB_PASSWORD=changeme', 'PASSWORD_MIN_LENGTH=12', 'password = getPassword()', 'DB_PASSWORD=password', '    password: null,', '  password: abc<digit:3>,'],
      path: 'deploy/app.env',
    },
  }),
];
