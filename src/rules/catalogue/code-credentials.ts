import { rule } from '../build.js';
import type { Rule } from '../types.js';
import { rejectGenericValue } from '../values/generic.js';
import { isHumanPassword, isPasswordInPlace } from '../values/passwords.js';

/** A literal in a credential's position: what a person chose, or a random value; never a placeholder or code. */
const isCredentialLiteral = (value: string) => isHumanPassword(value) || rejectGenericValue(value, 3) === undefined;
/** A quoted literal where only a password goes (a login() call's password argument, Gradle's `password "..."`): words count too. */
const isQuotedPassword = (value: string) => isPasswordInPlace(value) || isCredentialLiteral(value);
/** A PEM header as base64 that runs straight into the body (padded to whole 3-byte groups, so no `=` inside). */
const b64Header = (header: string) => Buffer.from(header.padEnd(Math.ceil(header.length / 3) * 3, 'M')).toString('base64');
const GRADLE_REMEDIATION = 'Change the repository password, then read it from gradle.properties outside the repository or from the environment.';
const REMEDIATION = 'Change the credential where it is used, then pass it from a secret store or the environment instead of the code.';
const argumentRule = (id: string, title: string, keywords: string[], pattern: string, positives: string[], negatives: string[], validate = isQuotedPassword): Rule =>
  rule({ id, title, provider: 'Generic', severity: 'high', keywords, pattern, validate, longLived: false, remediation: REMEDIATION, examples: { positives, negatives } });

