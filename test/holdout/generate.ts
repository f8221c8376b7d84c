import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { contexts, Name, type Context } from './contexts.js';
import { fileDecoys, lineDecoys, valueDecoys } from './decoys.js';
import { humanPassword, kinds, type Kind } from './kinds.js';
import { AN, B64, D, Rng, az, azD, hex } from './rng.js';

/** A planted secret: the byte range of the text that holds it. */
export interface Plant {
  path: string;
  start: number;
  end: number;
  line: number;
  family: string;
  what: string;
  context: string;
}

export interface Holdout {
  dir: string;
  files: string[];
  plants: Plant[];
  decoys: number;
  bytes: number;
}

type Item = { plant: false; lines: string[] } | { plant: true; lines: string[]; needle: string; family: string; what: string; until?: string };

/** Credentials written as URLs and connection strings (self-identifying by their scheme). */
const connectionKinds: Kind[] = [
  { family: 'connection', what: 'postgres URL', names: ['DATABASE_URL', 'POSTGRES_DSN', 'DB_URL'], make: (r) => `postgresql://${r.one(['app', 'orders_rw', 'admin'])}:${humanPassword(r).replace(/[@/:#?%]/g, 'k')}@${r.one(['db.prod.internal', 'pg-main.acme.io', '10.0.3.17'])}:5432/${r.one(['orders', 'app'])}${r.one(['', '?sslmode=require'])}`, self: true },
  { family: 'connection', what: 'mysql URL', names: ['MYSQL_URL', 'DATABASE_URL'], make: (r) => `mysql://root:${r.chars(AN, 18)}@mysql.${r.chars(az, 5)}.internal:3306/shop`, self: true },
  { family: 'connection', what: 'mongodb URL', names: ['MONGODB_URI', 'MONGO_URL'], make: (r) => `mongodb+srv://${r.one(['admin', 'reporting'])}:${r.chars(AN, 16)}@cluster0.${r.chars(azD, 5)}.mongodb.net/?retryWrites=true&w=majority`, self: true },
  { family: 'connection', what: 'redis URL', names: ['REDIS_URL', 'CACHE_URL'], make: (r) => `redis://:${r.chars(AN, 32)}@redis-${r.range(10000, 19999)}.c${r.range(1, 300)}.us-east-1-2.ec2.cloud.redislabs.com:${r.range(10000, 19999)}`, self: true },
  { family: 'connection', what: 'amqp URL', names: ['RABBITMQ_URL', 'BROKER_URL', 'CELERY_BROKER_URL'], make: (r) => `amqp://${r.one(['guest2', 'celery', 'events'])}:${r.chars(AN, 20)}@rabbit.${r.chars(az, 4)}.svc:5672/vhost`, self: true },
  { family: 'connection', what: 'JDBC URL', names: ['SPRING_DATASOURCE_URL', 'JDBC_URL'], make: (r) => `jdbc:postgresql://pg.${r.chars(az, 5)}.internal:5432/billing?user=billing&password=${r.chars(AN, 16)}&ssl=true`, self: true },
  { family: 'connection', what: 'ADO.NET connection string', names: ['ConnectionStrings__Default', 'SQL_CONNECTION_STRING'], make: (r) => `Server=tcp:sql-${r.chars(azD, 6)}.database.windows.net,1433;Initial Catalog=app;User ID=appadmin;Password=${humanPassword(r).replace(/[;'"]/g, 'q')};Encrypt=True;`, self: true },
  { family: 'connection', what: 'https basic-auth URL', names: ['REGISTRY_URL', 'PIP_INDEX_URL', 'ELASTICSEARCH_URL'], make: (r) => `https://${r.one(['deploy', 'ci-bot', 'elastic'])}:${r.chars(AN, 22)}@${r.one(['nexus.acme.io/repository/pypi/simple', 'es-prod.acme.io:9243', 'artifacts.initech.net/api/npm'])}`, self: true },
  { family: 'connection', what: 'git URL with token', names: ['GIT_REMOTE', 'REPO_URL'], make: (r) => { const b = r.chars(AN, 30); return `https://x-access-token:ghs_${b}${base62c(b)}@github.com/acme/infra.git`; }, self: true },
  { family: 'connection', what: 'smtp URL', names: ['SMTP_URL', 'EMAIL_URL'], make: (r) => `smtp://postmaster%40mg.acme.io:${r.chars(AN, 24)}@smtp.mailgun.org:587`, self: true },
];

