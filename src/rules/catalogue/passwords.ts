import { rule } from '../build.js';
import { ASSIGN_OPERATOR } from '../shape.js';
import type { Rule } from '../types.js';
import { isHumanPassword } from '../values/passwords.js';

/** A name that ends in a password word: `DB_PASSWORD`, `$dbpasswd`, `mail.pass`, `userPassword`; not `bypass`, `password_min_length`. */
const NAME = String.raw`[A-Za-z0-9_$.-]{0,30}(?:password|passwd|passwort|pwd|passphrase|(?:^|[^a-z])pass|dbpass)`;
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
