import { rule } from '../build.js';
import { gpgSecretKey, javaKeystore, keepass, opensshBinaryKey, pkcs12, type StoreVerdict } from '../stores/formats.js';
import { dbeaverCredentials, railsMasterKey } from '../stores/paths.js';
import type { FileExamples, Rule, Severity } from '../types.js';
import { isPasswordInPlace } from '../values/passwords.js';

/** crypt(3)-style hashes in full: bcrypt, argon2 (PHC string) and sha256/sha512-crypt. */
const CRYPT_HASH = String.raw`\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}|\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{8,88}\$[A-Za-z0-9+/]{16,128}|\$[56]\$(?:rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}`;

interface StoreInput {
  id: string;
  title: string;
  provider: string;
  severity: Severity;
  format: (content: Buffer) => StoreVerdict | undefined;
  remediation: string;
  fileExamples: FileExamples;
}

/** A file that is itself a credential store, recognised by its bytes whatever it is called: one finding per file. */
function store(input: StoreInput): Rule {
  const { format, ...rest } = input;
  return rule({
    ...rest,
    keywords: [],
    pattern: '',
    longLived: true,
    wholeFile: (content) => {
      const verdict = format(content);
      return verdict?.holds === 'secret' ? verdict.reason : undefined;
    },
  });
}

/** `<hex:n>` filler: the bytes a format does not look at. */
const PKCS12_HEAD = '3082<hex:4>020103308201<hex:2>06092a864886f70d010701a08201<hex:2>048201<hex:2>';
const KEY_BAG = '060b2a864886f70d010c0a0102';

/** Binary keystores and key files: the file's presence is the leak. */
const binaryStoreRules: Rule[] = [
  store({
    id: 'pkcs12-keystore',
    title: 'PKCS#12 keystore with a private key (.p12, .pfx)',
    provider: 'Keystore',
    severity: 'critical',
    format: pkcs12,
    remediation: 'Revoke the certificate and replace the key it holds (a keystore password is no protection once the file is public), then keep keystores out of the repository.',
    fileExamples: {
      positives: [{ path: 'certs/client.p12', hex: `${PKCS12_HEAD}<hex:40>${KEY_BAG}<hex:200>` }, { path: 'assets/logo.bin', hex: `${PKCS12_HEAD}3080${KEY_BAG}<hex:64>` }],
      negatives: [{ path: 'certs/ca.p12', hex: `${PKCS12_HEAD}<hex:200>` }, { path: 'certs/server.der', hex: '30820122300d06092a864886f70d01010105000382010f00<hex:200>' }],
    },
  }),
  store({
    id: 'java-keystore',
    title: 'Java keystore with a private or secret key (JKS, JCEKS)',
    provider: 'Keystore',
    severity: 'critical',
    format: javaKeystore,
    remediation: 'Replace the keys it holds (and their certificates); keystore passwords such as `changeit` protect nothing. Then keep the keystore out of the repository.',
    fileExamples: {
      positives: [{ path: 'app/release.keystore', hex: 'feedfeed000000020000000100000001000772656c65617365<hex:120>' }, { path: 'conf/keys.dat', hex: 'cececece000000020000000100000003000361657300000190<hex:40>' }],
      negatives: [{ path: 'conf/truststore.jks', hex: 'feedfeed00000002000000010000000200026361<hex:16>0005582e35303900000004<hex:8>' }, { path: 'conf/empty.jks', hex: 'feedfeed0000000200000000' }],
    },
  }),
  store({
    id: 'keepass-database',
    title: 'KeePass password database',
    provider: 'KeePass',
    severity: 'high',
    format: keepass,
    remediation: 'Change every password the database holds (its master password can be attacked offline), then keep the database out of the repository.',
    fileExamples: {
      positives: [{ path: 'secrets/team.kdbx', hex: '03d9a29a67fb4bb501000400<hex:200>' }, { path: 'backup/old.bin', hex: '03d9a29a65fb4bb5<hex:120>' }],
      negatives: [{ path: 'secrets/team.kdbx.txt', hex: '03d9a29a00000000<hex:100>' }],
    },
  }),
  store({
    id: 'gpg-secret-key',
    title: 'OpenPGP / GnuPG secret key (binary)',
    provider: 'Private key',
    severity: 'critical',
    format: gpgSecretKey,
    remediation: 'Publish the key\'s revocation certificate and generate a new key; then remove the exported key or keyring from the repository.',
    fileExamples: {
      positives: [
        { path: 'keys/release-signing.gpg', hex: '9503d804<hex:8>01<hex:200>' },
        { path: 'keys/secring', hex: 'c558046<hex:7>16<hex:100>' },
        { path: '.gnupg/private-keys-v1.d/ABCD.key', text: '(21:protected-private-key(3:rsa(1:n257:<b64:40>' },
      ],
      negatives: [{ path: 'keys/release-signing.pub.gpg', hex: '99010d04<hex:8>01<hex:200>' }, { path: 'keys/stub.key', text: '(20:shadowed-private-key(3:rsa(1:n257:<b64:40>' }],
    },
  }),
  store({
    id: 'openssh-binary-private-key',
    title: 'OpenSSH private key in binary form',
    provider: 'Private key',
    severity: 'critical',
    format: opensshBinaryKey,
    remediation: 'Remove the public half from every authorized_keys, deploy key and account that trusts it, then generate a new key.',
    fileExamples: {
      positives: [{ path: 'deploy/id_ed25519.bin', hex: '6f70656e7373682d6b65792d7631000000000a6165733235362d637472<hex:200>' }],
      negatives: [{ path: 'deploy/notes.bin', hex: '6f70656e7373682d6b65792d7632<hex:40>' }],
    },
  }),
  rule({
    id: 'rails-master-key-file',
    title: 'Rails master key file (config/master.key)',
    provider: 'Rails',
    severity: 'critical',
    keywords: [],
    pattern: '',
    longLived: true,
    wholeFile: railsMasterKey,
    revokeUrl: 'https://guides.rubyonrails.org/security.html#custom-credentials',
    remediation: 'Rotate every secret in the encrypted credentials it opens (bin/rails credentials:edit with a new key), then keep master.key out of the repository (it is in the default .gitignore).',
    fileExamples: {
      positives: [{ path: 'config/master.key', text: '<hex:32>' }, { path: 'config/master.key', text: '<hex:32>\n' }, { path: 'config/credentials/production.key', text: '<hex:32>' }],
      negatives: [{ path: 'config/secret.key', text: '<hex:32>' }, { path: 'config/master.key', text: '<hex:40>' }, { path: 'config/master.key', text: 'ab12cd34 is not here' }, { path: 'config/credentials/production.yml.enc', text: '<b64:60>--<b64:16>--<b64:22>==' }],
    },
  }),
  rule({
    id: 'dbeaver-credentials-store',
    title: 'DBeaver saved credentials file (credentials-config.json)',
    provider: 'DBeaver',
    severity: 'high',
    keywords: [],
    pattern: '',
    longLived: true,
    wholeFile: dbeaverCredentials,
    remediation: 'Change every database password and SSH passphrase of the workspace\'s connections (the file\'s key is public), then keep .dbeaver/credentials-config.json out of the repository.',
    fileExamples: {
      positives: [{ path: '.dbeaver/credentials-config.json', hex: '<hex:96>' }, { path: 'DBeaverData/workspace6/General/.dbeaver/credentials-config.json', hex: '<hex:64>' }],
      negatives: [{ path: '.dbeaver/credentials-config.json', text: '{"postgres-jdbc-1":{"#connection":{"user":"app"}}}' }, { path: '.dbeaver/data-sources.bin', hex: '<hex:96>' }, { path: '.dbeaver/credentials-config.json', hex: '<hex:90>' }],
    },
  }),
];

