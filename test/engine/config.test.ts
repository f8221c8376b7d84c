import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createScanner, loadBaseline, loadConfig, parseConfig } from '../../src/engine/index.js';
import { randomFrom } from '../helpers/fake-secrets.js';

function problemsOf(text: string) {
  try {
    parseConfig(text, '.keyward.yml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('config file', () => {
  it('reads every setting', () => {
    const config = parseConfig(
      [
        'version: 1',
        'fail-on: medium',
        'block-long-lived: false',
        'max-file-size: 2MB',
        'ignore-paths: ["test/fixtures/**"]',
        'rules:',
        '  disable: [aws-access-key-id]',
        '  severity: { acme-key: critical }',
        '  custom:',
        '    - id: acme-key',
        '      title: Acme API key',
        '      severity: high',
        '      keywords: [acme_]',
        '      pattern: \'\\b(acme_[a-z0-9]{24})\\b\'',
        '      long-lived: true',
        'allowlist:',
        '  values: ["^test-"]',
        '  stopwords: [fixture]',
      ].join('\n'),
      '.keyward.yml',
    );
    expect(config).toMatchObject({ failOn: 'medium', blockLongLived: false, maxFileSize: 2 * 1024 * 1024 });
    expect(config.ignorePaths).toContain('test/fixtures/**');
    expect(config.rules.disable).toEqual(['aws-access-key-id']);
    expect(config.rules.severity).toEqual({ 'acme-key': 'critical' });
    const scanner = createScanner({ config });
    const value = 'acme_' + randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 24);
    const found = scanner.scanBuffer(Buffer.from(`key = "${value}"`), 'src/a.ts').findings;
    expect(found).toMatchObject([{ ruleId: 'acme-key', severity: 'critical', provider: 'Custom' }]);
    expect(scanner.scanBuffer(Buffer.from('AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 16)), 'a').findings).toHaveLength(0);
  });

  it('names file, line, column and field for each problem', () => {
    const problems = problemsOf(['fail-on: urgent', 'rules:', '  custom:', '    - id: Bad Id', '      pattern: "(unclosed"', 'allowlist:', '  fingerprint: []'].join('\n'));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: '.keyward.yml', line: 1, field: 'fail-on' }),
        expect.objectContaining({ line: 4, field: 'rules.custom[0].id' }),
        expect.objectContaining({ line: 5, field: 'rules.custom[0].pattern', message: expect.stringContaining('RE2') }),
        expect.objectContaining({ line: 4, field: 'rules.custom[0].keywords' }),
        expect.objectContaining({ line: 7, field: 'allowlist.fingerprint', message: expect.stringContaining('fingerprints') }),
      ]),
    );
    for (const problem of problems) expect(problem.line).toBeGreaterThan(0);
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf('rules:\n  disable: [a, b\nfail-on: high\n');
    expect(problems[0]).toMatchObject({ file: '.keyward.yml', field: '(yaml)' });
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it('rejects unknown rule ids and a missing pattern', () => {
    const problems = problemsOf('rules:\n  disable: [no-such-rule]\n  custom:\n    - id: x-key\n      keywords: [x]\n');
    expect(problems.map((p) => p.field)).toEqual(expect.arrayContaining(['rules.disable[0]', 'rules.custom[0].pattern']));
  });

  it('finds .keyward.yml or .github/keyward.yml, and defaults without one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-config-'));
    expect(loadConfig({ repoDir: dir }).failOn).toBe('high');
    mkdirSync(join(dir, '.github'));
    writeFileSync(join(dir, '.github/keyward.yml'), 'fail-on: low\n');
    expect(loadConfig({ repoDir: dir })).toMatchObject({ failOn: 'low', source: '.github/keyward.yml' });
  });

  it('loads baselines from a JSON report or a plain list', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-baseline-'));
    const print = 'a'.repeat(64);
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ findings: [{ fingerprint: print }] }));
    writeFileSync(join(dir, 'list.txt'), `# accepted\n${print}\n`);
    writeFileSync(join(dir, 'bad.txt'), 'nope\n');
    expect([...loadBaseline(join(dir, 'report.json'))]).toEqual([print]);
    expect([...loadBaseline(join(dir, 'list.txt'))]).toEqual([print]);
    expect(() => loadBaseline(join(dir, 'bad.txt'))).toThrow(/bad\.txt:1/);
  });
});
