import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefilterWalkWasm } from '../../src/engine/prefilter-walk-wasm.js';

const root = join(import.meta.dirname, '..', '..');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const manifest = JSON.parse(readFileSync(join(root, 'scripts', 'prefilter-wasm.json'), 'utf8')) as {
  clang: string;
  source: string;
  wasm: string;
};

function installedClang(): string | undefined {
  try {
    return execFileSync('clang', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]!.trim();
  } catch {
    return undefined;
  }
}

describe('the committed prefilter walk module', () => {
  it('is built from the C source as it is now (scripts/prefilter-wasm.json records both sums)', () => {
    expect(sha256(readFileSync(join(root, 'src', 'engine', 'prefilter-walk.c'))), 'prefilter-walk.c changed: run node scripts/build-prefilter-wasm.mjs --write').toBe(manifest.source);
    expect(sha256(Buffer.from(prefilterWalkWasm, 'base64'))).toBe(manifest.wasm);
  });

  // CI has no clang; where the recorded one is installed, a fresh build must give the committed bytes.
  it.runIf(installedClang() === manifest.clang)('is what a fresh build with the recorded clang gives', async () => {
    const { buildModule } = (await import(join(root, 'scripts', 'build-prefilter-wasm.mjs'))) as { buildModule: () => Buffer };
    expect(sha256(buildModule())).toBe(manifest.wasm);
  });
});
