import { createHash } from 'node:crypto';
import { ALNUM, BASE64, DIGITS, HEX, LOWER, LOWER_ALNUM, UPPER_ALNUM, type Random } from './prng.js';

/** Values that sit where secrets sit but are not secrets: each is written with the file's own assignment syntax. */
export interface ValueDecoy {
  what: string;
  name: string;
  value: (r: Random) => string;
}

const sha1 = (r: Random) => createHash('sha1').update(r.string(ALNUM, 20)).digest('hex');
const sha256 = (r: Random) => createHash('sha256').update(r.string(ALNUM, 20)).digest('hex');
const sha512b64 = (r: Random) => createHash('sha512').update(r.string(ALNUM, 20)).digest('base64');
/** The token shown on jwt.io, assembled here so no token-shaped literal sits in the repository. */
const jwtIoExample = () => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`;
};
const uuid = (r: Random) => `${r.string(HEX, 8)}-${r.string(HEX, 4)}-4${r.string(HEX, 3)}-a${r.string(HEX, 3)}-${r.string(HEX, 12)}`;

export const valueDecoys: ValueDecoy[] = [
  { what: 'AWS documentation key id', name: 'AWS_ACCESS_KEY_ID', value: () => 'AKIAIOSFODNN7EXAMPLE' },
  { what: 'AWS documentation secret', name: 'AWS_SECRET_ACCESS_KEY', value: () => 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  { what: 'x-filled GitHub token', name: 'GH_TOKEN', value: () => `ghp_${'x'.repeat(36)}` },
  { what: 'x-filled Stripe key', name: 'STRIPE_SECRET_KEY', value: () => `sk_live_${'x'.repeat(24)}` },
  { what: 'angle-bracket placeholder', name: 'API_KEY', value: () => '<your-api-key>' },
  { what: 'angle-bracket token placeholder', name: 'SLACK_BOT_TOKEN', value: () => '<your-token>' },
  { what: 'shell variable', name: 'DB_PASSWORD', value: () => '${DB_PASSWORD}' },
  { what: 'Helm template', name: 'API_TOKEN', value: () => '{{ .Values.apiToken }}' },
  { what: 'changeme', name: 'ADMIN_PASSWORD', value: () => 'changeme' },
  { what: 'your_..._here', name: 'SECRET_KEY_BASE', value: () => 'your_secret_key_here' },
  { what: 'masked value', name: 'SMTP_PASSWORD', value: () => '********' },
  { what: 'REDACTED', name: 'AUTH_TOKEN', value: () => 'REDACTED' },
  { what: 'empty value', name: 'SERVICE_TOKEN', value: () => '' },
  { what: 'secret store path', name: 'DB_SECRET_NAME', value: () => 'prod/payments/api-key' },
  { what: 'token endpoint URL', name: 'TOKEN_URL', value: () => 'https://oauth2.googleapis.com/token' },
  { what: 'key file path', name: 'PRIVATE_KEY_PATH', value: () => '/etc/ssl/private/server.key' },
  { what: 'token lifetime', name: 'TOKEN_EXPIRY_SECONDS', value: (r) => String(r.pick([300, 900, 3600, 86400])) },
  { what: 'UUID request id', name: 'REQUEST_ID', value: uuid },
  { what: 'git commit SHA', name: 'COMMIT_SHA', value: sha1 },
  { what: 'release checksum', name: 'RELEASE_SHA256', value: sha256 },
  { what: 'header name', name: 'API_KEY_HEADER', value: () => 'X-API-Key' },
  { what: 'password field name', name: 'PASSWORD_FIELD', value: () => 'password' },
  { what: 'dotted config key', name: 'SIGNING_KEY_NAME', value: () => 'my.application.signing.key' },
  { what: 'elided Stripe key', name: 'STRIPE_KEY', value: () => 'sk_live_...' },
  { what: 'vault reference', name: 'DB_PASSWORD', value: (r) => `vault:secret/data/${r.pick(['db', 'api'])}#password` },
  { what: 'password-free local URL', name: 'DATABASE_URL', value: (r) => `postgres://app@localhost:5432/${r.pick(['app', 'test'])}` },
  { what: 'URL with a templated password', name: 'DATABASE_URL', value: () => 'postgres://app:${DB_PASSWORD}@db.internal:5432/app' },
  { what: 'local redis', name: 'REDIS_URL', value: () => 'redis://localhost:6379/0' },
  { what: 'CSS colour', name: 'BRAND_COLOR', value: (r) => `#${r.string(HEX, 6)}` },
  { what: 'second AWS documentation key id', name: 'AWS_ACCESS_KEY_ID', value: () => 'AKIAI44QH8DHBEXAMPLE' },
  { what: 'Stripe publishable key (public by design)', name: 'STRIPE_PUBLISHABLE_KEY', value: (r) => `pk_live_${r.string(ALNUM, 24)}` },
  { what: 'bcrypt hash of a seed user', name: 'ADMIN_PASSWORD_HASH', value: (r) => `$2b$12$${r.string(ALNUM + './', 53)}` },
  { what: 'jwt.io documentation token', name: 'SAMPLE_JWT', value: () => jwtIoExample() },
  { what: 'SNS topic ARN', name: 'EVENT_TOPIC_ARN', value: (r) => `arn:aws:sns:eu-west-1:${r.string(DIGITS, 12)}:orders` },
  { what: 'analytics property id', name: 'TRACKING_ID', value: (r) => `G-${r.string(UPPER_ALNUM, 10)}` },
  { what: 'storage key prefix', name: 'STORAGE_KEY', value: (r) => `app:${r.pick(['cart', 'session', 'prefs'])}:v${r.int(5)}` },
  { what: 'camelCase identifier', name: 'TOKEN_STRATEGY', value: () => 'refreshTokenRotation' },
  { what: 'feature flag', name: 'PASSWORD_POLICY', value: () => 'strong' },
];

