import type { Rng } from './rng.js';
import { az, azD, hex } from './rng.js';

/** One planted or decoy assignment rendered into a file: its lines and the text that holds the value. */
export interface Rendered {
  lines: string[];
  /** The exact text to locate in the file (the value, or its encoded form). */
  needle: string;
}

/** Forms of a variable name: `STRIPE_SECRET_KEY`, `stripe_secret_key`, `stripeSecretKey`, `StripeSecretKey`, ... */
export class Name {
  readonly words: string[];
  constructor(readonly screaming: string) {
    this.words = screaming.toLowerCase().split('_').filter(Boolean);
  }
  get snake() {
    return this.words.join('_');
  }
  get kebab() {
    return this.words.join('-');
  }
  get camel() {
    return this.words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  }
  get pascal() {
    return this.words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  }
  get dotted() {
    return this.words.join('.');
  }
  /** `stripe` and `secretKey`: a section and a key, as Helm values and appsettings.json nest them. */
  get head() {
    return this.words[0]!;
  }
  get tailCamel() {
    const rest = this.words.slice(1);
    if (rest.length === 0) return 'value';
    return rest.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  }
}

export interface Context {
  id: string;
  /** File path for the n-th file of this context. */
  path: (r: Rng, n: number) => string;
  head: (r: Rng) => string[];
  foot: (r: Rng) => string[];
  /** Renders `name = value`; `bearer` says the value may be shown as an Authorization header instead. */
  render: (name: Name, value: string, r: Rng, bearer: boolean) => Rendered;
  /** The context puts the name on another line than the value, or no name at all: only self-identifying values. */
  selfOnly?: boolean;
  /** The name is fixed by the format (`npmAuthToken:`, `Authorization:`): no value decoys, whose meaning needs their own name. */
  fixedName?: boolean;
  /** Filler lines between items. */
  filler?: (r: Rng) => string[];
}

const one = (line: string, value: string): Rendered => ({ lines: [line], needle: value });
const q = (r: Rng) => r.one(['"', "'"]);
const host = (r: Rng) => `${r.one(['api', 'svc', 'edge', 'internal'])}.${r.one(['acme-corp', 'globex', 'initech', 'umbrella-labs'])}.${r.one(['com', 'io', 'net'])}`;

