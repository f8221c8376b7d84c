import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/engine/index.js';
import { builtinRules } from '../../src/rules/index.js';

const readme = readFileSync('README.md', 'utf8');
const section = (heading: string) => {
  const start = readme.indexOf(`${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const next = readme.slice(start + heading.length).search(/\n#{1,3} /);
  return readme.slice(start, next === -1 ? undefined : start + heading.length + next);
};
const codeBlocks = (text: string, lang: string) => [...text.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('README consistency', () => {
  it('refers to the Action (and its credentials sub-action) at @v1, with the pinned-SHA form shown once', () => {
    const refs = [...readme.matchAll(/uses: (\S*keyward\S*)/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.filter((ref) => ref !== 'keyward/keyward@v1' && ref !== 'keyward/keyward/credentials@v1')).toEqual(['keyward/keyward@<40-character']);
    expect(readme).not.toContain('<owner>/keyward@<');
  });

  it('names the quick start job as the check it tells you to require', () => {
    const workflow = parseYaml(codeBlocks(section('## Quick start (GitHub Action)'), 'yaml')[0]!) as { jobs: Record<string, { name: string }> };
    const jobName = Object.values(workflow.jobs)[0]!.name;
    expect(section('### Making it required')).toContain(`add \`${jobName}\``);
  });

  it('states the rule count of the catalogue and links nothing above the repository root', () => {
    const claimed = /(\d+) (?:provider )?rules/.exec(section('# Keyward'))?.[1];
    expect(Number(claimed)).toBe(builtinRules.length);
    expect(readme).not.toMatch(/\]\(\.\.\//);
  });

  it('lists every input action.yml declares', () => {
    const action = parseYaml(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> };
    const documented = new Set([...readme.matchAll(/^\| `([a-z0-9_-]+)` \|/gm)].map((m) => m[1]));
    expect(Object.keys(action.inputs).filter((name) => !documented.has(name))).toEqual([]);
  });

  it('shows a config example that Keyward accepts as written', () => {
    const example = codeBlocks(section('## Config file'), 'yaml')[0]!;
    const config = parseConfig(example, 'README.md');
    expect(config.rules.custom[0]).toMatchObject({ id: 'acme-api-key', paths: ['\\.(env|py)$'] });
    expect(config.allowlist.locations).toEqual([{ path: 'src/settings.py', line: 12, rule: 'acme-api-key' }]);
  });

  it('documents every CLI command the CLI has', () => {
    const cli = section('## CLI');
    for (const command of ['scan', 'audit-workflows', 'inventory init', 'inventory check', 'audit-secrets', 'config import-gitleaks', 'rules']) expect(cli).toContain(`keyward ${command}`);
  });
});

describe('README Verification section', () => {
  it('lists exactly the verifiers Keyward has, each with its rules and endpoint', async () => {
    const { VERIFIERS } = await import('../../src/verify/verifiers/index.js');
    const table = section('## Verification');
    const listed = [...table.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    const rowFor = (v: (typeof VERIFIERS)[number]) => `| \`${v.id}\` | ${v.rules.map((r) => `\`${r}\``).join(', ')} | \`${v.baseUrl}\`${v.baseUrlEnv ? ` (\`${v.baseUrlEnv}\`)` : ''} | (the call) |`;
    const missing = VERIFIERS.filter((v) => !listed.includes(v.id));
    expect(missing.map(rowFor), 'add these rows to the table in README, Verification').toEqual([]);
    expect(listed.filter((id) => !VERIFIERS.some((v) => v.id === id))).toEqual([]);
    for (const verifier of VERIFIERS) {
      const row = table.split('\n').find((line) => line.startsWith(`| \`${verifier.id}\` |`))!;
      expect(row).toContain(verifier.baseUrl);
      for (const rule of verifier.rules) expect(row).toContain(`\`${rule}\``);
    }
  });
});
