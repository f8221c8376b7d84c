import type { Random } from './prng.js';

/**
 * How one kind of file looks: where it lives, ordinary content to surround planted values with, and how a named
 * value (a planted secret or a decoy) is written in its syntax. Every block is a list of lines so labels can point
 * at exact line numbers.
 */
export interface Language {
  id: string;
  path: (r: Random, index: number) => string;
  header: (r: Random) => string[];
  filler: (r: Random, index: number) => string[];
  /** A string-valued assignment of `value` to something called `name` (SCREAMING_SNAKE in, the language's style out). */
  assign: (name: string, value: string, r: Random) => string[];
  /** Reads the value from elsewhere (environment, secret store): a reference, never a secret. */
  reference: (name: string) => string[];
  footer: () => string[];
}

const WORDS = ['orders', 'billing', 'invoice', 'customer', 'report', 'session', 'audit', 'shipment', 'catalog', 'payment', 'ledger', 'inventory', 'profile', 'search', 'upload', 'notify'];
const camel = (name: string) => name.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (name: string) => camel(name).replace(/^./, (c) => c.toUpperCase());
const lower = (name: string) => name.toLowerCase();
const dotted = (name: string) => name.toLowerCase().replace(/_/g, '.');
const word = (r: Random) => r.pick(WORDS);
/** YAML, .env and Dockerfile values stay unquoted only when plain; others are quoted as people do. */
const plain = (value: string) => /^[A-Za-z0-9][A-Za-z0-9_./+=:@?&;-]*$/.test(value);
const shellQuoted = (value: string) => (plain(value) && !/[&;?]/.test(value) ? value : `"${value}"`);
const yamlValue = (value: string, r: Random) => (plain(value) && !/: |[?&]/.test(value) && r.chance(0.5) ? value : `"${value}"`);

const typescript: Language = {
  id: 'typescript',
  path: (r, i) => `services/${word(r)}-${i}/src/${r.pick(['config', 'client', 'index', 'handler'])}.ts`,
  header: (r) => [`import { z } from 'zod';`, `import type { ${pascal(word(r))}Event } from './types.js';`, ''],
  filler: (r, i) => {
    const w = word(r);
    return r.pick([
      [`export async function handle${pascal(w)}${i}(event: ${pascal(w)}Event): Promise<Response> {`, `  const items = event.items.filter((item) => item.enabled && item.quantity > 0);`, `  return new Response(JSON.stringify({ count: items.length }), { status: 200 });`, `}`, ''],
      [`const ${camel(w)}Schema = z.object({`, `  id: z.string().uuid(),`, `  createdAt: z.coerce.date(),`, `  amount: z.number().int().nonnegative(),`, `});`, ''],
      [`// Retry with exponential backoff, capped at ${i % 7 + 3} attempts.`, `for (let attempt = 0; attempt < ${i % 7 + 3}; attempt++) {`, `  await sleep(2 ** attempt * 100);`, `}`, ''],
    ]);
  },
  assign: (name, value, r) => (r.chance(0.5) ? [`export const ${name} = "${value}";`] : [`const config = {`, `  region: "eu-west-1",`, `  ${camel(name)}: '${value}',`, `};`]),
  reference: (name) => [`const ${camel(name)} = process.env.${name} ?? '';`],
  footer: () => [],
};

const python: Language = {
  id: 'python',
  path: (r, i) => `${word(r)}_service/${r.pick(['settings', 'config', 'client', 'tasks'])}_${i}.py`,
  header: () => ['import logging', 'import os', '', 'log = logging.getLogger(__name__)', ''],
  filler: (r, i) => {
    const w = word(r);
    return r.pick([
      [`def process_${w}_${i}(records):`, `    """Aggregate the records by key."""`, `    out = {}`, `    for rec in records:`, `        out.setdefault(rec.key, []).append(rec)`, `    return out`, ''],
      [`class ${pascal(w)}Repository:`, `    def __init__(self, session):`, `        self.session = session`, '', `    def get(self, ${w}_id: int):`, `        return self.session.query(${pascal(w)}).get(${w}_id)`, ''],
      [`@app.route("/${w}/<int:item_id>")`, `def show_${w}(item_id):`, `    item = ${pascal(w)}.query.get_or_404(item_id)`, `    return jsonify(item.to_dict())`, ''],
    ]);
  },
  assign: (name, value, r) => (r.chance(0.6) ? [`${name} = "${value}"`] : [`CONFIG = {`, `    "timeout": 30,`, `    "${lower(name)}": '${value}',`, `}`]),
  reference: (name) => [`${name} = os.environ["${name}"]`],
  footer: () => ['', 'if __name__ == "__main__":', '    main()'],
};

