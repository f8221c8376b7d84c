import { rule } from '../build.js';
import type { Rule } from '../types.js';

const SALT = String.raw`[./A-Za-z0-9]`;
/**
 * Password hashes in their full crypt(3) / hashcat layouts: bcrypt, md5-crypt, sha256/sha512-crypt, Cisco type 8 and
 * 9, and Kerberos AS-REP / TGS-REP replies. Each is a password waiting to be cracked offline, weak ones in seconds.
 */
const PASSWORD_HASH = [
  String.raw`\$2[abxy]\$\d{2}\$${SALT}{53}`,
  String.raw`\$1\$${SALT}{1,8}\$${SALT}{22}`,
  String.raw`\$5\$(?:rounds=\d{1,9}\$)?${SALT}{1,16}\$${SALT}{43}`,
  String.raw`\$6\$(?:rounds=\d{1,9}\$)?${SALT}{1,16}\$${SALT}{86}`,
  String.raw`\$[89]\$${SALT}{14}\$${SALT}{43}`,
  String.raw`\$krb5asrep\$(?:17|18|23)\$(?:[^$:\s]{1,128}:)?[a-f0-9]{24,32}\$[a-f0-9]{64}[a-f0-9]*`,
  String.raw`\$krb5tgs\$(?:17|18|23)\$\*[^*\s]{1,256}\*\$[a-f0-9]{24,32}\$[a-f0-9]{64}[a-f0-9]*`,
].join('|');

/**
 * A hash shown as a REPL's or a document's output (`=> "$2a$04$..."`, `# => ...`) illustrates a library; the same
 * hash in a value, a list or a file of its own was stored from a real password.
 */
function storedHash(_hash: string, before: string): boolean {
  if (/=>\s*["']?$/.test(before)) return false;
  // A shadow file's line is shadow-password-hash's finding.
  if (/^[a-z_][a-z0-9_.-]{0,31}:$/.test(before)) return false;
  return !/^\s*(?:#|\/\/|\/?\*|--|;)/.test(before);
}

export const hashRules: Rule[] = [
  rule({
    id: 'password-hash',
    title: 'Password hash (bcrypt, crypt(3), Cisco type 8/9, Kerberos AS-REP/TGS-REP)',
    provider: 'Password hashes',
    severity: 'medium',
    keywords: ['$2a$', '$2b$', '$2x$', '$2y$', '$1$', '$5$', '$6$', '$8$', '$9$', '$krb5asrep$', '$krb5tgs$'],
    pattern: String.raw`(?m)^[^\n]{0,200}?(?:^|[^A-Za-z0-9./$])(${PASSWORD_HASH})(?:[^./A-Za-z0-9$]|$)`,
    // The hash's own layout is strict; filler (`$2y$10$aaaaaaaa...`) is left out.
    storeValue: true,
    validate: (value) => !/(.)\1{7,}/.test(value),
    validateInMatch: (value, before) => storedHash(value, before),
    longLived: false,
    remediation: 'Change the password behind the hash (and force resets for every account in the list): hashes crack offline, weak passwords first. Then remove it from the repository.',
    examples: {
      positives: [
        '$2a$12$<[./A-Za-z0-9]:53>',
        'admin_hash: "$2b$10$<[./A-Za-z0-9]:53>"',
        '$1$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:22>',
        '$5$rounds=5000$<[./A-Za-z0-9]:16>$<[./A-Za-z0-9]:43>',
        "ops = '$6$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:86>'",
        'enable secret 8 $8$<[./A-Za-z0-9]:14>$<[./A-Za-z0-9]:43>',
        '$krb5asrep$23$<lower:5>@<lower:6>.local:<hex:32>$<hex:120>',
        '$krb5tgs$23$*svc_sql$CORP.LOCAL$MSSQLSvc/db01*$<hex:32>$<hex:200>',
      ],
      negatives: [
        '$2y$12$aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        '$2a$12$<[./A-Za-z0-9]:30>',
        '    user.password_digest # => "$2a$04$<[./A-Za-z0-9]:53>"',
        '=> "$2a$04$<[./A-Za-z0-9]:53>"',
        '# format: $6$<[./A-Za-z0-9]:8>$<[./A-Za-z0-9]:86>',
        'price: $1$<digit:4>',
      ],
    },
  }),
];
