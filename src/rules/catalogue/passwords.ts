import { rule } from '../build.js';
import { ASSIGN_OPERATOR } from '../shape.js';
import type { Rule } from '../types.js';
import { isHumanPassword, isPasswordInPlace, isPasswordWord, isTinyPassword } from '../values/passwords.js';

/** A name that ends in a password word: `DB_PASSWORD`, `$dbpasswd`, `mail.pass`, `userPassword`; not `bypass`, `password_min_length`. */
const NAME = String.raw`[A-Za-z0-9_$.-]{0,30}(?:password|passwd|passwort|pwd|passphrase|passcode|(?:^|[^a-z])pass|dbpass)`;
/** An e-mail address, as a login written beside a password. */
const EMAIL = String.raw`[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}`;
const REMEDIATION = 'Change the password where it is used, then load it from a secret store or the environment instead of the code.';
/** Documentation quotes passwords to explain them; the rule is for code and configuration. */
const DOCS = ['**/*.{md,markdown,rst,adoc,asciidoc,html,htm}', '**/docs/**', '**/doc/**'];

/** The name an assignment's match opens with (`DB_PASSWORD` in `DB_PASSWORD=`), for judging a value that repeats it. */
const assignedName = (before: string) => /[A-Za-z0-9_$.-]+/.exec(before)?.[0];
/** The name of a config line (`REACT_APP_PASS` in `# REACT_APP_PASS=`, `password` in `snowflake password =`): its last word before the operator. */
const configName = (before: string) => /([A-Za-z0-9_$.-]+)[ \t]*[:=][ \t]*$/.exec(before)?.[1];
const base = {
  provider: 'Generic',
  severity: 'medium' as const,
  // A weak password is a finding of lower confidence: `fail-on` decides, not `block-long-lived`.
  longLived: false,
  validateInMatch: (value: string, before: string) => isHumanPassword(value, { name: assignedName(before) }),
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
    // Spaces only inside the quotes (`'open sesame'`), where the value's judgment tells a passphrase from prose.
    pattern: String.raw`(?i)${NAME}\\?["']?\]?[ \t]*${ASSIGN_OPERATOR}[ \t]*\\?["']([^"'\s\\][^"'\r\n\\]{2,62}[^"'\s\\])\\?["']`,
    examples: {
      positives: [
        '$dbpasswd = \'pass<digit:3>\';',
        '  password: "RedisPass<digit:1>!"',
        'const adminPassword = "Summer<digit:4>!";',
        '{ "userPassword": "mongo<digit:4>" }',
        'my_password := "<lower:5>$<lower:6>"',
        "PASS = '`<digit:3><upper:4><lower:4>'",
      ],
      negatives: ['encode_credentials(username: "<lower:6>", password: "<lower:8>")', "password = '<lower:5> <lower:7>'", '"password": "Wachtwoord"', 'POSTGRES_PASSWORD: "postgres"', 'server->password = "<lower:7>@";', 'password = "`whoami`"', 'password: "password"', 'password = "${DB_PASS}"', 'password: "{password}"', 'password: "<password>"', '"password": "Password"', 'bypass = "abc<digit:3>"', 'password = "changeme"', 'password: "***"', 'password = config.db.password', 'password_hint = "see vault"', 'password: "&lt;password&gt;"', 'password: "a.type==\'password\'",', '"parse-passwd": "1.0.0",'],
    },
  }),
  rule({
    ...base,
    id: 'hardcoded-password-word',
    title: 'Hardcoded password word or passphrase in a config file (human-chosen)',
    // A lowercase word or a few (`"AdminPassword": "whiteduke"`, `password = 'open sesame'`): in code these are labels,
    // messages and test fixtures far more often, so config and data files only.
    skipSyntax: ['code'],
    pattern: String.raw`(?i)${NAME}\\?["']?\]?[ \t]*${ASSIGN_OPERATOR}[ \t]*\\?["']([a-z][a-z0-9 ]{4,38}[a-z0-9])\\?["']`,
    validateInMatch: (value: string, before: string) => isPasswordWord(value, { name: assignedName(before) }),
    examples: {
      path: 'config/settings.json',
      positives: ['{ "AdminPassword": "<lower:12>" }', "user = '<lower:7>'\npassword = '<lower:5> <lower:7>'", 'smtp:\n  password: "<lower:9>"'],
      negatives: ['"password": "Wachtwoord"', 'password: "is too short"', 'password: "encrypted"', '"postgres_password": "postgres"', 'password: "admin<digit:3>"', '"password": "<lower:8>_<lower:4>"'],
    },
  }),
  rule({
    ...base,
    id: 'hardcoded-password-constant',
    title: 'Hardcoded password word in a constant or beside its user (human-chosen)',
    // In code, a word counts where a value is configuration: a constant (`private const string PfxPassword = "..."`) or a
    // password set right after its user on one line (`$user = "..."; $password = "...";`).
    pattern: String.raw`(?i:(?:\b(?:const|final|readonly|static)\b[^=;\r\n]{0,80}?|[$@]?[\w.]{0,30}user(?:_?name)?["']?\]?[ \t]*=[ \t]*["'][^"'\r\n]{1,64}["'][ \t]*;[ \t]*)${NAME}["']?\]?[ \t]*=[ \t]*)["']([a-z][a-z0-9 ]{4,38}[a-z0-9])["']`,
    validateInMatch: (value: string, before: string) => isPasswordWord(value, { name: /([A-Za-z0-9_$.-]+)["'\]]*[ \t]*=[ \t]*$/.exec(before)?.[1] }),
    examples: {
      path: 'src/Deploy/Signing.cs',
      positives: ['private const string ExportPfxPassword = "<lower:16>";', '$user = "<lower:2><digit:4>"; $password = "<lower:8>";', 'static final String SMTP_PASSWORD = "<lower:6> <lower:6>";'],
      negatives: ['encode_credentials(username: "<lower:6>", password: "<lower:8>")', '@user.password = "<lower:8>"', 'private const string PasswordLabel = "<lower:8>";', 'const string DbPassword = "required";', '$user = "app"; $password = $_POST["password"];'],
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
    // Also commented out (`# REACT_APP_PASS=...` still leaks it), after a word naming whose it is (`snowflake password
    // = ...`), and with the login after a slash (`password: <p> / <e-mail>`), as notes write it.
    pattern: String.raw`(?im)^[ \t]*(?:#+[ \t]*)?(?:export[ \t]+|set[ \t]+)?(?:[A-Za-z][\w.-]{0,30}[ \t]+)?${NAME}[ \t]*[:=][ \t]*([^\s"'#;,]{3,64})[ \t]*(?:/[ \t]*${EMAIL}[ \t]*)?(?:#.*)?\r?$`,
    validateInMatch: (value: string, before: string) => isHumanPassword(value, { name: configName(before), words: true }) || isTinyPassword(value),
    examples: {
      positives: [
        'DB_PASSWORD=admin<digit:3>',
        'REDIS_PASSWORD=RedisPass<digit:1>!',
        'MAIL_PASSWORD=mail<digit:4>pw',
        'spring.datasource.password: s3cret<digit:2>',
        '# REACT_APP_AUTH_PASSWORD=<lower:9>',
        'snowflake password = P@ss<digit:4>',
        'portal-password: Pass<digit:3>! / <lower:5>@<lower:6>.com',
        'username=deploy\npassword=secret<digit:3>\nhost=db.<lower:6>.internal',
      ],
      negatives: ['POSTGRES_PASSWORD: postgres', '# password: the one in the vault', 'password: Wachtwoord', 'password: n/a', 'DB_PASSWORD=', 'DB_PASSWORD=${DB_PASSWORD}', 'DB_PASSWORD=changeme', 'PASSWORD_MIN_LENGTH=12', 'password = getPassword()', 'DB_PASSWORD=password', '    password: null,', '  password: abc<digit:3>,',
        // A stand-in with a number beside a documentation host: a sample's login.
        'username=deploy\npassword=secret<digit:3>\nhost=example.com'],
      path: 'deploy/app.env',
    },
  }),
  rule({
    ...base,
    id: 'zipbooks-login',
    title: 'ZipBooks login: password and account e-mail',
    provider: 'ZipBooks',
    // ZipBooks' API signs in with the account's e-mail and password (POST /v2/auth/login); notes keep them as a pair.
    keywords: ['zipbooks'],
    pattern: String.raw`(?i)\bzipbooks[\w.-]{0,20}["']?[ \t]*[:=][ \t]*["']?([^\s"'/]{4,64})[ \t]*/[ \t]*${EMAIL}`,
    validateInMatch: (value: string) => isHumanPassword(value) || isPasswordInPlace(value),
    remediation: 'Change the ZipBooks account password, then keep it in a secret store rather than in files.',
    examples: {
      positives: ['zipbooks = Secure<alnum:4>@<digit:3> / <lower:5>@<lower:6>.com', 'zipbooks-password: <alnum:12> / ops@<lower:6>.io'],
      negatives: ['zipbooks: <lower:5>/<lower:7>@go', 'zipbooks = password / <lower:5>@<lower:6>.com', 'zipbooks_user = <lower:5>@<lower:6>.com'],
    },
  }),
];
