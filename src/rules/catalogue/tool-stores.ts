import { rule } from '../build.js';
import type { Rule } from '../types.js';
import { isPasswordInPlace } from '../values/passwords.js';

/** What a tool saved where a user typed a password: only templates, stand-ins and references stay out. */
const isSavedPassword = (value: string) => isPasswordInPlace(value, { store: true });
const DB_TOOL_REMEDIATION = 'Change the database password (and any SSH passphrase saved beside it), then keep the tool\'s connection file out of the repository.';

/**
 * Passwords that database and file-transfer tools save in their own files: the file's name says what the field holds,
 * so a word (`mongopass`, `swordfish`) is a password there.
 */
export const toolStoreRules: Rule[] = [
  rule({
    id: 'robo3t-saved-password',
    title: 'Robo 3T / Robomongo saved connection password',
    provider: 'Robo 3T',
    severity: 'high',
    keywords: ['userpassword', 'sshpassphrase'],
    pattern: String.raw`"(?:userPassword|sshUserPassword|sshPassphrase)"[ \t]*:[ \t]*"([^"\\\r\n]{1,200})"`,
    onlyPaths: ['**/robomongo*.json', '**/robo3t*.json', '**/.3T/**/*.json'],
    storeValue: true,
    validate: isSavedPassword,
    longLived: true,
    remediation: DB_TOOL_REMEDIATION,
    examples: {
      path: '.3T/robo-3t/1.4.4/robo3t.json',
      positives: ['{ "credentials": [ { "databaseName": "main", "userName": "app", "userPassword": "<lower:9>" } ] }', '"sshPassphrase" : "Example<digit:3>"'],
      negatives: ['"userPassword" : ""', '"userPassword" : "password"', '"userName" : "<lower:9>"'],
    },
  }),
  rule({
    id: 'dbeaver-saved-password',
    title: 'DBeaver data source saved with a plain password',
    provider: 'DBeaver',
    severity: 'high',
    keywords: ['password'],
    // data-sources.json's `"password": "..."` (saved without the secure storage) and the old XML's `password="..."`.
    pattern: String.raw`(?:\bpassword="|"password"[ \t]*:[ \t]*")([^"\\\r\n]{1,200})"`,
    onlyPaths: ['**/*data-sources*.json', '**/*data-sources*.xml'],
    storeValue: true,
    validate: isSavedPassword,
    longLived: true,
    remediation: DB_TOOL_REMEDIATION,
    examples: {
      path: '.dbeaver/data-sources.json',
      positives: ['"configuration": { "host": "db.internal", "user": "report", "password": "<lower:6><digit:2>" }', '<connection host="localhost" port="1521" user="app" password="<alnum:12>"/>'],
      negatives: ['"configuration": { "user": "report", "password": "" }', '<connection host="localhost" user="app" password="password"/>', '"save-password": true'],
    },
  }),
  rule({
    id: 'jetbrains-deployment-password',
    title: 'JetBrains IDE deployment password (WebServers.xml)',
    provider: 'JetBrains',
    severity: 'high',
    keywords: ['<filetransfer'],
    // The IDE writes the password obfuscated as hex (a fixed, reversible XOR), which is no protection.
    pattern: String.raw`<fileTransfer\b[^>]{0,400}?\bpassword=["]([0-9a-f]{8,1000})["]`,
    longLived: true,
    remediation: 'Change the FTP/SFTP password on the server, then keep .idea/WebServers.xml out of the repository (the IDE\'s password safe keeps it out of project files).',
    examples: {
      positives: ['<fileTransfer host="ftp.<lower:6>.net" port="21" password="<hex:48>" username="deploy">'],
      negatives: ['<fileTransfer host="ftp.<lower:6>.net" port="21" username="deploy">', '<fileTransfer host="h" password="" username="deploy">'],
    },
  }),
  rule({
    id: 'ftp-client-config-password',
    title: 'Password or key passphrase in an editor\'s FTP/SFTP config (.ftpconfig, sftp-config.json)',
    provider: 'FTP clients',
    severity: 'high',
    keywords: ['"pass'],
    pattern: String.raw`"(?:pass|password|passphrase)"[ \t]*:[ \t]*"([^"\\\r\n]{1,200})"`,
    onlyPaths: ['**/.ftpconfig', '**/sftp-config.json', '**/.vscode/sftp.json', '**/.remote-sync.json'],
    storeValue: true,
    validate: isSavedPassword,
    longLived: true,
    remediation: 'Change the server password or the key\'s passphrase, then keep the FTP config out of the repository.',
    examples: {
      path: '.ftpconfig',
      positives: ['{ "host": "example.com", "user": "root", "pass": "<lower:8><digit:2>" }', '  "passphrase": "<lower:9>",'],
      negatives: ['  "passphrase": "",', '  "pass": "password",', '  "promptForPass": false,'],
    },
  }),
];