/** Lines of code in one language that mention secrets without holding one. */
export const codeDecoys: Record<string, ((r: Random) => string[])[]> = {
  typescript: [
    () => ['const passwordResetToken = generateToken();'],
    () => ['const password = req.body.password;'],
    () => ["if (token === undefined) throw new Error('token required');"],
    () => ["it('rejects an expired refresh token', async () => {", '  await expect(refresh(expired)).rejects.toThrow();', '});'],
    (r) => [`const cacheKey = \`session:\${userId}:${r.string(LOWER, 6)}\`;`],
    // Seen as false alarms in real dependency code scanned by the benchmark corpus.
    () => ["const USE_CREDENTIALS = 'use-credentials';"], // keyward:allow (a decoy: must not be reported)
    () => ['if (keywordsBeforeRegex.test(lastSignificantToken)) lastSignificantToken = "?NoLineTerminatorHere";'], // keyward:allow (a decoy: must not be reported)
    () => ['/**', ' * Never hard-code a token:', ' *   const apiToken = "abc123xyz456";', ' */'], // keyward:allow (a decoy: must not be reported)
    (r) => [`const componentId = 'cmp_${r.string(ALNUM, 10)}';`],
    (r) => [`element.dataset.testid = '${r.string(LOWER_ALNUM, 12)}';`],
    (r) => [`const tokenizer = new Tokenizer({ vocabulary: '${r.string(LOWER, 8)}' });`],
    () => ["const headers = { Authorization: `Bearer ${await getAccessToken()}` };"],
    (r) => [`const icon = 'data:image/png;base64,${r.string(BASE64, 180)}';`],
  ],
  python: [
    () => ['def test_password_reset_sends_email(client, mailbox):'],
    () => ['password = getpass.getpass("Password: ")'],
    () => ['password = input("Password: ")'],
    () => ['AUTH_BACKEND_TOKEN_TYPE = "refresh-token-rotation"'], // keyward:allow (a decoy: must not be reported)
    () => ['token = request.headers.get("Authorization", "").removeprefix("Bearer ")'],
    () => ['api_key = os.environ.get("PAYMENTS_API_KEY")'],
    () => ['SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]'],
    (r) => [`hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(${r.between(10, 14)}))`],
  ],
  go: [
    () => ['password := r.FormValue("password")'],
    () => ['func TestPasswordResetExpires(t *testing.T) {', '\tt.Parallel()', '}'],
    () => ['token, err := oauth2Config.Exchange(ctx, code)'],
    (r) => [`const userAgent = "acme-${r.string(LOWER, 5)}/1.${r.int(20)}"`],
  ],
  java: [
    () => ['        String password = request.getParameter("password");'],
    () => ['    @Test', '    void passwordResetTokenExpiresAfterOneHour() {', '    }'],
    () => ['        char[] secret = console.readPassword("Secret: ");'],
  ],
  markdown: [
    () => ['Use the key `AKIAIOSFODNN7EXAMPLE` with the secret `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` from the AWS docs to try the CLI.'],
    () => ['```sh', 'curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.net/v1/orders', '```'],
    () => ['Tokens look like `ghp_` followed by 36 characters; never paste one here.'],
    (r) => [`![diagram](data:image/png;base64,${r.string(BASE64, 240)})`],
  ],
  shell: [
    () => ['read -rsp "Password: " DB_PASSWORD'],
    () => ['TOKEN="$(vault kv get -field=token secret/ci)"'],
    () => ['aws configure set aws_access_key_id "$AWS_ACCESS_KEY_ID"'],
  ],
  workflow: [
    (r) => [`      IMAGE: ghcr.io/acme/api@sha256:${sha256(r)}`],
    () => ['      NPM_TOKEN: ${{ secrets.NPM_TOKEN }}'],
    () => ['      GITHUB_TOKEN: ${{ github.token }}'],
  ],
  kubernetes: [
    (r) => ['            - name: CONFIG_CHECKSUM', `              value: "${sha256(r)}"`],
    (r) => ['            - name: POD_UID', `              value: "${uuid(r)}"`],
  ],
  json: [() => ['    "passport-local": "passport-local",'], () => ['    "tokenEndpointAuthMethod": "client-secret-basic",']], // keyward:allow (a decoy: must not be reported)
  dockerfile: [(r) => [`FROM ghcr.io/acme/base@sha256:${sha256(r)}`], () => ['RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci']],
  terraform: [
    () => ['  password = random_password.db.result'],
    () => ['  token    = data.vault_generic_secret.ci.data["token"]'],
    (r) => [`  ami = "ami-${r.string(HEX, 17)}"`],
  ],
};

