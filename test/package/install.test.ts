import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomFrom } from '../helpers/fake-secrets.js';
import { TestRepo } from '../helpers/git.js';

/**
 * The package as a user gets it: `npm pack`, then `npm install` of the tarball into a fresh project (offline, from the
 * npm cache: the tarball needs nothing else), run on this machine's system Node (20) rather than the test runner's.
 * The consumer project is a git repository, so the README's hook and the pre-commit hook's entry run in it for real.
 */
const ROOT = resolve('.');
const SYSTEM_BIN = '/usr/bin';
const systemNode = join(SYSTEM_BIN, 'node');
// The system Node and npm first on PATH: `#!/usr/bin/env node` and npx then resolve to them, as on a user's machine.
const env = { ...process.env, PATH: `${SYSTEM_BIN}:/bin:${process.env.PATH ?? ''}`, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
for (const key of Object.keys(env)) if (key.startsWith('npm_') && !['npm_config_update_notifier', 'npm_config_fund', 'npm_config_audit'].includes(key)) delete (env as Record<string, string | undefined>)[key];

const run = (command: string, args: string[], cwd: string) => {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
};
const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

/** The shell lines of the README's plain git hook, as documented. */
function documentedHook(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /plain git hook[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README.md has no plain git hook block');
  return block[1]!;
}

describe.skipIf(!existsSync(systemNode))('the npm package, packed and installed into a fresh project', () => {
  let project: TestRepo;
  let tarball: string;
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

  beforeAll(() => {
    const packDir = mkdtempSync(join(tmpdir(), 'keyward-pack-'));
    // --ignore-scripts: packing must not run the development scripts of this checkout's shared node_modules.
    const packed = run('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir, '--json'], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz'))!);

    project = new TestRepo();
    project.write('package.json', JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }, null, 2));
    project.write('.gitignore', 'node_modules/\n');
    const installed = run('npm', ['install', '--offline', '--save-dev', tarball], project.dir);
    expect(installed.code, installed.stderr).toBe(0);
    project.commit('consumer project');
  }, 300_000);

  it('holds only what runs, and declares what a published package needs', () => {
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/cli/index.js');
    expect(listing).toContain('package/dist/worker/index.js');
    expect(listing).toContain('package/CHANGELOG.md');
    expect(listing.filter((path) => /^package\/(src|test|bench|scripts)\//.test(path) || path === 'package/dist/index.js')).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project.dir, 'node_modules', 'keyward', 'package.json'), 'utf8'));
    expect(manifest.private).toBeUndefined();
    expect(manifest.engines.node).toBe('>=20');
    expect(manifest.scripts?.postinstall).toBeUndefined();
    expect(manifest.scripts?.install).toBeUndefined();
    expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
    expect(readFileSync(join(project.dir, 'node_modules', 'keyward', 'dist', 'cli', 'index.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')).toContain(`## [${version}]`);
  });

  it('runs as npx keyward on the system Node: --version, a tree scan and a single-file scan', () => {
    const versionRun = run('npx', ['--no-install', 'keyward', '--version'], project.dir);
    expect(versionRun.code, versionRun.stderr).toBe(0);
    expect(versionRun.stdout).toMatch(new RegExp(`^keyward ${version.replace(/\./g, '\\.')} \\(node 20\\.`));
    // Without the optional native addon (not in the offline cache), re2js runs, and the line says so briefly.
    expect(versionRun.stdout.trim().split('\n')).toHaveLength(1);
    expect(versionRun.stdout).toMatch(/regex (native-re2|re2js: the optional native re2 is not installed)\)$/m);

    expect(run('npx', ['--no-install', 'keyward', 'scan', '.'], project.dir).code).toBe(0);
    const key = awsKey();
    project.write('config/app.env', `AWS_ACCESS_KEY_ID=${key}\n`);
    const tree = run('npx', ['--no-install', 'keyward', 'scan', '.', '--format', 'json'], project.dir);
    expect(tree.code, tree.stderr).toBe(1);
    expect(JSON.parse(tree.stdout).findings.map((f: { path: string }) => f.path)).toEqual(['config/app.env']);
    const file = run('npx', ['--no-install', 'keyward', 'scan', 'config/app.env'], project.dir);
    expect(file.code, file.stderr).toBe(1);
    expect(file.stdout).toContain('config/app.env');
    expect(file.stdout).toContain('AKIA…(20 chars)');
    for (const output of [tree, file]) expect(output.stdout + output.stderr).not.toContain(key);
    project.remove('config');
  });

  it('blocks a real git commit that adds a key through the README hook, and lets a clean one through', () => {
    const hook = join(project.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, documentedHook());
    chmodSync(hook, 0o755);
    const before = project.head();
    const key = awsKey();
    project.write('deploy/.env', `AWS_ACCESS_KEY_ID=${key}\n`);
    project.git('add', 'deploy/.env');
    const blocked = run('git', ['commit', '-q', '-m', 'add deploy env'], project.dir);
    expect(blocked.code).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('deploy/.env');
    expect(blocked.stdout + blocked.stderr).not.toContain(key);
    expect(project.head()).toBe(before);

    project.git('rm', '-q', '--cached', 'deploy/.env');
    project.remove('deploy');
    project.write('README.md', 'hello\n');
    project.git('add', 'README.md');
    const clean = run('git', ['commit', '-q', '-m', 'readme'], project.dir);
    expect(clean.code, clean.stderr + clean.stdout).toBe(0);
    expect(project.head()).not.toBe(before);
  });

  it("runs the pre-commit framework hook's entry (language: node) from the install", () => {
    const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string }[];
    const hook = hooks.find((entry) => entry.id === 'keyward')!;
    expect(hook.language).toBe('node');
    const [bin, ...args] = hook.entry.split(' ');
    expect(bin).toBe('keyward');
    project.write('secrets.env', `AWS_ACCESS_KEY_ID=${awsKey()}\n`);
    project.git('add', 'secrets.env');
    expect(run('npx', ['--no-install', bin!, ...args], project.dir).code).toBe(1);
    project.git('rm', '-q', '--cached', 'secrets.env');
    project.remove('secrets.env');
    expect(run('npx', ['--no-install', bin!, ...args], project.dir).code).toBe(0);
  });
});