/** Files whose content is the leak: saved logins and salts that tools write in a fixed syntax. */
const textStoreRules: Rule[] = [
  rule({
    id: 'wordpress-auth-salt',
    title: 'WordPress authentication key or salt (wp-config.php)',
    provider: 'WordPress',
    severity: 'high',
    keywords: ['_key\'', '_salt\''],
    pattern: String.raw`define\(\s*'(?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)'\s*,\s*'([^'\\\r\n]{32,100})'\s*\)`,
    validate: (value) => !/unique phrase/i.test(value),
    longLived: true,
    revokeUrl: 'https://api.wordpress.org/secret-key/1.1/salt/',
    remediation: 'Replace all eight keys and salts with fresh ones (api.wordpress.org/secret-key), which signs every user out, then keep wp-config.php out of the repository.',
    examples: {
      positives: ["define( 'AUTH_KEY',         '<b64:40><[!#%&*+,.:;=?@^_|~ -]:4><alnum:20>' );", "define('NONCE_SALT', '<b64:64>');"],
      negatives: ["define( 'AUTH_KEY', 'put your unique phrase here' );", "define( 'AUTH_KEY', '<alnum:10>' );", "define( 'DB_NAME', '<alnum:40>' );"],
    },
  }),
  rule({
    id: 'filezilla-saved-password',
    title: 'FileZilla saved site password',
    provider: 'FileZilla',
    severity: 'high',
    keywords: ['<pass'],
    pattern: String.raw`<Pass(?:[ \t]+encoding="base64")?>([^<\s]{3,300})</Pass>`,
    // FileZilla saved what the user typed: `ExamplePass1` there is a password, not a documentation example.
    storeValue: true,
    validate: (value) => isPasswordInPlace(value, { store: true }),
    longLived: true,
    revokeUrl: 'https://wiki.filezilla-project.org/Site_Manager',
    remediation: 'Change the FTP/SFTP password on the server, then remove sitemanager.xml / recentservers.xml from the repository.',
    examples: {
      positives: ['<Server><Host>ftp.<lower:6>.net</Host><User>deploy</User><Pass encoding="base64"><b64:16>==</Pass></Server>', '<Pass>ftp<digit:3>pw</Pass>', '<Pass>ExamplePas<digit:3></Pass>'],
      negatives: ['<Pass></Pass>', '<Pass>password</Pass>', '<Pass>${FTP_PASSWORD}</Pass>', '<Password>secret</Password>', '<PassiveMode>MODE_DEFAULT</PassiveMode>'],
    },
  }),
  rule({
    id: 'shadow-password-hash',
    title: 'Unix shadow password hash',
    provider: 'Unix accounts',
    severity: 'high',
    keywords: [':$'],
    pattern: String.raw`(?m)^[a-z_][a-z0-9_.-]{0,31}:\$(?:1|5|6|y|gy|7|2[abxy])\$([A-Za-z0-9./$=+-]{8,200}):\d{0,6}:\d{0,6}:`,
    longLived: true,
    remediation: 'Change the account passwords (hashes crack offline), then remove the shadow file from the repository.',
    examples: {
      positives: ['root:$6$<alnum:16>$<crypt:86>:19700:0:99999:7:::', 'deploy:$y$j9T$<crypt:22>$<crypt:43>:19850:0:99999:7:::'],
      negatives: ['root:*:19700:0:99999:7:::', 'daemon:!:19700::::::', 'root:x:0:0:root:/root:/bin/bash'],
    },
  }),
  rule({
    id: 'sql-dump-password-hash',
    title: 'Password hash in a SQL dump row (bcrypt, argon2, sha-crypt)',
    provider: 'Database dump',
    severity: 'medium',
    keywords: ["'$2a$", "'$2b$", "'$2y$", "'$argon2", "'$6$", "'$5$"],
    // A row of `INSERT INTO users ... VALUES` (on its own line in mysqldump's extended inserts, or after VALUES).
    pattern: String.raw`(?im)^[ \t]*(?:INSERT[ \t]+INTO[^\n]{1,300}?VALUES[ \t]*)?\([^\n]{0,400}?'(${CRYPT_HASH})'`,
    // `$argon2id$...` would pass for a `$variable` with the shared placeholder check; the hash's own layout is strict, and
    // only filler (`$2y$10$aaaaaaaa...`) is left out.
    storeValue: true,
    validate: (value) => !/(.)\1{7,}/.test(value),
    longLived: false,
    remediation: 'Force a password reset for the accounts in the dump (hashes crack offline, weak passwords first), then keep database dumps out of the repository.',
    examples: {
      path: 'db/dump.sql',
      positives: [
        "INSERT INTO `users` (`id`, `username`, `password`) VALUES\n\n(1, '<lower:6>', '$2y$12$<[./A-Za-z0-9]:53>', 0),",
        "INSERT INTO users VALUES (7, 'admin', '$argon2id$v=19$m=65536,t=3,p=4$<b64:22>$<b64:43>');",
        "(3, 'ops', '$6$<[./A-Za-z0-9]:16>$<[./A-Za-z0-9]:86>', 1),",
      ],
      negatives: ["-- hash format: '$2y$12$<[./A-Za-z0-9]:53>'", "(1, 'x', '$2y$12$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),", "(1, 'x', '$2y$12$<[./A-Za-z0-9]:20>'),", "$hash = '$2y$12$<[./A-Za-z0-9]:53>';"],
    },
  }),
  rule({
    id: 'firefox-logins-store',
    title: 'Firefox saved logins (logins.json)',
    provider: 'Mozilla Firefox',
    severity: 'high',
    // The user name is encrypted with the same key4.db as the password: both halves of the saved login.
    keywords: ['encryptedpassword', 'encryptedusername'],
    pattern: String.raw`"encrypted(?:Password|Username)"\s*:\s*"(M[A-Za-z0-9+/]{30,600}={0,2})"`,
    longLived: true,
    remediation: 'Change every password saved in that profile (logins.json with key4.db decrypts them), then remove the profile files from the repository.',
    examples: {
      positives: ['{"id":1,"hostname":"https://<lower:8>.example.net","encryptedPassword":"MEIEEPgAAAA<b64:60>="}', '  "encryptedUsername": "MDoEEPgAAAA<b64:40>",'],
      negatives: ['{"encryptedPassword":""}', '{"encryptedPassword":"<b64:10>"}', '{"encryptedUsername":"<b64:10>"}'],
    },
  }),
];

export const storeRules: Rule[] = [...textStoreRules, ...binaryStoreRules];