const go: Language = {
  id: 'go',
  path: (r, i) => `internal/${word(r)}/${r.pick(['client', 'config', 'server'])}_${i}.go`,
  header: (r) => [`package ${word(r)}`, '', 'import (', '\t"net/http"', '\t"os"', ')', ''],
  filler: (r, i) => {
    const w = pascal(word(r));
    return r.pick([
      [`func Handle${w}${i}(w http.ResponseWriter, r *http.Request) {`, '\tif r.Method != http.MethodGet {', '\t\thttp.Error(w, "method not allowed", http.StatusMethodNotAllowed)', '\t\treturn', '\t}', '}', ''],
      [`type ${w}Client struct {`, '\tbaseURL string', '\thttp    *http.Client', '}', ''],
    ]);
  },
  assign: (name, value, r) => (r.chance(0.5) ? [`const ${camel(name)} = "${value}"`] : [`var defaults = map[string]string{`, `\t"${lower(name)}": "${value}",`, '}']),
  reference: (name) => [`var ${camel(name)} = os.Getenv("${name}")`],
  footer: () => [],
};

const java: Language = {
  id: 'java',
  path: (r, i) => `src/main/java/com/acme/${word(r)}/${pascal(word(r))}Config${i}.java`,
  header: (r) => [`package com.acme.${word(r)};`, '', 'import java.util.Map;', '', 'public final class Config {'],
  filler: (r, i) => {
    const w = pascal(word(r));
    return r.pick([
      [`    public List<${w}> find${w}s(long accountId) {`, `        return repository.findAllByAccountId(accountId).stream().limit(${i + 10}).toList();`, '    }', ''],
      [`    @GetMapping("/${lower(w)}/{id}")`, `    public ResponseEntity<${w}> get${w}(@PathVariable long id) {`, `        return ResponseEntity.of(service.find(id));`, '    }', ''],
    ]);
  },
  assign: (name, value) => [`    private static final String ${name} = "${value}";`],
  reference: (name) => [`    private static final String ${name} = System.getenv("${name}");`],
  footer: () => ['}'],
};

const properties: Language = {
  id: 'properties',
  path: (r, i) => `${word(r)}-api/src/main/resources/application-${r.pick(['prod', 'staging', 'dev'])}${i}.properties`,
  header: () => ['# Spring Boot settings', 'server.port=8080', 'spring.jpa.open-in-view=false'],
  filler: (r) => [`spring.datasource.url=jdbc:postgresql://db.internal:5432/${word(r)}`, `management.endpoints.web.exposure.include=health,info`, `logging.level.com.acme=${r.pick(['INFO', 'DEBUG'])}`],
  assign: (name, value, r) => [`${dotted(name)}${r.pick(['=', ' = '])}${value}`],
  reference: (name) => [`${dotted(name)}=\${${name}}`],
  footer: () => [],
};

const yaml: Language = {
  id: 'yaml',
  path: (r, i) => `config/${word(r)}-${i}.${r.pick(['yml', 'yaml'])}`,
  header: (r) => [`service: ${word(r)}`, 'settings:'],
  filler: (r, i) => [`  ${word(r)}:`, `    enabled: ${r.pick(['true', 'false'])}`, `    replicas: ${i % 5 + 1}`, `    endpoint: https://${word(r)}.internal.acme.net/v${i % 3 + 1}`],
  assign: (name, value, r) => [`  ${lower(name)}: ${yamlValue(value, r)}`],
  reference: (name) => [`  ${lower(name)}: \${${name}}`],
  footer: () => [],
};

const workflow: Language = {
  id: 'workflow',
  path: (r, i) => `.github/workflows/${word(r)}-${i}.yml`,
  header: (r) => [`name: ${word(r)}`, 'on:', '  push:', '    branches: [main]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    env:'],
  filler: (r) => [`      NODE_ENV: ${r.pick(['production', 'test'])}`, `      LOG_LEVEL: info`],
  assign: (name, value, r) => [`      ${name}: ${yamlValue(value, r)}`],
  reference: (name) => [`      ${name}: \${{ secrets.${name} }}`],
  footer: () => ['    steps:', '      - uses: actions/checkout@v4', '      - run: npm ci && npm test'],
};

const dotenv: Language = {
  id: 'dotenv',
  path: (r, i) => `${word(r)}-${i}/.env${r.pick(['', '.production', '.staging', '.local'])}`,
  header: () => ['# Loaded by dotenv at start-up'],
  filler: (r, i) => [`PORT=${3000 + i}`, `LOG_LEVEL=${r.pick(['info', 'debug', 'warn'])}`, `${word(r).toUpperCase()}_ENABLED=${r.pick(['true', 'false'])}`],
  assign: (name, value) => [`${name}=${shellQuoted(value)}`],
  reference: (name) => [`${name}=\${${name}}`],
  footer: () => [],
};

