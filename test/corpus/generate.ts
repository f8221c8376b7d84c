import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeDecoys, fileDecoys, valueDecoys } from './decoys.js';
import { languages, type Language } from './languages.js';
import { ALNUM, BASE64, DIGITS, HEX, LOWER, createRandom, type Random } from './prng.js';
import { password, secretKinds, type SecretKind } from './secrets.js';

/** A planted secret: where it is (1-based, inclusive line range) and which rules may rightly report it. */
export interface Label {
  path: string;
  startLine: number;
  endLine: number;
  family: string;
  rules: string[];
  /** What was planted (the variable name or file kind), for the report. */
  what: string;
}

export interface Corpus {
  dir: string;
  /** Paths relative to `dir`, `/`-separated. */
  files: string[];
  labels: Label[];
  /** How many decoys (values, code lines, whole files) were written. */
  decoys: number;
  bytes: number;
}

export interface CorpusOptions {
  seed?: number;
  /** How many times each kind of secret is planted (each time in a randomly chosen compatible language). */
  plantsPerKind?: number;
  filesPerLanguage?: number;
  /** Copies of each whole-file decoy and each special planted file (keys, service-account JSON, netrc...). */
  copies?: number;
}

type Item = { type: 'plant'; kind: SecretKind } | { type: 'block'; lines: string[]; decoy: boolean };

