import { rule } from '../build.js';
import { isStructuredJwt, jwtFacts } from '../validators/jwt.js';
import { hasKeyBody, isBase64Block } from '../validators/pem.js';
import type { Rule } from '../types.js';

const KEY_WINDOW = 16384;

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
  }),
  rule({
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    pattern: '(?s)PuTTY-User-Key-File-[23]:.*?Private-Lines:\\s*[0-9]+\\r?\\n([A-Za-z0-9+/=\\r\\n]{40,}?)\\r?\\nPrivate-MAC',
    multilineWindow: KEY_WINDOW,
    validate: isBase64Block,
    longLived: true,
    remediation: 'Remove the public key from every server that trusts it, then generate a new key pair.',
  }),
  // Open-ended parts: JWT payloads run to thousands of characters, past RE2's repeat limit of 1000; still linear.
  rule({
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    severity: 'medium',
    keywords: ['eyj'],
    pattern: '\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,})(?:[^A-Za-z0-9_.-]|$)',
    validate: isStructuredJwt,
    inspect: jwtFacts,
    longLived: true,
    remediation: 'Revoke the session or rotate the signing key at the issuer; tokens without a near `exp` stay valid until then.',
  }),
];
