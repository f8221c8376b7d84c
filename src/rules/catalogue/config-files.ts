import { rule } from '../build.js';
import { ASSIGN_OPERATOR } from '../shape.js';
import type { Rule } from '../types.js';
import { isSecretEntry } from '../validators/encoded.js';
import { rejectGenericValue } from '../values/generic.js';
import { isPasswordInPlace } from '../values/passwords.js';

/** JetBrains' old project-file obfuscation (`PasswordUtil`): each character XOR 0xdfaa, as four hex digits. */
const JETBRAINS_XOR = 0xdfaa;

/** The password a JetBrains IDE obfuscated, or undefined when the hex does not decode to printable text. */
export function decodeJetBrainsPassword(hex: string): string | undefined {
  if (!/^(?:[0-9a-f]{4})+$/.test(hex)) return undefined;
  const chars = (hex.match(/.{4}/g) ?? []).map((group) => Number.parseInt(group, 16) ^ JETBRAINS_XOR);
  return chars.every((code) => code >= 0x20 && code < 0x7f) ? String.fromCharCode(...chars) : undefined;
}

/** A data source's saved password: obfuscated hex that decodes to one, or a plain driver property's value. */
function isDataSourcePassword(value: string): boolean {
  const decoded = /^[0-9a-f]+$/.test(value) ? decodeJetBrainsPassword(value) : undefined;
  return isPasswordInPlace(decoded ?? value, { store: true });
}