function base62c(body: string) {
  return base62(crc32(body), 6);
}

const pemLines = (r: Rng, n: number, start: string) => {
  const lines = Array.from({ length: n }, () => r.chars(B64, 64));
  lines[0] = (start + lines[0]).slice(0, 64);
  lines.push(`${r.chars(B64, r.range(20, 60))}${r.one(['', '=', '=='])}`);
  return lines;
};
const pem = (r: Rng) => {
  const t = r.below(4);
  if (t === 0) return ['-----BEGIN RSA PRIVATE KEY-----', ...pemLines(r, 25, 'MIIEpAIBAAKCAQEA'), '-----END RSA PRIVATE KEY-----'];
  if (t === 1) return ['-----BEGIN PRIVATE KEY-----', ...pemLines(r, 26, 'MIIEvgIBADANBgkqhkiG9w0BAQEFAASC'), '-----END PRIVATE KEY-----'];
  if (t === 2) return ['-----BEGIN EC PRIVATE KEY-----', ...pemLines(r, 3, 'MHcCAQEEI'), '-----END EC PRIVATE KEY-----'];
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...Array.from({ length: 7 }, (_, i) => (i === 0 ? 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW' : r.chars(B64, 70))), '-----END OPENSSH PRIVATE KEY-----'];
};

/** Files whose content is one credential in a format of its own. Returns lines and the needle (the secret text). */
const specials: { what: string; family: string; path: (r: Rng, n: number) => string; build: (r: Rng) => { lines: string[]; needle: string; until?: string } }[] = [
  { what: 'PEM key file', family: 'private-key', path: (r, n) => `${r.one(['certs', 'ssl', 'deploy/keys'])}/${r.one(['server', 'tls', 'signing'])}-${n}.${r.one(['key', 'pem'])}`, build: (r) => { const l = pem(r); return { lines: l, needle: l[0]! }; } },
  {
    what: 'PEM in JSON string', family: 'private-key', path: (r, n) => `config/jwt-${n}.json`,
    build: (r) => { const k = pem(r).join('\\n'); return { lines: ['{', `  "issuer": "https://auth.acme.io",`, `  "signingKey": "${k}\\n",`, '  "alg": "RS256"', '}'], needle: k.slice(0, 30) }; },
  },
  {
    what: 'PEM in YAML block', family: 'private-key', path: (r, n) => `deploy/ingress-tls-${n}.yaml`,
    build: (r) => { const k = pem(r); return { lines: ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: ingress-tls', 'type: kubernetes.io/tls', 'stringData:', '  tls.key: |', ...k.map((l) => `    ${l}`)], needle: k[0]! }; },
  },
  {
    what: 'PEM in Terraform heredoc', family: 'private-key', path: (r, n) => `infra/tls-${n}.tf`,
    build: (r) => { const k = pem(r); return { lines: ['resource "aws_iam_server_certificate" "api" {', '  name = "api"', '  private_key = <<EOF', ...k, 'EOF', '}'], needle: k[0]! }; },
  },
  {
    what: 'PEM in Python string', family: 'private-key', path: (r, n) => `tests/integration/keys_${n}.py`,
    build: (r) => { const k = pem(r); return { lines: ['SIGNING_KEY = """' + k[0], ...k.slice(1), '"""'], needle: k[0]! }; },
  },
  {
    what: 'GCP service account', family: 'gcp', path: (r, n) => `secrets/${r.one(['sa', 'gcp', 'firebase-adminsdk'])}-${n}.json`,
    build: (r) => {
      const k = ['-----BEGIN PRIVATE KEY-----', ...pemLines(r, 26, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'), '-----END PRIVATE KEY-----', ''].join('\\n');
      const p = `acme-${r.chars(az, 6)}-${r.range(100, 999)}`;
      return { lines: ['{', '  "type": "service_account",', `  "project_id": "${p}",`, `  "private_key_id": "${r.chars(hex, 40)}",`, `  "private_key": "${k}",`, `  "client_email": "ci@${p}.iam.gserviceaccount.com",`, `  "client_id": "${r.chars(D, 21)}"`, '}'], needle: k.slice(0, 40) };
    },
  },
  { what: '.netrc', family: 'netrc', path: (r, n) => `ci/home-${n}/.netrc`, build: (r) => { const p = r.chars(AN, 24); return { lines: [`machine ${r.one(['api.github.com', 'gitlab.acme.io', 'artifacts.acme.io'])}`, '  login ci-bot', `  password ${p}`], needle: p }; } },
  { what: '.netrc one line', family: 'netrc', path: (r, n) => `ops/netrc-${n}/.netrc`, build: (r) => { const p = humanPassword(r); return { lines: [`machine ftp.acme.io login backup password ${p}`], needle: p }; } },
  { what: 'docker config', family: 'docker', path: (r, n) => `.docker-${n}/config.json`, build: (r) => { const a = Buffer.from(`ci:${r.chars(AN, 20)}`).toString('base64'); return { lines: ['{', '\t"auths": {', `\t\t"${r.one(['https://index.docker.io/v1/', 'ghcr.io', '123456789012.dkr.ecr.us-east-1.amazonaws.com'])}": {`, `\t\t\t"auth": "${a}"`, '\t\t}', '\t}', '}'], needle: a }; } },
  { what: '.npmrc', family: 'npm', path: (r, n) => `pkg${n}/.npmrc`, build: (r) => { const t = r.coin() ? `npm_${((b) => b + base62c(b))(r.chars(AN, 30))}` : r.chars(AN, 36); return { lines: ['@acme:registry=https://npm.pkg.github.com', `//registry.npmjs.org/:_authToken=${t}`, 'always-auth=true'], needle: t }; } },
  { what: '.git-credentials', family: 'connection', path: (r, n) => `home/dev${n}/.git-credentials`, build: (r) => { const p = r.chars(AN, 32); return { lines: [`https://deploy:${p}@${r.one(['gitlab.com', 'bitbucket.org', 'github.com'])}`], needle: p }; } },
  {
    what: 'aws credentials file', family: 'aws', path: (r, n) => `home/dev${n}/.aws/credentials`,
    // The key ID and the secret are one credential: the needle spans both lines.
    build: (r) => { const id = `AKIA${r.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`; const s = r.chars(AN + '+/', 40); return { lines: ['[default]', `aws_access_key_id = ${id}`, `aws_secret_access_key = ${s}`, 'region = eu-west-1'], needle: id, until: s }; },
  },
  {
    what: 'kubeconfig token', family: 'kubernetes', path: (r, n) => `clusters/prod-${n}/kubeconfig`,
    build: (r) => { const t = r.chars(AN, 48); return { lines: ['apiVersion: v1', 'kind: Config', 'clusters:', `- cluster:`, `    server: https://k8s-${r.chars(az, 4)}.acme.io:6443`, '  name: prod', 'users:', '- name: ci', '  user:', `    token: ${t}`], needle: t }; },
  },
  { what: '.pgpass', family: 'connection', path: (r, n) => `home/dba${n}/.pgpass`, build: (r) => { const p = r.chars(AN, 20); return { lines: [`db.prod.internal:5432:orders:orders_rw:${p}`], needle: p }; } },
  { what: '.pypirc', family: 'pypi', path: (r, n) => `home/rel${n}/.pypirc`, build: (r) => { const t = `pypi-AgEIcHlwaS5vcmcCJD${r.chars(AN + '-_', 150)}`; return { lines: ['[pypi]', 'username = __token__', `password = ${t}`], needle: t }; } },
  {
    what: 'maven settings.xml', family: 'generic', path: (r, n) => `.m2-${n}/settings.xml`,
    build: (r) => { const p = humanPassword(r).replace(/[<>&]/g, 'z'); return { lines: ['<settings>', '  <servers>', '    <server>', '      <id>acme-releases</id>', '      <username>deployer</username>', `      <password>${p}</password>`, '    </server>', '  </servers>', '</settings>'], needle: p }; },
  },
  {
    what: 'htpasswd', family: 'generic', path: (r, n) => `nginx/conf${n}/.htpasswd`,
    build: (r) => { const h = `$apr1$${r.chars(AN, 8)}$${r.chars(AN + './', 22)}`; return { lines: [`admin:${h}`], needle: h }; },
  },
];

function write(dir: string, path: string, text: string, files: string[]) {
  const full = join(dir, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  files.push(path);
}

/** Joins lines with LF or CRLF, with or without a final newline, and records where each planted needle landed. */
function assemble(r: Rng, path: string, context: string, head: string[], items: Item[], foot: string[], plants: Plant[]): string {
  const eol = r.coin(0.15) ? '\r\n' : '\n';
  // A planted value on the last line with no newline after it: move one plant to the end, drop the footer.
  const endsBare = r.coin(0.12) && items.some((i) => i.plant);
  const lines: { text: string; item?: Item }[] = head.map((text) => ({ text }));
  for (const item of items) item.lines.forEach((text, k) => lines.push({ text, item: k === 0 ? item : undefined }));
  if (!endsBare) for (const text of foot) lines.push({ text });
  if (endsBare) {
    const last = [...items].reverse().find((i) => i.plant)!;
    const idx = lines.findIndex((l) => l.item === last);
    const moved = lines.splice(idx, last.lines.length);
    lines.push(...moved);
  }
  let text = '';
  let lineNo = 1;
  for (const { text: line, item } of lines) {
    if (item && item.plant) {
      const offset = Buffer.byteLength(text);
      const block = item.lines.join(eol);
      const at = block.indexOf(item.needle);
      if (at < 0) throw new Error(`needle not in block at ${path}`);
      const start = offset + Buffer.byteLength(block.slice(0, at));
      const lineOf = lineNo + block.slice(0, at).split(eol).length - 1;
      // `until`: the credential runs on to a second part (a key ID and its secret on the next line).
      const last = item.until ? block.indexOf(item.until, at) + item.until.length : at + item.needle.length;
      plants.push({ path, start, end: offset + Buffer.byteLength(block.slice(0, last)), line: lineOf, family: item.family, what: item.what, context });
    }
    text += line + eol;
    lineNo += 1;
  }
  return endsBare ? text.slice(0, -eol.length) : text;
}

export interface HoldoutOptions {
  seed?: string;
  /** Plants per kind (each in a random compatible context). */
  perKind?: number;
}

export function generateHoldout(dir: string, options: HoldoutOptions = {}): Holdout {
  const r = new Rng(options.seed ?? 'keyward-holdout-2');
  const perKind = options.perKind ?? 5;
  const files: string[] = [];
  const plants: Plant[] = [];
  let decoys = 0;

  // Items per context, then spread over a few files each.
  const buckets = new Map<Context, Item[]>(contexts.map((c) => [c, []]));
  const allKinds = [...kinds, ...connectionKinds];
  for (const kind of allKinds) {
    const fit = contexts.filter((c) => kind.self || !c.selfOnly);
    for (let i = 0; i < perKind; i++) {
      const context = r.one(fit);
      const name = new Name(r.one(kind.names));
      const value = kind.make(r);
      const out = context.render(name, value, r, kind.bearer ?? false);
      buckets.get(context)!.push({ plant: true, lines: out.lines, needle: out.needle, family: kind.family, what: kind.what });
    }
  }
  for (const context of contexts) {
    const list = buckets.get(context)!;
    for (let i = 0; i < (context.fixedName ? 0 : 10); i++) {
      const decoy = r.one(valueDecoys);
      const out = context.render(new Name(r.one(decoy.names)), decoy.make(r), r, false);
      list.push({ plant: false, lines: out.lines });
      decoys += 1;
    }
    const own = lineDecoys[context.id] ?? (context.id === 'typescript' ? lineDecoys.javascript : undefined) ?? [];
    for (const make of own) {
      for (let k = 0; k < 2; k++) {
        list.push({ plant: false, lines: make(r).split('\n') });
        decoys += 1;
      }
    }
    r.shuffle(list);
    const perFile = 7;
    for (let f = 0; f * perFile < list.length; f++) {
      const chunk = list.slice(f * perFile, (f + 1) * perFile);
      const items: Item[] = [];
      for (const item of chunk) {
        items.push(item);
        if (context.filler) items.push({ plant: false, lines: context.filler(r) });
      }
      const path = context.path(r, f);
      if (files.includes(path)) continue;
      write(dir, path, assemble(r, path, context.id, context.head(r), items.filter((i) => i.lines.length > 0), context.foot(r), plants), files);
    }
  }
  for (const special of specials) {
    for (let n = 0; n < 4; n++) {
      const path = special.path(r, n);
      const built = special.build(r);
      const item: Item = { plant: true, lines: built.lines, needle: built.needle, until: built.until, family: special.family, what: special.what };
      write(dir, path, assemble(r, path, `file:${special.what}`, [], [item], [], plants), files);
    }
  }
  for (const decoy of fileDecoys) {
    for (let n = 0; n < 3; n++) {
      const path = decoy.path(r, n);
      write(dir, path, decoy.build(r).join('\n') + '\n', files);
      decoys += 1;
    }
  }
  return { dir, files, plants, decoys, bytes: files.reduce((sum, path) => sum + statSync(join(dir, path)).size, 0) };
}
