import { rule } from '../build.js';
import type { Rule } from '../types.js';

/** Files whose content is the leak: saved logins and salts that tools write in a fixed syntax. */
export const storeRules: Rule[] = [
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
    longLived: true,
    revokeUrl: 'https://wiki.filezilla-project.org/Site_Manager',
    remediation: 'Change the FTP/SFTP password on the server, then remove sitemanager.xml / recentservers.xml from the repository.',
    examples: {
      positives: ['<Server><Host>ftp.<lower:6>.net</Host><User>deploy</User><Pass encoding="base64"><b64:16>==</Pass></Server>', '<Pass>ftp<digit:3>pw</Pass>'],
      negatives: ['<Pass></Pass>', '<Password>secret</Password>', '<PassiveMode>MODE_DEFAULT</PassiveMode>'],
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
      positives: ['root:$6$<alnum:16>$<[A-Za-z0-9./]:86>:19700:0:99999:7:::', 'deploy:$y$j9T$<[A-Za-z0-9./]:22>$<[A-Za-z0-9./]:43>:19850:0:99999:7:::'],
      negatives: ['root:*:19700:0:99999:7:::', 'daemon:!:19700::::::', 'root:x:0:0:root:/root:/bin/bash'],
    },
  }),
  rule({
    id: 'firefox-logins-store',
    title: 'Firefox saved logins (logins.json)',
    provider: 'Mozilla Firefox',
    severity: 'high',
    keywords: ['encryptedpassword'],
    pattern: String.raw`"encryptedPassword"\s*:\s*"(M[A-Za-z0-9+/]{30,600}={0,2})"`,
    longLived: true,
    remediation: 'Change every password saved in that profile (logins.json with key4.db decrypts them), then remove the profile files from the repository.',
    examples: {
      positives: ['{"id":1,"hostname":"https://<lower:8>.example.net","encryptedUsername":"MDoEEPgAAAA<b64:40>","encryptedPassword":"MEIEEPgAAAA<b64:60>="}'],
      negatives: ['{"encryptedPassword":""}', '{"encryptedPassword":"<b64:10>"}'],
    },
  }),
];