export const contexts: Context[] = [
  {
    id: 'dotenv',
    path: (r, n) => `${r.one(['', 'services/api/', 'apps/web/', 'deploy/'])}.env${r.one(['', '.production', '.local', '.staging'])}`.replace(/^/, `e${n}/`),
    head: (r) => [`# ${r.one(['Production', 'Staging', 'Local'])} settings`, `NODE_ENV=${r.one(['production', 'development'])}`, `PORT=${r.range(3000, 9000)}`],
    foot: () => ['LOG_LEVEL=info'],
    render: (n, v, r) => {
      const s = r.below(4);
      if (s === 0) return one(`${n.screaming}=${v}`, v);
      if (s === 1) return one(`${n.screaming}="${v}"`, v);
      if (s === 2) return one(`${n.screaming}='${v}'`, v);
      return one(`export ${n.screaming}=${v}`, v);
    },
    filler: (r) => (r.coin(0.3) ? [''] : r.coin(0.5) ? [`# ${r.one(['rotate quarterly', 'owned by platform', 'see runbook'])}`] : []),
  },
  {
    id: 'shell',
    path: (r, n) => `scripts/${r.one(['deploy', 'bootstrap', 'release', 'smoke-test', 'backup'])}-${n}.sh`,
    head: () => ['#!/usr/bin/env bash', 'set -euo pipefail', ''],
    foot: () => ['echo "done"'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 4 : 2);
      if (s === 0) return one(`export ${n.screaming}="${v}"`, v);
      if (s === 1) return one(`${n.screaming}='${v}' ./bin/run --env prod`, v);
      if (s === 2) return one(`curl -fsSL -H "Authorization: Bearer ${v}" https://${host(r)}/v2/status`, v);
      return one(`curl -s -X POST https://${host(r)}/hooks -H 'Content-Type: application/json' -H 'Authorization: token ${v}' -d @payload.json`, v);
    },
  },
  {
    id: 'k8s-secret',
    path: (r, n) => `k8s/${r.one(['base', 'overlays/prod', 'apps'])}/secret-${n}.yaml`,
    head: (r) => ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${r.one(['app', 'worker', 'gateway'])}-env`, `  namespace: ${r.one(['prod', 'default', 'payments'])}`, 'type: Opaque', 'stringData:'],
    foot: () => [],
    render: (n, v, r) => one(r.coin() ? `  ${n.screaming}: "${v}"` : `  ${n.kebab}: ${v}`, v),
  },
  {
    id: 'k8s-secret-data',
    path: (r, n) => `manifests/secrets/${r.one(['db', 'api', 'mail'])}-${n}.yaml`,
    head: (r) => ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: creds-${r.chars(az, 5)}`, 'type: Opaque', 'data:'],
    foot: () => [],
    render: (n, v, r) => {
      const b = Buffer.from(v).toString('base64');
      return one(`  ${r.coin() ? n.screaming : n.kebab}: ${b}`, b);
    },
  },
  {
    id: 'k8s-deployment-env',
    path: (r, n) => `k8s/deployments/${r.one(['api', 'worker', 'cron'])}-${n}.yaml`,
    head: (r) => ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${r.one(['api', 'worker'])}`, 'spec:', '  template:', '    spec:', '      containers:', '        - name: app', `          image: ghcr.io/acme/app:1.${r.range(0, 30)}.${r.range(0, 9)}`, '          env:'],
    foot: () => ['          ports:', '            - containerPort: 8080'],
    render: (n, v) => ({ lines: [`            - name: ${n.screaming}`, `              value: "${v}"`], needle: v }),
  },
  {
    id: 'compose',
    path: (r, n) => `${r.one(['', 'dev/', 'infra/'])}docker-compose${n ? `.${n}` : ''}.yml`,
    head: (r) => ['services:', `  ${r.one(['api', 'db', 'worker'])}:`, `    image: ${r.one(['postgres:16', 'node:22-alpine', 'redis:7'])}`, '    environment:'],
    foot: () => ['    ports:', '      - "8080:8080"'],
    render: (n, v, r) => one(r.coin() ? `      - ${n.screaming}=${v}` : `      ${n.screaming}: ${r.coin() ? `"${v}"` : v}`, v),
  },
  {
    id: 'workflow',
    path: (r, n) => `.github/workflows/${r.one(['ci', 'deploy', 'nightly', 'release'])}-${n}.yml`,
    head: (r) => [`name: ${r.one(['CI', 'Deploy', 'Nightly'])}`, 'on: [push]', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    env:'],
    foot: () => ['    steps:', '      - uses: actions/checkout@v4', '      - run: make test'],
    render: (n, v, r) => one(`      ${n.screaming}: ${r.coin() ? `'${v}'` : v}`, v),
  },
  {
    id: 'helm-values',
    path: (r, n) => `charts/${r.one(['api', 'platform', 'web'])}-${n}/values${r.one(['', '-prod'])}.yaml`,
    head: (r) => [`replicaCount: ${r.range(1, 5)}`, 'image:', '  repository: registry.acme.io/app', '  pullPolicy: IfNotPresent'],
    foot: () => ['resources: {}'],
    render: (n, v, r) => ({ lines: [`${n.head}:`, `  enabled: true`, `  ${n.tailCamel}: ${r.coin() ? `"${v}"` : v}`], needle: v }),
  },
  {
    id: 'json-config',
    path: (r, n) => `config/${r.one(['production', 'default', 'staging'])}-${n}.json`,
    head: () => ['{', '  "server": { "port": 8080 },'],
    foot: () => ['  "debug": false', '}'],
    render: (n, v) => one(`  "${n.camel}": "${v}",`, v),
  },
  {
    id: 'appsettings',
    path: (r, n) => `src/Acme.${r.one(['Api', 'Web', 'Worker'])}${n}/appsettings${r.one(['', '.Production'])}.json`,
    head: () => ['{', '  "Logging": { "LogLevel": { "Default": "Information" } },'],
    foot: () => ['  "AllowedHosts": "*"', '}'],
    render: (n, v) => ({ lines: [`  "${n.pascal}": "${v}",`], needle: v }),
  },
  {
    id: 'postman',
    path: (r, n) => `postman/${r.one(['orders', 'billing', 'users'])}-${n}.postman_collection.json`,
    head: (r) => ['{', `  "info": { "name": "${r.one(['Orders', 'Billing'])} API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },`, '  "variable": ['],
    foot: () => ['    { "key": "baseUrl", "value": "https://api.acme.io" }', '  ]', '}'],
    render: (n, v, r, bearer) =>
      bearer && r.coin()
        ? one(`    { "key": "Authorization", "value": "Bearer ${v}", "type": "text" },`, v)
        : one(`    { "key": "${n.camel}", "value": "${v}", "type": "string" },`, v),
  },
  {
    id: 'tfstate',
    path: (r, n) => `terraform/${r.one(['prod', 'staging'])}/terraform-${n}.tfstate`,
    head: (r) => ['{', '  "version": 4,', `  "terraform_version": "1.${r.range(3, 9)}.${r.range(0, 5)}",`, `  "serial": ${r.range(1, 300)},`, '  "outputs": {'],
    foot: () => ['    "region": { "value": "eu-west-1", "type": "string" }', '  }', '}'],
    render: (n, v) => ({ lines: [`    "${n.snake}": {`, `      "value": "${v}",`, '      "type": "string",', '      "sensitive": true', '    },'], needle: v }),
  },
  {
    id: 'ipynb',
    path: (r, n) => `notebooks/${r.one(['explore', 'train', 'eval'])}_${n}.ipynb`,
    head: () => ['{', ' "cells": [', '  {', '   "cell_type": "code",', '   "execution_count": 1,', '   "metadata": {},', '   "outputs": [],', '   "source": ['],
    foot: () => ['    "print(\\"ok\\")"', '   ]', '  }', ' ],', ' "nbformat": 4,', ' "nbformat_minor": 5', '}'],
    render: (n, v, r) => (r.coin() ? one(`    "os.environ[\\"${n.screaming}\\"] = \\"${v}\\"\\n",`, v) : one(`    "${n.snake} = '${v}'\\n",`, v)),
  },
  {
    id: 'xml',
    path: (r, n) => `${r.one(['src/main/webapp/WEB-INF', 'Acme.Web', 'conf'])}/${r.one(['web.config', 'app.config', 'settings.xml'])}`.replace(/^/, `x${n}/`),
    head: () => ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <appSettings>'],
    foot: () => ['  </appSettings>', '</configuration>'],
    render: (n, v, r) => (r.coin() ? one(`    <add key="${n.pascal}" value="${v}" />`, v) : one(`    <${n.camel}>${v}</${n.camel}>`, v)),
  },
  {
    id: 'properties',
    path: (r, n) => `src/main/resources/application${r.one(['', '-prod', '-cloud'])}-${n}.properties`,
    head: () => ['server.port=8080', 'spring.application.name=orders'],
    foot: () => ['management.endpoints.web.exposure.include=health'],
    render: (n, v, r) => one(r.coin() ? `${n.dotted}=${v}` : `app.${n.head}.${n.words.slice(1).join('-') || 'value'}=${v}`, v),
  },
  {
    id: 'ini',
    path: (r, n) => `${r.one(['conf', 'etc'])}/${r.one(['app', 'service', 'settings'])}-${n}.${r.one(['ini', 'cfg', 'conf'])}`,
    head: (r) => [`[${r.one(['default', 'production', 'service'])}]`, 'timeout = 30'],
    foot: () => ['retries = 3'],
    render: (n, v) => one(`${n.snake} = ${v}`, v),
  },
  {
    id: 'toml',
    path: (r, n) => `${r.one(['', 'config/'])}${r.one(['settings', 'app', 'secrets'])}-${n}.toml`,
    head: () => ['[server]', 'port = 8080', '', '[credentials]'],
    foot: () => ['', '[features]', 'beta = false'],
    render: (n, v) => one(`${n.snake} = "${v}"`, v),
  },
  {
    id: 'terraform',
    path: (r, n) => `infra/${r.one(['main', 'providers', 'secrets'])}-${n}.tf`,
    head: (r) => [`provider "${r.one(['aws', 'datadog', 'github'])}" {`, `  region = "us-east-1"`, '}', '', 'locals {'],
    foot: () => ['}'],
    render: (n, v) => one(`  ${n.snake} = "${v}"`, v),
  },
  {
    id: 'dockerfile',
    path: (r, n) => `${r.one(['', 'docker/', 'services/api/'])}Dockerfile${n ? `.${n}` : ''}`,
    head: (r) => [`FROM ${r.one(['node:22-slim', 'python:3.12-slim', 'golang:1.23'])}`, 'WORKDIR /app'],
    foot: () => ['COPY . .', 'CMD ["./start.sh"]'],
    render: (n, v, r) => {
      const s = r.below(3);
      if (s === 0) return one(`ENV ${n.screaming}=${v}`, v);
      if (s === 1) return one(`ENV ${n.screaming} ${v}`, v);
      return one(`ARG ${n.screaming}=${v}`, v);
    },
  },
  {
    id: 'python',
    path: (r, n) => `${r.one(['app', 'src/acme', 'scripts'])}/${r.one(['settings', 'client', 'config', 'integrations'])}_${n}.py`,
    head: () => ['import os', 'import requests', ''],
    foot: () => ['', 'def main():', '    pass'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 6 : 5);
      const c = q(r);
      if (s === 0) return one(`${n.screaming} = ${c}${v}${c}`, v);
      if (s === 1) return one(`client = ${n.pascal.replace(/(Key|Token|Secret|Password)$/, '')}Client(${n.snake}=${c}${v}${c}, timeout=30)`, v);
      if (s === 2) return one(`    ${c}${n.snake}${c}: ${c}${v}${c},`, v);
      if (s === 3) return one(`os.environ.setdefault("${n.screaming}", "${v}")`, v);
      if (s === 4) return one(`${n.snake} = os.getenv("${n.screaming}", "${v}")`, v);
      return one(`headers = {"Authorization": f"Bearer ${v}", "X-Request-Id": str(rid)}`, v);
    },
  },
  {
    id: 'javascript',
    path: (r, n) => `${r.one(['src', 'lib', 'server'])}/${r.one(['config', 'client', 'api', 'firebase'])}${n}.${r.one(['js', 'ts', 'mjs'])}`,
    head: () => ["import axios from 'axios';", ''],
    foot: () => ['', 'export default config;'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 6 : 5);
      const c = r.one(['"', "'", '`']);
      if (s === 0) return one(`const ${n.camel} = ${c}${v}${c};`, v);
      if (s === 1) return one(`  ${n.camel}: ${c}${v}${c},`, v);
      if (s === 2) return one(`const ${n.camel} = process.env.${n.screaming} || '${v}';`, v);
      if (s === 3) return one(`export const ${n.screaming} = "${v}";`, v);
      if (s === 4) return one(`  headers: { 'x-api-key': '${v}' },`.replace('x-api-key', n.kebab), v);
      return one(`  headers: { Authorization: \`Bearer ${v}\` },`, v);
    },
  },
  {
    id: 'go',
    path: (r, n) => `${r.one(['internal/config', 'pkg/client', 'cmd/server'])}/${r.one(['config', 'client', 'auth'])}_${n}.go`,
    head: () => ['package config', '', 'import "os"', ''],
    foot: () => ['', 'func init() { _ = os.Getenv("HOME") }'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 5 : 4);
      if (s === 0) return one(`const ${n.camel} = "${v}"`, v);
      if (s === 1) return one(`\t${n.camel} := "${v}"`, v);
      if (s === 2) return one(`\t\t${n.pascal}: "${v}",`, v);
      if (s === 3) return one(`\tos.Setenv("${n.screaming}", "${v}")`, v);
      return one(`\treq.Header.Set("Authorization", "Bearer ${v}")`, v);
    },
  },
  {
    id: 'java',
    path: (r, n) => `src/main/java/com/acme/${r.one(['config', 'client'])}/${r.one(['AppConfig', 'ApiClient', 'Credentials'])}${n}.java`,
    head: () => ['package com.acme.config;', '', 'public final class AppConfig {'],
    foot: () => ['}'],
    render: (n, v, r) => {
      const s = r.below(3);
      if (s === 0) return one(`    private static final String ${n.screaming} = "${v}";`, v);
      if (s === 1) return one(`        props.put("${n.dotted}", "${v}");`, v);
      return one(`        String ${n.camel} = "${v}";`, v);
    },
  },
  {
    id: 'csharp',
    path: (r, n) => `src/Acme.${r.one(['Core', 'Api'])}/${r.one(['Settings', 'Secrets', 'Client'])}${n}.cs`,
    head: () => ['namespace Acme.Core;', '', 'public static class Settings', '{'],
    foot: () => ['}'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 3 : 2);
      if (s === 0) return one(`    public const string ${n.pascal} = "${v}";`, v);
      if (s === 1) return one(`    private static readonly string ${n.camel} = "${v}";`, v);
      return one(`        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${v}");`, v);
    },
  },
  {
    id: 'ruby',
    path: (r, n) => `${r.one(['config/initializers', 'lib/acme'])}/${r.one(['stripe', 'client', 'settings'])}_${n}.rb`,
    head: () => ['# frozen_string_literal: true', ''],
    foot: () => [''],
    render: (n, v, r) => {
      const s = r.below(3);
      if (s === 0) return one(`${n.screaming} = '${v}'.freeze`, v);
      if (s === 1) return one(`  config.${n.snake} = "${v}"`, v);
      return one(`${n.snake} = ENV.fetch('${n.screaming}', '${v}')`, v);
    },
  },
  {
    id: 'php',
    path: (r, n) => `${r.one(['config', 'app/Services'])}/${r.one(['services', 'mail', 'payment'])}${n}.php`,
    head: () => ['<?php', '', 'return ['],
    foot: () => ['];'],
    render: (n, v, r) => {
      const s = r.below(3);
      if (s === 0) return one(`    '${n.snake}' => '${v}',`, v);
      if (s === 1) return one(`define('${n.screaming}', '${v}');`, v);
      return one(`$${n.camel} = "${v}";`, v);
    },
  },
  {
    id: 'rust',
    path: (r, n) => `src/${r.one(['config', 'client', 'main'])}_${n}.rs`,
    head: () => ['use std::env;', ''],
    foot: () => ['', 'fn main() {}'],
    render: (n, v, r, bearer) => {
      const s = r.below(bearer ? 3 : 2);
      if (s === 0) return one(`const ${n.screaming}: &str = "${v}";`, v);
      if (s === 1) return one(`    let ${n.snake} = "${v}";`, v);
      return one(`    let resp = client.get(url).bearer_auth("${v}").send()?;`, v);
    },
  },
  {
    id: 'log',
    path: (r, n) => `logs/${r.one(['app', 'worker', 'debug'])}-2025-0${r.range(1, 9)}-${n}.log`,
    head: () => ['2025-04-02T09:12:44.102Z INFO  server started on :8080'],
    foot: () => ['2025-04-02T09:13:01.877Z INFO  shutdown complete'],
    selfOnly: true,
    render: (n, v, r, bearer) => {
      const ts = `2025-04-02T09:1${r.range(2, 9)}:${r.range(10, 59)}.${r.range(100, 999)}Z`;
      const s = r.below(bearer ? 3 : 2);
      if (s === 0) return one(`${ts} DEBUG config loaded ${n.snake}=${v} region=us-east-1`, v);
      if (s === 1) return one(`${ts} WARN  retrying request with credential ${v} (attempt 2)`, v);
      return one(`${ts} DEBUG > GET /v1/items HTTP/1.1 | Authorization: Bearer ${v} | Accept: */*`, v);
    },
    filler: (r) => [`2025-04-02T09:12:${r.range(10, 59)}.${r.range(100, 999)}Z INFO  request id=${r.chars(hex, 16)} status=200 duration=${r.range(1, 900)}ms`],
  },
  {
    id: 'markdown',
    path: (r, n) => `docs/${r.one(['setup', 'deploy', 'troubleshooting', 'onboarding'])}-${n}.md`,
    head: (r) => [`# ${r.one(['Setup', 'Deploying', 'Troubleshooting'])}`, '', 'Run the following before starting the service:', '', '```bash'],
    foot: () => ['```', '', 'Then open the dashboard.'],
    render: (n, v) => one(`export ${n.screaming}=${v}`, v),
  },
  {
    id: 'markdown-prose',
    path: (r, n) => `docs/notes/${r.one(['incident', 'handover', 'meeting'])}-${n}.md`,
    head: () => ['# Notes', ''],
    foot: () => ['', '- follow up next week'],
    selfOnly: true,
    render: (n, v, r) => one(r.coin() ? `- the staging key is \`${v}\`, ask ops before rotating` : `Temporary credential for the demo: ${v}`, v),
  },
  {
    id: 'bundle',
    path: (r, n) => `public/assets/index-${r.chars(azD, 8)}${n}.js`,
    head: () => ['"use strict";(()=>{var e={};'],
    foot: () => ['})();'],
    render: (n, v, r) => {
      const pre = `var ${r.chars(az, 2)}=function(t){return t&&t.__esModule?t:{default:t}},${r.chars(az, 2)}={${n.camel}:"`;
      return one(`${pre}${v}",projectId:"acme-${r.chars(azD, 6)}",timeout:3e4};${r.chars(az, 1)}.init(${r.chars(az, 2)});`.repeat(1), v);
    },
  },
  // Round two: contexts added after the first fixes, to check that they generalise.
  {
    id: 'tfvars',
    path: (r, n) => `infra/envs/${r.one(['prod', 'staging', 'dev'])}-${n}.auto.tfvars`,
    head: () => ['region = "eu-central-1"'],
    foot: () => ['instance_count = 3'],
    render: (n, v) => one(`${n.snake} = "${v}"`, v),
  },
  {
    id: 'gitlab-ci',
    path: (r, n) => `ci${n}/.gitlab-ci.yml`,
    head: () => ['stages: [build, deploy]', '', 'variables:'],
    foot: () => ['', 'deploy:', '  stage: deploy', '  script:', '    - ./deploy.sh'],
    render: (n, v, r) => one(`  ${n.screaming}: ${r.coin() ? `"${v}"` : v}`, v),
  },
  {
    id: 'spring-yaml',
    path: (r, n) => `src/main/resources/application-${r.one(['prod', 'docker', 'k8s'])}${n}.yml`,
    head: () => ['server:', '  port: 8080', 'spring:', '  application:', '    name: billing'],
    foot: () => ['logging:', '  level:', '    root: INFO'],
    render: (n, v, r) => ({ lines: [`${n.head}:`, `  ${n.words.slice(1).join('-') || 'value'}: ${r.coin() ? v : `'${v}'`}`], needle: v }),
  },
  {
    id: 'django-settings',
    path: (r, n) => `${r.one(['backend', 'web', 'api'])}/settings/${r.one(['production', 'base', 'local'])}_${n}.py`,
    head: () => ['from pathlib import Path', '', 'DEBUG = False', 'DATABASES = {', "    'default': {", "        'ENGINE': 'django.db.backends.postgresql',"],
    foot: () => ['    }', '}'],
    render: (n, v, r) => one(`        '${r.coin() ? n.screaming : n.words[n.words.length - 1]!.toUpperCase()}': '${v}',`, v),
  },
  {
    id: 'yarnrc',
    path: (r, n) => `app${n}/.yarnrc.yml`,
    head: () => ['nodeLinker: node-modules', 'npmScopes:', '  acme:', '    npmRegistryServer: "https://npm.pkg.github.com"'],
    foot: () => ['yarnPath: .yarn/releases/yarn-4.1.0.cjs'],
    selfOnly: true,
    fixedName: true,
    render: (n, v) => one(`    npmAuthToken: "${v}"`, v),
  },
  {
    id: 'wordpress',
    path: (r, n) => `site${n}/wp-config.php`,
    head: () => ['<?php', "define( 'DB_NAME', 'wordpress' );", "define( 'DB_USER', 'wp' );"],
    foot: () => ["$table_prefix = 'wp_';", "require_once ABSPATH . 'wp-settings.php';"],
    render: (n, v) => one(`define( '${n.screaming}', '${v}' );`, v),
  },
  {
    id: 'kotlin',
    path: (r, n) => `app/src/main/kotlin/com/acme/${r.one(['Config', 'ApiClient'])}${n}.kt`,
    head: () => ['package com.acme', '', 'object Config {'],
    foot: () => ['}'],
    render: (n, v, r) => one(r.coin() ? `    const val ${n.screaming} = "${v}"` : `    val ${n.camel}: String = "${v}"`, v),
  },
  {
    id: 'swift',
    path: (r, n) => `ios/Acme/${r.one(['Secrets', 'Environment', 'APIClient'])}${n}.swift`,
    head: () => ['import Foundation', '', 'enum Secrets {'],
    foot: () => ['}'],
    render: (n, v) => one(`    static let ${n.camel} = "${v}"`, v),
  },
  {
    id: 'c',
    path: (r, n) => `firmware/${r.one(['src', 'include'])}/${r.one(['config', 'secrets', 'net'])}_${n}.h`,
    head: () => ['#pragma once', ''],
    foot: () => ['', '#define RETRY_COUNT 3'],
    render: (n, v, r) => one(r.coin() ? `#define ${n.screaming} "${v}"` : `static const char *${n.snake} = "${v}";`, v),
  },
  {
    id: 'powershell',
    // The value stands where a password goes, whatever the name: value decoys would change meaning here.
    fixedName: true,
    path: (r, n) => `scripts/${r.one(['Deploy', 'Setup', 'Backup'])}-${n}.ps1`,
    head: () => ['$ErrorActionPreference = "Stop"', ''],
    foot: () => ['Write-Host "Done"'],
    render: (n, v, r) => {
      const s = r.below(3);
      if (s === 0) return one(`$env:${n.screaming} = "${v}"`, v);
      if (s === 1) return one(`$${n.camel} = '${v}'`, v);
      return one(`$secure = ConvertTo-SecureString "${v}" -AsPlainText -Force  # ${n.snake}`, v);
    },
  },
  {
    id: 'batch',
    path: (r, n) => `tools/${r.one(['build', 'run', 'release'])}-${n}.cmd`,
    head: () => ['@echo off', 'setlocal'],
    foot: () => ['call run.cmd', 'endlocal'],
    render: (n, v, r) => one(`${r.one(['set', 'SET'])} ${n.screaming}=${v}`, v),
  },
  {
    id: 'sql',
    // The value stands where a password goes, whatever the name: value decoys would change meaning here.
    fixedName: true,
    path: (r, n) => `db/migrations/00${r.range(10, 99)}_${r.one(['create_users', 'grants', 'roles'])}_${n}.sql`,
    head: () => ['-- roles for the services', 'BEGIN;'],
    foot: () => ['COMMIT;'],
    render: (n, v, r) => {
      const p = v.replace(/'/g, 'q');
      return r.coin() ? one(`CREATE USER ${r.one(['app', 'reporting', 'etl'])} WITH PASSWORD '${p}';`, p) : one(`ALTER USER ${r.one(['svc_orders', 'readonly'])} IDENTIFIED BY '${p}';`, p);
    },
  },
  {
    id: 'http-file',
    path: (r, n) => `api-tests/${r.one(['orders', 'users'])}-${n}.http`,
    head: () => ['### list orders'],
    foot: () => ['Accept: application/json'],
    selfOnly: true,
    fixedName: true,
    render: (n, v, r) => ({ lines: [`GET https://${host(r)}/v1/orders`, `Authorization: Bearer ${v}`], needle: v }),
  },
  {
    id: 'cli-args',
    // The value stands where a password goes, whatever the name: value decoys would change meaning here.
    fixedName: true,
    path: (r, n) => `scripts/ops-${n}.sh`,
    head: () => ['#!/bin/sh', 'set -e'],
    foot: () => ['exit 0'],
    render: (n, v, r) => {
      const p = v.replace(/['"\\$`]/g, 'Z');
      const s = r.below(5);
      if (s === 0) return one(`curl -u admin:${p} https://${host(r)}/api/backup`, p);
      if (s === 1) return one(`docker login -u ci-bot -p ${p} registry.acme.io`, p);
      if (s === 2) return one(`mysql -h db.internal -u root -p'${p}' shop < dump.sql`, p);
      if (s === 3) return one(`helm upgrade --install app ./chart --set ${n.head}.${n.tailCamel}=${p}`, p);
      return one(`sshpass -p '${p}' ssh deploy@10.0.4.2 'systemctl restart app'`, p);
    },
  },
  {
    id: 'python-calls',
    // The value stands where a password goes, whatever the name: value decoys would change meaning here.
    fixedName: true,
    path: (r, n) => `etl/${r.one(['load', 'extract', 'sync'])}_${n}.py`,
    head: () => ['import psycopg2', 'import requests', ''],
    foot: () => ['', 'if __name__ == "__main__":', '    run()'],
    render: (n, v, r) => {
      const p = v.replace(/['"\\]/g, 'Q');
      const s = r.below(3);
      if (s === 0) return one(`conn = psycopg2.connect(host="db.internal", user="etl", password="${p}", dbname="dw")`, p);
      if (s === 1) return one(`resp = requests.get(URL, auth=("svc-etl", "${p}"), timeout=10)`, p);
      return one(`dsn = "host=db.internal port=5432 user=etl password=${p.replace(/\s/g, '')} sslmode=require"`, p.replace(/\s/g, ''));
    },
  },
  {
    id: 'json-minified',
    path: (r, n) => `config/runtime-${n}.json`,
    head: () => [],
    foot: () => [],
    render: (n, v, r) => one(`{"env":"prod","${n.camel}":"${v}","retries":${r.range(1, 5)},"endpoints":{"api":"https://${host(r)}"}}`, v),
  },
  {
    id: 'yaml-flow',
    path: (r, n) => `deploy/ansible/group_vars/${r.one(['web', 'db', 'all'])}-${n}.yml`,
    head: () => ['---', 'app_user: deploy'],
    foot: () => ['app_port: 8080'],
    render: (n, v, r) => (r.coin() ? one(`${n.snake}: "${v}"`, v) : one(`${n.head}: { ${n.words.slice(1).join('_') || 'value'}: "${v}", enabled: true }`, v)),
  },
];
