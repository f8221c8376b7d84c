import { describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { builtinRules } from '../../src/rules/index.js';
import { decodeJetBrainsPassword } from '../../src/rules/catalogue/config-files.js';
import { isHumanPassword, isPassphrase, isStandInBesideExampleHost, isTinyPassword } from '../../src/rules/values/passwords.js';
import { ALNUM, randomFrom } from '../helpers/fake-secrets.js';

// Human-chosen passwords, connection strings and command lines (issue #11): every value is generated here.
const backends = [
  ['re2js', regexBackends.portable],
  ['native-re2', regexBackends.native()],
] as const;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const lower = (n: number) => randomFrom(LOWER, n);
/** A person's password: a word, digits and a symbol (`kqzvtm4821!`). */
const chosen = () => `${lower(6)}${randomFrom(DIGITS, 4)}!`;
/** JetBrains' project-file obfuscation, written the way the IDE writes it. */
const obfuscate = (text: string) => [...text].map((c) => (c.charCodeAt(0) ^ 0xdfaa).toString(16)).join('');
const PASSWORD_RULES = ['hardcoded-password', 'hardcoded-password-word', 'hardcoded-password-constant', 'hardcoded-password-config', 'zipbooks-login', 'multi-assign-password', 'multi-assign-password-second'];

describe.each(backends)('human-chosen passwords on %s', (_name, backend) => {
  const scanner = createScanner({ backend: backend ?? regexBackends.portable });
  const scan = (text: string, path: string) => scanner.scanBuffer(Buffer.from(text), path).findings;
  const ids = (text: string, path: string) => scan(text, path).map((f) => f.ruleId);

  it('reports a word or a passphrase in config files, not in code, where words are labels and test fixtures', () => {
    const word = lower(9);
    expect(ids(`REACT_APP_AUTH_PASSWORD=${word}`, '.env')).toEqual(['hardcoded-password-config']);
    expect(ids(`{ "AdminPassword": "${word}" }`, 'appsettings.json')).toEqual(['hardcoded-password-word']);
    expect(ids(`password = '${lower(5)} ${lower(7)}'`, 'config/app.ini')).toEqual(['hardcoded-password-word']);
    expect(ids(`    overridden = { user_name: "${lower(6)}", password: "${word}" }`, 'test/delivery_test.rb')).toEqual([]);
    expect(ids(`    @user.password = "${word}"`, 'test/secure_password_test.rb')).toEqual([]);
    expect(ids(`private const string ExportPfxPassword = "${word}";`, 'src/Signing.cs')).toEqual(['hardcoded-password-constant']);
  });

  it('passes over labels, prose, stand-ins and values that repeat their name', () => {
    for (const line of ['password: Wachtwoord', 'password: wachtwoord', 'password: "mot de passe"', 'truststore_password: changeit', 'password: "is too short"', 'POSTGRES_PASSWORD: postgres', 'MYSQL_ROOT_PASSWORD=rootpassword', 'password: encrypted', '# password: the one in the vault']) {
      expect(ids(line, 'deploy/values.yaml'), line).toEqual([]);
    }
  });

  it('keeps documentation placeholders out: myPassword, ${PASS}, %PASS%, {password}, ######, a $Password variable', () => {
    const lines = [
      'Server=db01;Database=app;User ID=myUsername;Password=myPassword;',
      'Provider=SQLNCLI;Server=myServerName;Uid=myUsername;Pwd=myPassword;',
      'psexec \\\\host01 -u CORP\\admin -p mypass cmd',
      'psexec \\\\host01 -u CORP\\admin -p $Password cmd',
      'DB_PASSWORD=${PASS}',
      'DB_PASSWORD=%PASS%',
      'password: "{password}"',
      ":authn_dbd_params => 'host=db port=3306 user=apache password=###### dbname=auth',",
      'Server=host;User Id=username;Password=secret;',
    ];
    for (const line of lines) expect(ids(line, 'deploy/run.cmd'), line).toEqual([]);
  });

  it('reports the forms of the issue with a real-looking password', () => {
    const password = chosen();
    const cases: [string, string, string][] = [
      [`my_password := "${lower(5)}$${lower(6)}"`, 'cmd/app/main.go', 'hardcoded-password'],
      [`password   =>   "${password}"`, 'config/app.php', 'hardcoded-password'],
      [`snowflake password = ${password}`, 'notes.txt', 'hardcoded-password-config'],
      [`zipbooks-password: ${password} / ops@${lower(6)}.com`, 'notes.txt', 'hardcoded-password-config'],
      [`"Data Source=db01;User ID=etl;Password =${password};"`, 'App.config', 'ado-net-connection-string'],
      [`"User ID=etl;Password=${password};Initial Catalog=ledger"`, 'App.config', 'ado-net-connection-string'],
      [`PsExec.exe \\\\host01 -u DOMAIN\\my-user -p ${password} cmd`, 'deploy.bat', 'powershell-password-argument'],
      [`REDIS=${lower(10)}.redis.cache.windows.net:6380,password=${randomFrom(ALNUM, 43)}=,ssl=True`, 'appsettings.txt', 'redis-connection-options'],
      [`remote = "https://${lower(8)}:Zq${randomFrom(ALNUM, 10)}7@${lower(12)}"`, 'ci/remote.txt', 'url-embedded-credentials'],
    ];
    for (const [line, path, id] of cases) expect(ids(line, path), line).toEqual([id]);
  });

  it('reports a three-character password with a symbol in a config file, not a mark such as n/a', () => {
    expect(ids('snowflake:\n account=acct-1\n password=!12 \n', 'snowflake.conf')).toEqual(['hardcoded-password-config']);
    expect(ids('password=n/a\n', 'snowflake.conf')).toEqual([]);
    expect(ids('password=abc\n', 'snowflake.conf')).toEqual([]);
  });

  it('passes over the anonymous-FTP convention of an e-mail or a name@ stub as the password', () => {
    // A value random enough is the generic rules' to judge; the password rules pass over it.
    const passwordIds = (text: string, path: string) => ids(text, path).filter((id) => PASSWORD_RULES.includes(id));
    expect(passwordIds(`server->password = "${lower(7)}@";`, 'networking/ftpgetput.c')).toEqual([]);
    expect(passwordIds(`password: "${lower(5)}@${lower(6)}.org"`, 'config/ftp.yml')).toEqual([]);
  });

  it('finds a JetBrains data source password, obfuscated or as a driver property, and never prints it', () => {
    const password = chosen();
    const local = `<data-source name="prod" uuid="1">\n  <user-name>app</user-name>\n  <user-password>${obfuscate(password)}</user-password>\n</data-source>`;
    const found = scan(local, '.idea/dataSources.local.xml');
    expect(found.map((f) => f.ruleId)).toEqual(['jetbrains-datasource-password']);
    expect(JSON.stringify(found)).not.toContain(obfuscate(password));
    expect(ids(`<property name="password" value="${password}" />`, '.idea/dataSources.xml')).toEqual(['jetbrains-datasource-password']);
    expect(ids('<secret-storage>master_key</secret-storage>\n<user-name>app</user-name>', '.idea/dataSources.local.xml')).toEqual([]);
    expect(ids(`<user-password>${obfuscate(password)}</user-password>`, 'src/fixtures/other.xml')).toEqual([]);
  });

  it('never puts the password in a finding, and leaves lifetime to fail-on', () => {
    const password = chosen();
    const found = scan(`DB_PASSWORD=${password}\n`, 'deploy/app.env');
    expect(found).toHaveLength(1);
    expect(JSON.stringify(found)).not.toContain(password);
    expect(found[0]!.longLived).toBe(false);
  });
});

describe('password value judgments', () => {
  it('takes a stand-in with a number for a sample login only beside a documentation host', () => {
    expect(isStandInBesideExampleHost('secret123', 'username=test\npassword=secret123\nhost=example.com')).toBe(true);
    expect(isStandInBesideExampleHost('password1', 'user: ops@mail.example.org')).toBe(true);
    expect(isStandInBesideExampleHost('secret123', 'username=test\npassword=secret123\nhost=db.prod.internal')).toBe(false);
    expect(isStandInBesideExampleHost('secret123', 'host=myexample.com')).toBe(false);
    expect(isStandInBesideExampleHost('Tr0ub4dor9', 'host=example.com')).toBe(false);
    expect(isStandInBesideExampleHost('secret', 'host=example.com')).toBe(false);
  });
  it('tells passphrases from prose and labels', () => {
    expect(isPassphrase(`${lower(5)} ${lower(7)}`)).toBe(true);
    expect(isPassphrase('does not match')).toBe(false);
    expect(isPassphrase('Open Sesame')).toBe(false);
    expect(isHumanPassword(`${lower(5)} ${lower(7)}`)).toBe(false);
    expect(isHumanPassword(`${lower(5)} ${lower(7)}`, { words: true })).toBe(true);
  });

  it('reads a $ between letters as a character and a lone backtick as one too', () => {
    expect(isHumanPassword(`${lower(5)}$${lower(5)}`)).toBe(true);
    expect(isHumanPassword(`\`${randomFrom(DIGITS, 3)}QWER${lower(4)}`)).toBe(true);
    expect(isHumanPassword('`whoami`')).toBe(false);
  });

  it('takes three characters only with a symbol and a digit', () => {
    expect(isTinyPassword('!12')).toBe(true);
    expect(isTinyPassword('n/a')).toBe(false);
    expect(isTinyPassword('abc')).toBe(false);
  });

  it('decodes only what a JetBrains IDE obfuscated', () => {
    const password = chosen();
    expect(decodeJetBrainsPassword(obfuscate(password))).toBe(password);
    expect(decodeJetBrainsPassword(randomFrom('0123456789abcdef', 40).replace(/^./, '0'))).toBeUndefined();
  });

  it('keeps every password rule tunable and not long-lived', () => {
    const rules = builtinRules.filter((rule) => PASSWORD_RULES.includes(rule.id));
    expect(rules.map((rule) => rule.id).sort()).toEqual([...PASSWORD_RULES].sort());
    for (const rule of rules) expect(rule.longLived, rule.id).toBe(false);
  });
});
