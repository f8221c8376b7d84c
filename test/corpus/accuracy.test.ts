import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanner, regexBackends } from '../../src/engine/index.js';
import { generateCorpus, type Corpus } from './generate.js';
import { formatAccuracy, measure } from './measure.js';

const REQUIRED = 0.95;
const roots: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'keyward-corpus-'));
  roots.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of roots) rmSync(dir, { recursive: true, force: true });
});

describe('labelled accuracy corpus', () => {
  let corpus: Corpus;
  beforeAll(() => {
    corpus = generateCorpus(tempDir());
  });

  it('is the same on every run for the same seed', () => {
    const again = generateCorpus(tempDir());
    expect(again.files).toEqual(corpus.files);
    expect(again.labels).toEqual(corpus.labels);
    for (const path of corpus.files.slice(0, 40)) expect(readFileSync(join(again.dir, path))).toEqual(readFileSync(join(corpus.dir, path)));
  });

  it('covers many languages, rule families and decoys', () => {
    const extensions = new Set(corpus.files.map((path) => path.split('/').pop()!.replace(/^[^.]*\./, '.')));
    expect(extensions.size).toBeGreaterThanOrEqual(14);
    expect(new Set(corpus.labels.map((label) => label.family)).size).toBeGreaterThanOrEqual(30);
    expect(corpus.labels.length).toBeGreaterThanOrEqual(300);
    expect(corpus.decoys).toBeGreaterThanOrEqual(500);
  });

  const backends = [regexBackends.native(), regexBackends.portable].filter((backend) => backend !== undefined);
  it.each(backends.map((backend) => [backend.name, backend] as const))(`reaches ${REQUIRED * 100}% recall and precision (%s)`, (name, backend) => {
    const accuracy = measure(createScanner({ backend }), corpus);
    console.log(formatAccuracy(corpus, accuracy, `accuracy corpus on ${name}`));
    expect(accuracy.recall).toBeGreaterThanOrEqual(REQUIRED);
    expect(accuracy.precision).toBeGreaterThanOrEqual(REQUIRED);
  });
});