function shuffle<T>(r: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function compatible(kind: SecretKind, language: Language): boolean {
  if (kind.onlyIn && !kind.onlyIn.includes(language.id)) return false;
  // A Kubernetes env entry puts the name and the value on different lines: only values that name their provider.
  if (language.id === 'kubernetes' && !kind.selfIdentifying) return false;
  return true;
}

const pemBody = (r: Random, lines: number, first = '') => {
  const body = Array.from({ length: lines }, () => r.string(BASE64, 64));
  body[0] = (first + body[0]!).slice(0, 64);
  return [...body, `${r.string(BASE64, 44)}=`];
};

/** Files whose whole content is one credential (keys, service-account JSON, netrc...). Returns lines and label range. */
const specialFiles: { what: string; family: string; rules: string[]; path: (i: number) => string; build: (r: Random) => { lines: string[]; start: number; end: number } }[] = [
  {
    what: 'RSA private key',
    family: 'private-key',
    rules: ['private-key'],
    path: (i) => `deploy/tls/server-${i}.key`,
    build: (r) => {
      const lines = ['-----BEGIN RSA PRIVATE KEY-----', ...pemBody(r, 24, 'MIIEow'), '-----END RSA PRIVATE KEY-----'];
      return { lines, start: 1, end: lines.length };
    },
  },
  {
    what: 'OpenSSH private key',
    family: 'private-key',
    rules: ['openssh-private-key', 'private-key'],
    path: (i) => `ops/ssh/id_ed25519_${i}`,
    build: (r) => {
      const lines = ['-----BEGIN OPENSSH PRIVATE KEY-----', ...Array.from({ length: 6 }, (_, n) => (n === 0 ? 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW' : r.string(BASE64, 70))), '-----END OPENSSH PRIVATE KEY-----'];
      return { lines, start: 1, end: lines.length };
    },
  },
  {
    what: 'EC private key in Helm values',
    family: 'private-key',
    rules: ['private-key', 'generic-yaml-secret'],
    path: (i) => `charts/gateway-${i}/values.yaml`,
    build: (r) => {
      const head = ['replicaCount: 2', 'image:', '  repository: ghcr.io/acme/gateway', `  tag: "1.${r.int(40)}.0"`, 'tls:', '  enabled: true', '  key: |'];
      const key = ['-----BEGIN EC PRIVATE KEY-----', ...pemBody(r, 3, 'MHcCAQEEI'), '-----END EC PRIVATE KEY-----'].map((line) => `    ${line}`);
      return { lines: [...head, ...key, 'service:', '  port: 443'], start: head.length + 1, end: head.length + key.length };
    },
  },
  {
    what: 'Google Cloud service account key',
    family: 'gcp',
    rules: ['gcp-service-account-key', 'private-key'],
    path: (i) => `credentials/gcp-deployer-${i}.json`,
    build: (r) => {
      const project = `acme-${r.string(LOWER, 6)}`;
      const key = ['-----BEGIN PRIVATE KEY-----', ...pemBody(r, 25, 'MIIEvQIBADANBg'), '-----END PRIVATE KEY-----', ''].join('\\n');
      const lines = [
        '{',
        '  "type": "service_account",',
        `  "project_id": "${project}",`,
        `  "private_key_id": "${r.string(HEX, 40)}",`,
        `  "private_key": "${key}",`,
        `  "client_email": "deployer@${project}.iam.gserviceaccount.com",`,
        `  "client_id": "${r.string(DIGITS, 21)}",`,
        '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
        '  "token_uri": "https://oauth2.googleapis.com/token"',
        '}',
      ];
      return { lines, start: 1, end: lines.length };
    },
  },
  {
    what: 'Kubernetes Secret manifest',
    family: 'kubernetes',
    rules: ['kubernetes-secret-data', 'generic-yaml-secret'],
    path: (i) => `deploy/k8s/secrets/api-${i}.yaml`,
    build: (r) => {
      const head = ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: api-credentials-${r.string(LOWER, 4)}`, 'type: Opaque', 'data:'];
      const data = [`  password: ${Buffer.from(password(r)).toString('base64')}`, `  api-key: ${Buffer.from(r.string(ALNUM, 32)).toString('base64')}`];
      return { lines: [...head, ...data], start: head.length + 1, end: head.length + data.length };
    },
  },
  {
    what: '.netrc',
    family: 'netrc',
    rules: ['netrc-password'],
    path: (i) => `home/ci-${i}/.netrc`,
    build: (r) => ({ lines: ['machine api.heroku.com', '  login ops@acme.net', `  password ${password(r)}`], start: 1, end: 3 }),
  },
  {
    what: 'Docker config.json auth',
    family: 'docker',
    rules: ['docker-config-auth'],
    path: (i) => `ci/docker-${i}/config.json`,
    build: (r) => {
      const auth = Buffer.from(`deploy:${password(r)}`).toString('base64');
      return { lines: ['{', '  "auths": {', '    "registry.acme.net": {', `      "auth": "${auth}"`, '    }', '  }', '}'], start: 4, end: 4 };
    },
  },
  {
    what: '.npmrc auth token',
    family: 'npm',
    rules: ['npmrc-auth-token', 'npm-access-token'],
    path: (i) => `packages/ui-${i}/.npmrc`,
    build: (r) => ({ lines: ['registry=https://registry.npmjs.org/', `//npm.pkg.github.com/:_authToken=${r.string(ALNUM, 40)}`, '@acme:registry=https://npm.pkg.github.com'], start: 2, end: 2 }),
  },
  {
    what: '.pgpass entry',
    family: 'connection-string',
    rules: ['pgpass-entry'],
    path: (i) => `ops/db-${i}/.pgpass`,
    build: (r) => ({ lines: [`db.internal.acme.net:5432:orders:orders_rw:${r.string(ALNUM + '!%^', 20)}`], start: 1, end: 1 }),
  },
];

/**
 * Writes a deterministic labelled corpus under `dir`: files in fourteen languages and formats with fake secrets
 * planted among ordinary code and decoys, plus whole-file decoys (lockfiles, bundles, certificates) and credential
 * files. The same seed gives the same bytes.
 */
export function generateCorpus(dir: string, options: CorpusOptions = {}): Corpus {
  const r = createRandom(options.seed ?? 20260101);
  const plantsPerKind = options.plantsPerKind ?? 6;
  const filesPerLanguage = options.filesPerLanguage ?? 14;
  const copies = options.copies ?? 3;
  const files: string[] = [];
  const labels: Label[] = [];
  let decoys = 0;
  let bytes = 0;
  const usedPaths = new Set<string>();

  const write = (path: string, lines: string[]) => {
    if (usedPaths.has(path)) throw new Error(`corpus path generated twice: ${path}`);
    usedPaths.add(path);
    const content = lines.join('\n') + '\n';
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    files.push(path);
    bytes += Buffer.byteLength(content);
  };

  const buckets = new Map<string, Item[][]>(languages.map((language) => [language.id, Array.from({ length: filesPerLanguage }, () => [])]));
  for (const kind of secretKinds) {
    const fits = languages.filter((language) => compatible(kind, language));
    for (let n = 0; n < plantsPerKind; n++) {
      const language = r.pick(fits);
      r.pick(buckets.get(language.id)!).push({ type: 'plant', kind });
    }
  }

  languages.forEach((language, languageIndex) => {
    buckets.get(language.id)!.forEach((items, fileIndex) => {
      const index = languageIndex * 100 + fileIndex;
      for (let n = r.between(2, 4); n > 0; n--) items.push({ type: 'block', lines: language.filler(r, index + n), decoy: false });
      for (let n = r.between(2, 4); n > 0; n--) {
        const decoy = r.pick(valueDecoys);
        items.push({ type: 'block', lines: language.assign(decoy.name, decoy.value(r), r), decoy: true });
      }
      items.push({ type: 'block', lines: language.reference(r.pick(secretKinds).name), decoy: true });
      const code = codeDecoys[language.id];
      if (code) for (let n = r.between(1, 3); n > 0; n--) items.push({ type: 'block', lines: r.pick(code)(r), decoy: true });

      let path = language.path(r, index);
      while (usedPaths.has(path)) path = language.path(r, index);
      const lines = [...language.header(r)];
      for (const item of shuffle(r, items)) {
        if (item.type === 'block') {
          lines.push(...item.lines);
          if (item.decoy) decoys += 1;
          continue;
        }
        const value = item.kind.value(r);
        const planted = item.kind.render ? item.kind.render(value, language.id) : language.assign(item.kind.name, value, r);
        labels.push({ path, startLine: lines.length + 1, endLine: lines.length + planted.length, family: item.kind.family, rules: item.kind.rules, what: item.kind.name });
        lines.push(...planted);
      }
      lines.push(...language.footer());
      write(path, lines);
    });
  });

  for (let copy = 0; copy < copies; copy++) {
    for (const special of specialFiles) {
      const path = special.path(copy);
      const { lines, start, end } = special.build(r);
      labels.push({ path, startLine: start, endLine: end, family: special.family, rules: special.rules, what: special.what });
      write(path, lines);
    }
    for (const decoy of fileDecoys) {
      write(decoy.path(copy), decoy.content(r).replace(/\n$/, '').split('\n'));
      decoys += 1;
    }
  }
  return { dir, files, labels, decoys, bytes };
}
