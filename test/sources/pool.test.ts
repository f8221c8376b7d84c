import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/engine/index.js';
import { scanTree } from '../../src/sources/files.js';
import { createScanPool } from '../../src/sources/pool.js';
import { ReadBuffer, readScannable } from '../../src/sources/read.js';
import { randomFrom } from '../helpers/fake-secrets.js';

const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);

describe('scan pool, list scans (in-thread)', () => {
  const root = mkdtempSync(join(tmpdir(), 'keyward-pool-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const keys = [awsKey(), awsKey()];
  const files: Record<string, string | Buffer> = {
    'a/clean.txt': 'nothing to see here\n'.repeat(50),
    'a/secret.env': `AWS_ACCESS_KEY_ID=${keys[0]}\n`,
    'b/big.txt': 'x'.repeat(5000),
    'b/binary.bin': Buffer.from([1, 2, 0, 3, 4]),
    'c/late.py': `# config\nkey = "${keys[1]}"\n`,
    'd/small.txt': 'tiny',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  const config = { ...defaultConfig(), maxFileSize: 4096 };

  it('returns totals, and results only for files with findings or notices, in list order', async () => {
    const pool = createScanPool({ config, workers: 0 });
    const paths = Object.keys(files);
    const progress: [number, number][] = [];
    const outcome = await pool.scanFiles(root, [...paths, 'missing.txt'], (f, b) => progress.push([f, b]));
    await pool.close();
    expect(outcome.files).toBe(paths.length + 1);
    expect(outcome.skipped).toEqual({ binary: 1, tooLarge: 1 });
    const scannedBytes = Object.values(files).reduce((sum, content) => sum + (content.length > 4096 ? 0 : content.length), 0);
    expect(outcome.bytes).toBe(scannedBytes);
    expect(outcome.results.map((r) => paths[r.index])).toEqual(['a/secret.env', 'b/big.txt', 'c/late.py']);
    expect(outcome.results[0]!.findings[0]).toMatchObject({ ruleId: 'aws-access-key-id', path: 'a/secret.env', line: 1 });
    expect(outcome.results[1]!.notices[0]).toMatchObject({ kind: 'too-large', path: 'b/big.txt' });
    expect(outcome.results[2]!.findings[0]).toMatchObject({ ruleId: 'aws-access-key-id', path: 'c/late.py', line: 2 });
    expect(progress.reduce((sum, [f]) => sum + f, 0)).toBe(paths.length + 1);
    expect(progress.reduce((sum, [, b]) => sum + b, 0)).toBe(scannedBytes);
  });

  it('gives scanTree the same findings as scanning file by file', async () => {
    const pool = createScanPool({ config, workers: 0 });
    const tree = await scanTree({ root, pool });
    const single = [];
    for (const path of Object.keys(files).sort()) single.push(...(await pool.scanFile(root, path)).findings);
    await pool.close();
    expect(tree.findings).toEqual(single);
    expect(tree.findings).toHaveLength(2);
    expect(tree.stats).toMatchObject({ files: 6, skipped: { binary: 1, tooLarge: 1, ignored: 0 } });
    expect(tree.notices.map((n) => n.kind)).toEqual(['too-large']);
  });
});

describe('readScannable with a reused buffer', () => {
  it('reads each file whole, growing the buffer when a file is larger', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyward-read-'));
    try {
      const scratch = new ReadBuffer();
      const contents = ['short', 'y'.repeat(200_000), 'z'.repeat(70_000), ''];
      contents.forEach((content, i) => writeFileSync(join(dir, `${i}.txt`), content));
      contents.forEach((content, i) => {
        const read = readScannable(join(dir, `${i}.txt`), `${i}.txt`, 1e9, scratch);
        expect(read.content?.toString()).toBe(content);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
