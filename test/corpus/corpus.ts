import { createHash } from 'node:crypto';
import { ALNUM, BASE64, HEX, randomFrom as r } from '../helpers/fake-secrets.js';
import { fixtures } from '../rules/fixtures.js';

/** A planted secret: the file and line range it occupies, and the rule expected to report it. */
export interface Label {
  path: string;
  startLine: number;
  endLine: number;
  ruleId: string;
}

export interface CorpusFile {
  path: string;
  content: string;
}

const uuid = () => `${r(HEX, 8)}-${r(HEX, 4)}-4${r(HEX, 3)}-a${r(HEX, 3)}-${r(HEX, 12)}`;
const sha1 = () => createHash('sha1').update(r(ALNUM, 20)).digest('hex');
const sha256 = () => createHash('sha256').update(r(ALNUM, 20)).digest('hex');
const sri = () => `sha512-${createHash('sha512').update(r(ALNUM, 20)).digest('base64')}`;

/** Things that look like secrets and are not: each must produce no finding. */
export const decoys: (() => string)[] = [
  () => 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  () => 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  () => 'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  () => 'api_key: "<your-api-key>"',
  () => 'password: "${DB_PASSWORD}"',
  () => 'token: "{{ .Values.apiToken }}"',
  () => 'password = "changeme"',
  () => 'SECRET_KEY = "your_secret_key_here"',
  () => 'const token = process.env.API_TOKEN;',
  () => 'api_key = os.environ["PAYMENTS_API_KEY"]',
  () => 'password = os.getenv("DB_PASSWORD")',
  () => '  token: ${{ secrets.DEPLOY_TOKEN }}',
  () => '        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
  () => `      - uses: actions/checkout@${sha1()} # v4`,
  () => `FROM ghcr.io/acme/base@sha256:${sha256()}`,
  () => `    "integrity": "${sri()}",`,
  () => `github.com/pkg/errors v0.9.1 h1:${r(BASE64, 43)}=`,
  () => `checksum = "${sha256()}"`,
  () => `request_id = "${uuid()}"`,
  () => `commit_sha = "${sha1()}"`,
  () => `const passwordResetToken = generateToken();`,
  () => `def test_password_reset_flow(client):`,
  () => `password = input("Password: ")`,
  () => `const password = req.body.password;`,
  () => `if (token === undefined) throw new Error("token required");`,
  () => `color: #${r(HEX, 6)};`,
  () => `-----BEGIN PUBLIC KEY-----\n${r(BASE64, 64)}\n${r(BASE64, 64)}\n-----END PUBLIC KEY-----`,
  () => `-----BEGIN CERTIFICATE-----\n${r(BASE64, 64)}\n${r(BASE64, 64)}\n-----END CERTIFICATE-----`,
  () => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${r(BASE64, 43)} deploy@ci`,
  () => `<img src="data:image/png;base64,${r(BASE64, 200)}">`,
  () => `const icon = "${r(BASE64, 120)}";`,
  () => `secret_name = "prod/payments/api-key"`,
  () => `token_url = "https://oauth2.googleapis.com/token"`,
  () => `password_field = "password"`,
  () => `"password": { "type": "string", "minLength": 12 }`,
  () => `key = "my.application.config.key"`,
  () => `TOKEN_EXPIRY_SECONDS=3600`,
  () => `api_key: !vault |\n  $ANSIBLE_VAULT;1.1;AES256`,
  () => `# set AWS_SECRET_ACCESS_KEY in the environment before running`,
  () => `auth_token = ""`,
  () => `private_key_path = "/etc/ssl/private/server.key"`,
  () => `redis_url = "redis://localhost:6379/0"`,
  () => `DATABASE_URL=postgres://app@localhost:5432/app`,
  () => `"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",`,
  () => `version = "1.2.3"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\nchecksum = "${sha256()}"`,
  () => `const apiKeyHeader = "X-API-Key";`,
  () => `token = "REDACTED"`,
  () => `password: "********"`,
  () => `stripe_key = "sk_live_..."`,
];

const FILLER: ((i: number) => string)[] = [
  (i) => `export function handler${i}(event: Event): Response {\n  const items = event.items.filter((x) => x.enabled);\n  return new Response(JSON.stringify({ count: items.length }));\n}`,
  (i) => `def process_${i}(records):\n    """Aggregate the records by key."""\n    out = {}\n    for rec in records:\n        out.setdefault(rec.key, []).append(rec)\n    return out`,
  (i) => `func Handle${i}(w http.ResponseWriter, r *http.Request) {\n\tif r.Method != http.MethodGet {\n\t\thttp.Error(w, "method not allowed", 405)\n\t\treturn\n\t}\n}`,
  (i) => `resource "aws_s3_bucket" "logs_${i}" {\n  bucket = "acme-logs-${i}"\n  tags = { team = "platform" }\n}`,
  (i) => `  - name: step-${i}\n    run: npm ci && npm test\n    timeout-minutes: 10`,
  (i) => `// Retry with exponential backoff, capped at ${i + 5} attempts.\nfor (let attempt = 0; attempt < ${i + 5}; attempt++) {\n  await sleep(2 ** attempt * 100);\n}`,
  (i) => `SELECT id, name FROM users WHERE org_id = $1 AND created_at > now() - interval '${i} days';`,
  (i) => `## Section ${i}\n\nConfigure the service with environment variables; see the deployment guide.`,
];

const EXTENSIONS = ['ts', 'py', 'go', 'tf', 'yml', 'js', 'sql', 'md', 'env', 'json'];

/** Builds a corpus of `files` files with one planted secret per rule and decoys spread through. */
export function buildCorpus(options: { decoyRounds: number; fillerPerFile: number }): { files: CorpusFile[]; labels: Label[]; decoyCount: number } {
  const files: CorpusFile[] = [];
  const labels: Label[] = [];
  let decoyCount = 0;
  const planted = Object.entries(fixtures);
  planted.forEach(([ruleId, fixture], index) => {
    const lines: string[] = [];
    const add = (text: string) => lines.push(...text.split('\n'));
    for (let f = 0; f < options.fillerPerFile; f++) add(FILLER[(index + f) % FILLER.length]!(index * 10 + f));
    const decoy = decoys[index % decoys.length]!();
    add(decoy);
    decoyCount += 1;
    add(FILLER[index % FILLER.length]!(index));
    const startLine = lines.length + 1;
    add(fixture.positive());
    labels.push({ path: '', startLine, endLine: lines.length, ruleId });
    for (let f = 0; f < options.fillerPerFile; f++) add(FILLER[(index + f + 3) % FILLER.length]!(index * 10 + f + 5));
    const path = `src/module-${index}/file.${EXTENSIONS[index % EXTENSIONS.length]}`;
    labels[labels.length - 1]!.path = path;
    files.push({ path, content: lines.join('\n') + '\n' });
  });
  for (let round = 0; round < options.decoyRounds; round++) {
    const lines: string[] = [];
    decoys.forEach((decoy, i) => {
      lines.push(...FILLER[(i + round) % FILLER.length]!(i).split('\n'));
      lines.push(...decoy().split('\n'));
      decoyCount += 1;
    });
    files.push({ path: `config/decoys-${round}.${EXTENSIONS[round % EXTENSIONS.length]}`, content: lines.join('\n') + '\n' });
  }
  return { files, labels, decoyCount };
}