/** Credentials in the syntax of one tool or language: call arguments, build files, key files. */
export const codeCredentialRules: Rule[] = [
  rule({
    id: 'wireguard-private-key',
    title: 'WireGuard private or preshared key',
    provider: 'WireGuard',
    severity: 'critical',
    keywords: ['privatekey', 'presharedkey'],
    pattern: String.raw`(?m)^[ \t]*(?:PrivateKey|PresharedKey)[ \t]*=[ \t]*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)`,
    entropy: 4,
    longLived: true,
    remediation: 'Generate a new key pair (wg genkey), replace the peer\'s public key everywhere, then keep the .conf out of the repository.',
    examples: {
      positives: ['[Interface]\nPrivateKey = <b64:42>A=\nAddress = 10.0.0.2/32', '[Peer]\nPresharedKey = <b64:42>Q='],
      negatives: ['PrivateKey = <b64:30>=', 'PublicKey = <b64:42>A=', 'PrivateKey = <wg-private-key>'],
    },
  }),
  rule({
    id: 'base64-pem-private-key',
    title: 'Private key PEM encoded in base64',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['ls0tls1crudjti'],
    pattern: String.raw`(?:^|[^A-Za-z0-9+/])(LS0tLS1CRUdJTi[A-Za-z0-9+/]{100,1000})`,
    validate: (value) => /^-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/.test(Buffer.from(value.slice(0, 100), 'base64').toString('latin1')),
    longLived: true,
    remediation: 'Revoke the key (replace the certificate or key pair it belongs to), then keep it in a secret store; base64 is not encryption.',
    examples: {
      positives: [`TLS_KEY=${b64Header('-----BEGIN RSA PRIVATE KEY-----\n')}<b64:400>`, `  client-key-data: ${b64Header('-----BEGIN EC PRIVATE KEY-----\n')}<b64:200>`],
      negatives: [`  client-certificate-data: ${b64Header('-----BEGIN CERTIFICATE-----\n')}<b64:400>`, `TLS_KEY=${b64Header('-----BEGIN RSA PRIVATE KEY-----\n')}<b64:20>`],
    },
  }),
  rule({
    id: 'authorization-bearer-hex',
    title: 'Bearer token of 40 hex digits in an Authorization header',
    provider: 'Generic',
    severity: 'high',
    keywords: ['bearer'],
    // A hash-shaped value is a secret in this position: many APIs issue 40-hex tokens.
    pattern: String.raw`(?i)authorization["']?[ \t]*[:=,][ \t]*["']?bearer[ \t]+([a-f0-9]{40})(?:[^A-Za-z0-9]|$)`,
    entropy: 3,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      positives: ['curl -H "Authorization: Bearer <hex:40>" https://api.example.net/v1', "headers = {'Authorization': 'Bearer <hex:40>'}"],
      negatives: ['curl -H "Authorization: Bearer <hex:30>" https://api.example.net', 'commit <hex:40>', 'Authorization: Bearer $TOKEN'],
    },
  }),
  rule({
    id: 'android-buildconfig-secret',
    title: 'Secret compiled into an Android BuildConfig field',
    provider: 'Android',
    severity: 'high',
    keywords: ['buildconfigfield'],
    // Gradle's `buildConfigField 'String', 'API_KEY', '"..."'` (and the Kotlin DSL's call form): the value is a Java
    // string literal inside a Groovy one, and ships inside the app. The field's name says it is a credential, so a hex
    // value here is a key, not a digest.
    pattern: String.raw`(?i)buildConfigField[ \t]*\(?[ \t]*["']String["'][ \t]*,[ \t]*["'][A-Z0-9_]{0,40}(?:KEY|TOKEN|SECRET|PASSWORD|PASSWD)S?["'][ \t]*,[ \t]*(?:'"|"\\")([A-Za-z0-9._~+/=:-]{12,256})(?:"'|\\"")`,
    entropy: 3,
    validate: (value) => /[0-9]/.test(value) && /[A-Za-z]/.test(value),
    longLived: true,
    remediation: 'Revoke the key at its provider; an APK carries its BuildConfig in clear, so keep secrets on a server and give the app short-lived tokens.',
    examples: {
      path: 'app/build.gradle',
      positives: ["buildConfigField 'String', 'MAPS_API_KEY', '\"<hex:32>\"'", 'buildConfigField("String", "PAYMENTS_SECRET", "\\"<alnum:14><digit:2><alnum:14>\\"")'],
      negatives: ["buildConfigField 'String', 'API_BASE_URL', '\"<alnum:14><digit:2><alnum:14>\"'", "buildConfigField 'String', 'MAPS_API_KEY', '\"' + mapsKey + '\"'", "buildConfigField 'String', 'API_KEY', '\"<lower:24>\"'"],
    },
  }),
  rule({
    id: 'maven-settings-password',
    title: 'Maven settings.xml server password',
    provider: 'Maven',
    severity: 'high',
    keywords: ['<server>'],
    pattern: String.raw`(?s)<server>.{0,400}?<password>([^<\s]{4,200})</password>`,
    multilineWindow: 1024,
    validate: (value) => isQuotedPassword(value) && !/^\{.*\}$/.test(value),
    longLived: true,
    remediation: 'Change the repository password or token, then use ${env.VAR} in settings.xml or the CI\'s server credentials.',
    examples: {
      positives: ['<servers>\n  <server>\n    <id>releases</id>\n    <username>deploy</username>\n    <password>Deploy<digit:4>!</password>\n  </server>\n</servers>'],
      negatives: ['<server>\n  <id>releases</id>\n  <password>${env.MAVEN_PASSWORD}</password>\n</server>', '<server><id>r</id><password>{<b64:40>=}</password></server>'],
    },
  }),
  rule({
    id: 'gradle-credentials-password',
    title: 'Gradle repository credentials password',
    provider: 'Gradle',
    severity: 'high',
    keywords: ['credentials'],
    pattern: String.raw`(?s)credentials[ \t]*(?:\([^)]{0,80}\))?[ \t]*\{[^}]{0,300}?password[ \t]*(?:=[ \t]*)?["']([^"'\s$]{4,200})["']`,
    multilineWindow: 1024,
    validate: isQuotedPassword,
    longLived: true,
    remediation: GRADLE_REMEDIATION,
    examples: {
      positives: ['repositories {\n  maven {\n    url "https://repo.example.net"\n    credentials {\n      username = "ci"\n      password = "Gradle<digit:4>pw"\n    }\n  }\n}', 'credentials {\n    username "root"\n    password "<lower:5>_<lower:5>"\n}'],
      negatives: ['credentials {\n  username = "ci"\n  password = findProperty("repoPassword")\n}', 'credentials {\n  password = "$repoPassword"\n}', 'credentials {\n  username "root"\n  password ""\n}', 'credentials {\n  password "password"\n}'],
    },
  }),
  rule({
    id: 'gradle-authentication-password',
    title: 'Gradle/Maven upload authentication(password: ...) literal',
    provider: 'Gradle',
    severity: 'high',
    keywords: ['authentication'],
    pattern: String.raw`\bauthentication[ \t]*\([^)\n]{0,160}?\bpassword[ \t]*:[ \t]*["']([^"'\s$]{3,200})["']`,
    validate: isQuotedPassword,
    longLived: true,
    remediation: GRADLE_REMEDIATION,
    examples: {
      path: 'build.gradle',
      positives: ['repository(url: "https://repo.example.net/snapshots/") {\n  authentication(userName: "root", password: "<lower:9>_<lower:6>")\n}'],
      negatives: ['authentication(userName: "root", password: mvnPassword)', 'authentication(userName: "root", password: "")', 'authentication(userName: "root", password: "${repoPassword}")'],
    },
  }),
  rule({
    id: 'php-define-password',
    title: 'Password as a PHP define() constant',
    provider: 'Generic',
    severity: 'high',
    keywords: ['define'],
    // `define('DB_PASSWORD', <literal>)`, `define("smtp_pass", <literal>, true)`: a name ending in a password word (and
    // digits), so `PASSWORD_MIN_LENGTH` and `COMPASS_DIR` stay out.
    pattern: String.raw`(?i)\bdefine[ \t]*\([ \t]*["'](?:[A-Za-z0-9_]{0,40}(?:password|passwd|pwd)|(?:[A-Za-z0-9]{0,40}_)?pass)[0-9]{0,4}["'][ \t]*,[ \t]*["']([^"'\s\\]{3,200})["']`,
    // Random values are generic-argument-secret's; this rule is for the words and weak passwords it passes over.
    validateInMatch: (value, before) => isPasswordInPlace(value, { name: /["']([^"']+)["']/.exec(before)?.[1] }) && rejectGenericValue(value, 3) !== undefined,
    longLived: false,
    remediation: REMEDIATION,
    examples: {
      path: 'wp-config.php',
      positives: ["define( 'DB_PASSWORD', '<lower:5>' );", 'define("static_password04", "<lower:5><digit:2>", true);', "define('SMTP_PASS', 'Smtp<digit:3>');"],
      negatives: ["define( 'DB_PASSWORD', '' );", 'define("variable_password", "{placeholder}");', 'define("dynamic_password", load_password());', "define('PASSWORD_MIN_LENGTH', '12345678');", "define('COMPASS_DIR', '<lower:8>');", "define('DB_PASSWORD', 'password');", "define('DB_PASSWORD', getenv('DB_PASSWORD'));"],
    },
  }),
  rule({
    id: 'terraform-variable-default-secret',
    title: 'Secret as a Terraform variable default',
    provider: 'Terraform',
    severity: 'high',
    keywords: ['variable'],
    pattern: String.raw`(?is)variable[ \t]+"[^"\n]{0,60}(?:password|passwd|secret|token|api_key|apikey|private_key|access_key)[^"\n]{0,30}"[ \t]*\{[^}]{0,400}?default[ \t]*=[ \t]*"([^"\s$]{6,200})"`,
    multilineWindow: 1024,
    validate: isCredentialLiteral,
    longLived: true,
    remediation: 'Change the credential, drop the default and pass the value from a secret store (TF_VAR_ in CI, or a data source).',
    examples: {
      positives: ['variable "db_password" {\n  type      = string\n  sensitive = true\n  default   = "Prod<digit:4>pass"\n}', 'variable "api_token" {\n  default = "<alnum:32>"\n}'],
      negatives: ['variable "db_password" {\n  type = string\n}', 'variable "region" {\n  default = "eu-west-1"\n}', 'variable "db_password" {\n  default = ""\n}'],
    },
  }),
  argumentRule('network-credential-argument', '.NET NetworkCredential or DirectoryEntry password argument', ['networkcredential', 'directoryentry'],
    String.raw`new[ \t]+(?:System\.Net\.)?(?:NetworkCredential[ \t]*\([ \t]*"[^"\n]{1,80}"|DirectoryEntry[ \t]*\([ \t]*"[^"\n]{1,200}"[ \t]*,[ \t]*"[^"\n]{1,80}")[ \t]*,[ \t]*"([^"\s]{4,128})"`,
    ['var cred = new NetworkCredential("svc_backup", "Backup<digit:4>!");', 'var entry = new DirectoryEntry("LDAP://dc01", "CORP\\\\svc", "Ldap<digit:3>pw");'],
    ['var cred = new NetworkCredential("svc_backup", password);', 'var cred = new NetworkCredential(user, pass);']),
  argumentRule('mysql-connect-password-argument', 'Password as a database connect() argument', ['mysql_connect', 'mysqli_connect', 'mysqli(', 'pg_connect', 'mssql_connect'],
    String.raw`(?:mysqli?_connect|new[ \t]+mysqli|mssql_connect)[ \t]*\([ \t]*["'][^"'\n]{1,120}["'][ \t]*,[ \t]*["'][^"'\n]{1,80}["'][ \t]*,[ \t]*["']([^"'\s]{4,128})["']`,
    ["$link = mysql_connect('localhost', 'root', 'root<digit:3>');", '$db = new mysqli("127.0.0.1", "app", "Mysql<digit:4>!", "shop");'],
    ["$link = mysql_connect('localhost', 'root', $password);", "$link = mysql_connect('localhost', 'root', '');"]),
  argumentRule('login-call-password-argument', 'Password as a login() call argument', ['login('],
    String.raw`\.login[ \t]*\([ \t]*["'][^"'\n]{1,80}["'][ \t]*,[ \t]*["']([^"'\s]{4,128})["']`,
    ["ftp.login('deploy', 'Ftp<digit:4>pw')", 'client.login("admin", "Admin<digit:3>!")', "conn.login('user@corp.net', '<lower:10>', function (err, res) {"],
    ["ftp.login('deploy', password)", "client.login('admin', 'password')", "client.login('admin', '')", "client.login('admin', '${ADMIN_PASSWORD}')"]),
  argumentRule('powershell-password-argument', 'Password on a PowerShell or PsExec command line', ['-password', 'psexec'],
    String.raw`(?i)(?:(?:connect-viserver|new-pssession|invoke-command|connect-azaccount|net[ \t]+use)[^\r\n]{0,200}?[ \t]-password[ \t]+|psexec(?:64)?(?:\.exe)?[^\r\n]{0,200}?[ \t]-p[ \t]+)["']?([^"'\s]{4,128})`,
    ['Connect-VIServer -Server vc01 -User admin -Password "Vmware<digit:3>!"', 'psexec \\\\\\\\host01 -u CORP\\\\admin -p Admin<digit:4>x cmd.exe', 'psexec \\\\\\\\host01 -u admin -p <lower:7> cmd'],
    ['Connect-VIServer -Server vc01 -User admin -Password $cred.Password', 'psexec \\\\\\\\host01 -u admin -p $env:PSEXEC_PW cmd', 'psexec \\\\\\\\host01 -u admin -p %PSEXEC_PW% cmd', 'psexec \\\\\\\\host01 -u admin -p PASSWORD cmd']),
];