export const configFileRules: Rule[] = [
  // A value opening with `${` is template interpolation, whose `${expr}` may hold spaces the value stops at.
  rule({
    id: 'netrc-password',
    title: 'Password in a .netrc entry',
    provider: 'netrc',
    severity: 'high',
    keywords: ['machine'],
    pattern: String.raw`(?i)\bmachine\s+[^\s]+\s+(?:port\s+\S+\s+)?login\s+[^\s]+\s+password\s+((?:[^\s$]|\$[^{\s])[^\s]{3,255})`,
    multilineWindow: 1024,
    longLived: true,
    remediation: 'Change the password or token for that host, then keep .netrc out of the repository.',
    examples: {
      positives: ['machine api.example.net\n  login deploy\n  password <alnum:24>\n'],
      negatives: ['machine api.example.net\n  login deploy\n', 'machine api.example.net login deploy password ${NETRC_PASSWORD}', 'machine api.example.net login deploy password ${secrets.get("netrc password")}'],
    },
  }),
  rule({
    id: 'pgpass-entry',
    title: 'Password in a .pgpass entry',
    provider: 'PostgreSQL',
    severity: 'high',
    keywords: [':5432:', ':5433:', ':6432:', ':*:'],
    pattern: String.raw`(?m)^[^:\s#]+:(?:5432|5433|6432|\*):[^:\s]+:[^:\s]+:([^:\s]{4,256})\r?$`,
    longLived: true,
    remediation: 'Change the database password, then keep .pgpass out of the repository.',
    examples: { positives: ['db.internal:5432:app:app_user:<alnum:20>'], negatives: ['db.internal:5432:app:app_user'] },
  }),
  rule({
    id: 'kubernetes-secret-data',
    title: 'Kubernetes Secret with data values',
    provider: 'Kubernetes',
    severity: 'high',
    keywords: ['kind: secret'],
    pattern: String.raw`(?is)kind:\s*Secret\b.*?\n(?:data|stringData):[ \t]*\r?\n[ \t]+[A-Za-z0-9._-]+:[ \t]*["']?([A-Za-z0-9+/=_.-]{12,1000})`,
    multilineWindow: 4096,
    entropy: 3,
    validate: isSecretEntry,
    longLived: true,
    remediation: 'Rotate what the Secret holds, then manage it with External Secrets, Sealed Secrets or SOPS instead of committing plain manifests.',
    examples: {
      positives: ['apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  password: {{base64:<alnum:24>:base64}}\n'],
      negatives: ['apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  mode: production\n', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\n'],
    },
  }),
  rule({
    id: 'sops-plaintext-value',
    title: 'Plain secret in a SOPS-encrypted file',
    provider: 'SOPS',
    severity: 'high',
    keywords: ['enc[aes256_gcm,', 'enc[pkcs7,', 'enc[gpg,', 'enc[kms,'],
    // SOPS encrypts every value (`key: ENC[AES256_GCM,data:...]`); a plain value under a secret's name further down the
    // same file was added after encryption or left out by an `encrypted_regex`, and is committed in the clear. Values
    // holding `[` (another ENC[...]) and names ending `_unencrypted` (SOPS' own opt-out suffix) stay out.
    pattern: String.raw`(?im)ENC\[(?:AES256_GCM|PKCS7|GPG|KMS),[^\n]*\n(?:[^\n]*\n){0,60}?[ \t]*["']?[\w.-]{0,40}(?:password|passwd|secret|token|api_?key|private_?key|credentials?)["']?[ \t]*[:=][ \t]*["']?([^\s"'\[\]{}|>#][^\s"'\[\]]{2,199})["']?[ \t]*(?:#[^\n]*)?$`,
    multilineWindow: 8192,
    validate: (value) => {
      const reason = rejectGenericValue(value, 3);
      return reason === undefined || (isPasswordInPlace(value) && reason !== 'path or URL' && reason !== 'file name');
    },
    longLived: true,
    remediation: 'Rotate the secret, then encrypt it with sops (check .sops.yaml\'s encrypted_regex) instead of committing it in the clear.',
    examples: {
      path: 'deploy/secrets.enc.yaml',
      positives: ['db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\nnoncompliant:\n  password: <lower:9>-<lower:6>-<lower:5><digit:1>'],
      negatives: ['db:\n  password: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  api_token: ENC[AES256_GCM,data:<b64:20>,iv:<b64:43>=,tag:<b64:22>==,type:str]', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password_unencrypted: <lower:9><digit:2>', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password: ${DB_PASSWORD}', 'password: <lower:9>-<lower:6>-<lower:5><digit:1>', 'db:\n  user: ENC[AES256_GCM,data:<b64:12>,iv:<b64:43>=,tag:<b64:22>==,type:str]\n  password_file: /run/secrets/db'],
    },
  }),
  rule({
    id: 'htpasswd-hash',
    title: 'Password hash in an htpasswd file',
    provider: 'Apache',
    severity: 'medium',
    keywords: ['$apr1$', '$2y$'],
    pattern: String.raw`(?m)^[A-Za-z0-9._-]{1,64}:\$(?:apr1|2y)\$([./A-Za-z0-9$]{20,80})\r?$`,
    longLived: true,
    remediation: 'Change the password (hashes are crackable offline), then keep htpasswd files out of the repository.',
    examples: { positives: ['admin:$apr1$<alnum:8>$<crypt:22>', 'admin:$apr1$<alnum:8>$<crypt:22>\r\n'], negatives: ['admin:'] },
  }),
  rule({
    id: 'private-key-passphrase',
    title: 'Key store or key passphrase in config',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['passphrase', 'storepass', 'keypass', 'store_password', 'storepassword', 'keypassword', 'key_password'],
    pattern: String.raw`(?i)(?:passphrase|storepass(?:word)?|keypass(?:word)?|store_password|key_password)["']?\s*${ASSIGN_OPERATOR}\s*["']([^"'\s]{6,128})["']`,
    entropy: 2.5,
    longLived: true,
    remediation: 'Change the passphrase, re-encrypt the key store, and read the passphrase from a secret store.',
    examples: { positives: ['const keystorePassphrase = "<alnum:16>9!";'], negatives: ['const keystorePassphrase = "${KEYSTORE_PASS}";'] },
  }),
  rule({
    id: 'jetbrains-datasource-password',
    title: 'JetBrains IDE data source saved with its password (.idea/dataSources*.xml)',
    provider: 'JetBrains',
    severity: 'high',
    keywords: ['<user-password>', 'name="password"'],
    // Older IDEs kept the database password in the project as `<user-password>` in the obfuscation above, which anyone
    // reverses; any IDE keeps a `password` driver property (`<property name="password" value="..."/>`) in plain text.
    // Today's IDEs keep the password itself in the OS keychain (`<secret-storage>master_key</secret-storage>`).
    pattern: String.raw`(?:<user-password>|<property[ \t]+name="password"[ \t]+value=")([^"<\s]{3,800})`,
    onlyPaths: ['**/dataSources*.xml', '**/dataSources.ids', '**/dataSources/*.xml'],
    storeValue: true,
    validate: isDataSourcePassword,
    longLived: true,
    remediation: 'Change the database password, then keep .idea/dataSources.local.xml out of the repository and let the IDE keep passwords in its password safe.',
    examples: {
      path: '.idea/dataSources.local.xml',
      positives: ['      <user-name>app</user-name>\n      <user-password>dfcbdfcedfc7dfc3dfc4df9bdf98df99df8b</user-password>', '<driver-properties>\n  <property name="password" value="<alnum:10><digit:2>" />\n</driver-properties>'],
      negatives: ['      <secret-storage>master_key</secret-storage>\n      <user-name>app</user-name>', '      <user-password></user-password>', '  <property name="password" value="${DB_PASSWORD}" />', '      <user-password>dfdadfcbdfd9dfd9dfdddfc5dfd8dfce</user-password>'],
    },
  }),
];