/** Whole files that are nothing but hashes, keys meant to be public and encoded assets. */
export interface FileDecoy {
  what: string;
  path: (i: number) => string;
  content: (r: Random) => string;
}

const pkg = (r: Random) => `${r.pick(['left', 'right', 'fast', 'tiny', 'deep', 'safe'])}-${r.string(LOWER, 5)}`;
const pem = (label: string, r: Random, lines: number) => [`-----BEGIN ${label}-----`, ...Array.from({ length: lines }, () => r.string(BASE64, 64)), `${r.string(BASE64, 40)}==`, `-----END ${label}-----`].join('\n');

export const fileDecoys: FileDecoy[] = [
  {
    what: 'package-lock.json integrity hashes',
    path: (i) => `apps/web-${i}/package-lock.json`,
    content: (r) => {
      const packages: Record<string, object> = { '': { name: 'web', version: '1.0.0' } };
      for (let i = 0; i < 60; i++) {
        const name = pkg(r);
        packages[`node_modules/${name}`] = { version: `${r.int(9)}.${r.int(20)}.${r.int(9)}`, resolved: `https://registry.npmjs.org/${name}/-/${name}-1.0.0.tgz`, integrity: `sha512-${sha512b64(r)}`, license: 'MIT' };
      }
      return JSON.stringify({ name: 'web', lockfileVersion: 3, requires: true, packages }, null, 2) + '\n';
    },
  },
  {
    what: 'yarn.lock',
    path: (i) => `apps/admin-${i}/yarn.lock`,
    content: (r) => {
      const out = ['# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.', '# yarn lockfile v1', ''];
      for (let i = 0; i < 50; i++) {
        const name = pkg(r);
        out.push(`${name}@^1.0.0:`, `  version "1.${r.int(9)}.0"`, `  resolved "https://registry.yarnpkg.com/${name}/-/${name}-1.0.0.tgz#${sha1(r)}"`, `  integrity sha512-${sha512b64(r)}`, '');
      }
      return out.join('\n');
    },
  },
  {
    what: 'go.sum',
    path: (i) => `tools/cli-${i}/go.sum`,
    content: (r) => {
      const out: string[] = [];
      for (let i = 0; i < 60; i++) {
        const mod = `github.com/${r.string(LOWER, 6)}/${r.string(LOWER, 8)} v1.${r.int(20)}.${r.int(9)}`;
        out.push(`${mod} h1:${r.string(BASE64, 43)}=`, `${mod}/go.mod h1:${r.string(BASE64, 43)}=`);
      }
      return out.join('\n') + '\n';
    },
  },
  {
    what: 'Cargo.lock checksums',
    path: (i) => `crates/engine-${i}/Cargo.lock`,
    content: (r) => {
      const out = ['# This file is automatically @generated by Cargo.', 'version = 3', ''];
      for (let i = 0; i < 40; i++) out.push('[[package]]', `name = "${r.string(LOWER, 7)}"`, `version = "0.${r.int(30)}.${r.int(9)}"`, 'source = "registry+https://github.com/rust-lang/crates.io-index"', `checksum = "${sha256(r)}"`, '');
      return out.join('\n');
    },
  },
  {
    what: 'minified JavaScript bundle',
    path: (i) => `public/assets/app-${i}.min.js`,
    content: (r) => {
      const parts: string[] = ['!function(){"use strict";'];
      for (let i = 0; i < 400; i++) {
        const id = r.string(LOWER, 1) + r.string(LOWER_ALNUM, r.between(0, 2));
        parts.push(r.pick([`var ${id}="${r.string(ALNUM, r.between(8, 40))}";`, `function ${id}(t,e){return t.token===e||"${r.string(HEX, 32)}"}`, `${id}.key="${r.string(ALNUM + '_', 24)}";`, `${id}.apiKey=t.apiKey||"";`]));
      }
      return parts.join('') + '}();\n';
    },
  },
  {
    what: 'HTML with inline base64 images and colours',
    path: (i) => `public/email-${i}.html`,
    content: (r) => `<html><head><style>body { color: #${r.string(HEX, 6)}; background: #${r.string(HEX, 6)}; }</style></head>\n<body>\n<img alt="logo" src="data:image/png;base64,${r.string(BASE64, 2000)}=">\n<input type="password" name="password" autocomplete="current-password">\n</body></html>\n`,
  },
  {
    what: 'X.509 certificate',
    path: (i) => `certs/ca-${i}.pem`,
    content: (r) => pem('CERTIFICATE', r, 18) + '\n',
  },
  {
    what: 'PEM public key',
    path: (i) => `keys/signing-${i}.pub.pem`,
    content: (r) => pem('PUBLIC KEY', r, 6) + '\n',
  },
  {
    what: 'SSH public keys',
    path: (i) => `deploy/authorized_keys-${i}`,
    content: (r) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r.string(BASE64, 43)} deploy@ci\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${r.string(BASE64, 340)} ops@bastion\n`,
  },
  {
    what: 'pinned actions and image digests',
    path: (i) => `.github/workflows/release-${i}.yml`,
    content: (r) =>
      [
        'name: release',
        'on: { push: { tags: ["v*"] } }',
        'jobs:',
        '  release:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        `      - uses: actions/checkout@${sha1(r)} # v4.2.2`,
        `      - uses: actions/setup-node@${sha1(r)} # v4.1.0`,
        `      - uses: docker/build-push-action@${sha1(r)} # v6`,
        '        with:',
        `          cache-from: type=registry,ref=ghcr.io/acme/api@sha256:${sha256(r)}`,
        '          secrets: |',
        '            npm_token=${{ secrets.NPM_TOKEN }}',
        '',
      ].join('\n'),
  },
  {
    what: 'SVG with path data',
    path: (i) => `public/icons/icon-${i}.svg`,
    content: (r) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill="#${r.string(HEX, 6)}" d="M${r.int(24)} ${r.int(24)}L${r.string('0123456789 .', 200)}Z"/></svg>\n`,
  },
];
