import { rule } from '../build.js';
import { isStructuredJwt, jwtFacts } from '../validators/jwt.js';
import { hasKeyBody, isBase64Block } from '../validators/pem.js';
import type { Rule } from '../types.js';

const KEY_WINDOW = 16384;

/** `count` lines of a key body in the shape notation, each passed through `wrap` (quoted for code), joined by `join`. */
const body = (count: number, wrap = (line: string) => line, join = '\n') => Array.from({ length: count }, () => wrap('<b64:64>')).join(join);
/** A token in the example notation: the header and claims (JSON) encoded by the test, then a random signature. */
const jwt = (claims: string, header = '{"alg":"RS256","typ":"JWT"}') => `{{base64url:${header}:base64url}}.{{base64url:${claims}:base64url}}.<b64url:43>`;

export const keyRules: Rule[] = [
  rule({
    id: 'private-key',
    title: 'Private key (PEM)',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['private key-----'],
    pattern: '(-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |)PRIVATE KEY-----(?s:.){64,}?-----END (?:RSA |EC |DSA |ENCRYPTED |)PRIVATE KEY-----)',
    multilineWindow: KEY_WINDOW,
    validate: hasKeyBody,
    longLived: true,
    remediation: 'Treat the key as compromised: revoke or replace it wherever it is trusted (certificates, deploy keys, GitHub App keys), then remove it from history.',
    examples: {
      positives: [
        `-----BEGIN RSA PRIVATE KEY-----\n${body(25)}\n-----END RSA PRIVATE KEY-----\n`,
        '-----BEGIN EC PRIVATE KEY-----\n<b64:64>\n<b64:64>\n<b64:32>\n-----END EC PRIVATE KEY-----',
        `"key": "-----BEGIN PRIVATE KEY-----\\n${body(19, undefined, '\\n')}\\n-----END PRIVATE KEY-----\\n"`,
        // Split across string concatenation: JavaScript, Java, Python, Go, C#, PHP.
        `const key = "-----BEGIN RSA PRIVATE KEY-----\\n" +\n${body(12, (l) => `  "${l}\\n" +`, '\n')}\n  "-----END RSA PRIVATE KEY-----";`,
        `String key = "-----BEGIN PRIVATE KEY-----" +\n${body(12, (l) => `    "${l}" +`, '\n')}\n    "-----END PRIVATE KEY-----";`,
        `KEY = (\n    "-----BEGIN RSA PRIVATE KEY-----\\n"\n${body(12, (l) => `    "${l}\\n"`, '\n')}\n    "-----END RSA PRIVATE KEY-----\\n"\n)`,
        `const key = "-----BEGIN EC PRIVATE KEY-----\\n" +\n${body(3, (l) => `\t"${l}\\n" +`, '\n')}\n\t"-----END EC PRIVATE KEY-----\\n"`,
        `var pem = "-----BEGIN RSA PRIVATE KEY-----" + Environment.NewLine +\n${body(12, (l) => `    "${l}" + Environment.NewLine +`, '\n')}\n    "-----END RSA PRIVATE KEY-----";`,
        `$key = '-----BEGIN PRIVATE KEY-----' .\n${body(12, (l) => `  '${l}' .`, '\n')}\n  '-----END PRIVATE KEY-----';`,
      ],
      negatives: [
        `-----BEGIN PUBLIC KEY-----\n${body(7)}\n-----END PUBLIC KEY-----`,
        '-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----',
        '-----BEGIN PRIVATE KEY-----\n<b64:30>\n-----END PRIVATE KEY-----',
        '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----\n',
        'const key = "-----BEGIN RSA PRIVATE KEY-----\\n" + keyBody + "\\n-----END RSA PRIVATE KEY-----";',
        `const key = "-----BEGIN PRIVATE KEY-----\\n" +\n  lines.join("\\n") + "<b64:64>" +\n  "\\n-----END PRIVATE KEY-----";`,
      ],
    },
  }),
  rule({
    id: 'openssh-private-key',
    title: 'OpenSSH private key',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['-----begin openssh private key-----'],
    pattern: '(-----BEGIN OPENSSH PRIVATE KEY-----(?s:.){64,}?-----END OPENSSH PRIVATE KEY-----)',
    multilineWindow: KEY_WINDOW,
    validate: hasKeyBody,
    longLived: true,
    remediation: 'Remove the public half from every authorized_keys, deploy key and account that trusts it, then generate a new key.',
    examples: {
      positives: [`-----BEGIN OPENSSH PRIVATE KEY-----\n${body(7)}\n-----END OPENSSH PRIVATE KEY-----`],
      negatives: [`-----BEGIN OPENSSH PUBLIC KEY-----\n${body(7)}\n-----END OPENSSH PUBLIC KEY-----`],
    },
  }),
  rule({
    id: 'pgp-private-key-block',
    title: 'PGP private key block',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['-----begin pgp private key block-----'],
    pattern: '(-----BEGIN PGP PRIVATE KEY BLOCK-----(?s:.){64,}?-----END PGP PRIVATE KEY BLOCK-----)',
    multilineWindow: 24576,
    validate: hasKeyBody,
    longLived: true,
    remediation: 'Publish a revocation certificate for the key, then generate a new one.',
    examples: {
      positives: [`-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n${body(32)}\n=<b64:4>\n-----END PGP PRIVATE KEY BLOCK-----`],
      negatives: [`-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${body(32)}\n-----END PGP PUBLIC KEY BLOCK-----`],
    },
  }),
  rule({
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    pattern: String.raw`(?s)PuTTY-User-Key-File-[23]:.*?Private-Lines:\s*[0-9]+\r?\n([A-Za-z0-9+/=\r\n]{40,}?)\r?\nPrivate-MAC`,
    multilineWindow: KEY_WINDOW,
    validate: isBase64Block,
    longLived: true,
    remediation: 'Remove the public key from every server that trusts it, then generate a new key pair.',
    examples: {
      positives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n<b64:64>\n<b64:20>\nPrivate-Lines: 1\n<b64:44>\nPrivate-MAC: <hex:64>'],
      negatives: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPublic-Lines: 1\n<b64:64>'],
    },
  }),
  // Open-ended parts: JWT payloads run to thousands of characters, past RE2's repeat limit of 1000; still linear.
  rule({
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: String.raw`\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?:[^A-Za-z0-9_.-]|$)`,
    validate: isStructuredJwt,
    inspect: jwtFacts,
    longLived: true,
    remediation: 'Revoke the session or rotate the signing key at the issuer; tokens without a near `exp` stay valid until then.',
    examples: {
      positives: [
        `const session = "${jwt('{"sub":"user-1","iat":1767225600,"exp":1798761600,"iss":"https://auth.example.net"}')}";`,
        `Authorization: Bearer ${jwt('{"iss":"https://issuer.example.net","iat":1767225600,"exp":1767229200}')}`,
      ],
      negatives: [
        'const session = "eyJ<alnum:30>.eyJ<alnum:30>.<alnum:30>";',
        // jwt.io's own example, an unsigned token, and a header with no claims part.
        `const SAMPLE_JWT = "${jwt('{"sub":"1234567890","name":"John Doe","iat":1516239022}', '{"alg":"HS256","typ":"JWT"}')}";`,
        `const session = "${jwt('{"sub":"user-1"}', '{"alg":"none"}')}";`,
        'const session = "eyJhbGciOiJIUzI1NiJ9.<alnum:30>.<alnum:30>";',
      ],
    },
  }),
];