const dockerfile: Language = {
  id: 'dockerfile',
  path: (r, i) => `docker/${word(r)}-${i}/Dockerfile`,
  header: (r) => [`FROM node:20-alpine AS build`, `WORKDIR /app/${word(r)}`, 'COPY package*.json ./', 'RUN npm ci --omit=dev'],
  filler: (r) => [r.pick(['COPY . .', 'RUN npm run build', 'EXPOSE 8080', 'USER node', `LABEL org.opencontainers.image.source=https://github.com/acme/${word(r)}`])],
  assign: (name, value, r) => [`${r.pick(['ENV', 'ARG'])} ${name}=${shellQuoted(value)}`],
  reference: (name) => [`ARG ${name}`],
  footer: () => ['CMD ["node", "dist/index.js"]'],
};

const terraform: Language = {
  id: 'terraform',
  path: (r, i) => `infra/${word(r)}/${r.pick(['main', 'providers', 'variables'])}-${i}.tf`,
  header: (r) => ['terraform {', '  required_version = ">= 1.6"', '}', '', `locals {`, `  service = "${word(r)}"`],
  filler: (r, i) => [`  ${word(r)}_bucket = "acme-${word(r)}-${i}"`, `  retention_days = ${(i % 12) * 30 + 30}`],
  assign: (name, value) => [`  ${lower(name)} = "${value}"`],
  reference: (name) => [`  ${lower(name)} = var.${lower(name)}`],
  footer: () => ['}'],
};

const kubernetes: Language = {
  id: 'kubernetes',
  path: (r, i) => `deploy/k8s/${word(r)}-${i}.yaml`,
  header: (r) => {
    const w = word(r);
    return ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${w}`, 'spec:', '  template:', '    spec:', '      containers:', `        - name: ${w}`, `          image: ghcr.io/acme/${w}:1.${r.int(30)}.0`, '          env:'];
  },
  filler: (r) => ['            - name: LOG_LEVEL', `              value: ${r.pick(['info', 'debug'])}`],
  assign: (name, value) => [`            - name: ${name}`, `              value: "${value}"`],
  reference: (name) => [`            - name: ${name}`, '              valueFrom:', '                secretKeyRef:', `                  name: ${lower(name).replace(/_/g, '-')}`, '                  key: value'],
  footer: () => [],
};

const json: Language = {
  id: 'json',
  path: (r, i) => `config/${word(r)}.${r.pick(['production', 'staging', 'default'])}-${i}.json`,
  header: (r) => ['{', `  "service": "${word(r)}",`, '  "settings": {'],
  filler: (r, i) => [`    "${word(r)}Timeout": ${i * 100 + 500},`, `    "${word(r)}Url": "https://${word(r)}.internal.acme.net",`],
  assign: (name, value) => [`    "${camel(name)}": "${value}",`],
  reference: (name) => [`    "${camel(name)}Env": "${name}",`],
  footer: () => ['    "debug": false', '  }', '}'],
};

const markdown: Language = {
  id: 'markdown',
  path: (r, i) => `docs/${word(r)}-${i}.md`,
  header: (r) => [`# ${pascal(word(r))} service`, '', 'This service is deployed by the platform team. Configure it through environment variables.', ''],
  filler: (r) => [`## ${pascal(word(r))}`, '', `Requests go through the ${word(r)} gateway; see the runbook before changing timeouts.`, ''],
  assign: (name, value) => ['```sh', `export ${name}=${shellQuoted(value)}`, '```'],
  reference: (name) => [`Set \`${name}\` in the repository secrets; the workflow reads it as \`\${{ secrets.${name} }}\`.`],
  footer: () => [],
};

const shell: Language = {
  id: 'shell',
  path: (r, i) => `scripts/${r.pick(['deploy', 'release', 'backup', 'seed'])}-${word(r)}-${i}.sh`,
  header: () => ['#!/usr/bin/env bash', 'set -euo pipefail', ''],
  filler: (r) => [`echo "deploying ${word(r)}"`, `kubectl rollout status deployment/${word(r)} --timeout=120s`, ''],
  assign: (name, value) => [`export ${name}="${value}"`],
  reference: (name) => [`: "\${${name}:?${name} must be set}"`],
  footer: () => ['echo done'],
};

export const languages: Language[] = [typescript, python, go, java, properties, yaml, workflow, dotenv, dockerfile, terraform, kubernetes, json, markdown, shell];
