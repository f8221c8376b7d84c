import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { generateHoldout, type Holdout } from './generate.js';
import { formatHoldout, measureHoldout } from './measure.js';

const REQUIRED = 0.95;
const roots: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-holdout-'));
  roots.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

describe('held-out accuracy corpus (independent of test/corpus)', () => {
  let holdout: Holdout;
  beforeAll(() => {
    holdout = generateHoldout(temp());
  });

  it('is deterministic for a seed', () => {
    const again = generateHoldout(temp());
    expect(again.files).toEqual(holdout.files);
    expect(again.plants).toEqual(holdout.plants);
    for (const path of holdout.files.slice(0, 30)) expect(readFileSync(join(again.dir, path))).toEqual(readFileSync(join(holdout.dir, path)));
  });

  it('plants many families in many contexts, among many decoys', () => {
    expect(new Set(holdout.plants.map((p) => p.family)).size).toBeGreaterThanOrEqual(50);
    expect(new Set(holdout.plants.map((p) => p.context)).size).toBeGreaterThanOrEqual(30);
    expect(holdout.plants.length).toBeGreaterThanOrEqual(400);
    expect(holdout.decoys).toBeGreaterThanOrEqual(400);
  });

  const backends = [regexBackends.native(), regexBackends.portable].filter((b) => b !== undefined);
  it.each(backends.map((b) => [b.name, b] as const))(`reaches ${REQUIRED * 100}% recall and precision (%s)`, (name, backend) => {
    const accuracy = measureHoldout(createScanner({ backend }), holdout);
    console.log(formatHoldout(holdout, accuracy, `holdout corpus on ${name}`));
    expect(accuracy.recall).toBeGreaterThanOrEqual(REQUIRED);
    expect(accuracy.precision).toBeGreaterThanOrEqual(REQUIRED);
  });
});
