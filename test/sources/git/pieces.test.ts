import { describe, expect, it } from 'vitest';
import { createScanner } from '../../../src/engine/index.js';
import { scanDiff } from '../../../src/sources/git/index.js';
import { randomFrom } from '../../helpers/fake-secrets.js';
import { TestRepo } from '../../helpers/git.js';

/** Added lines are scanned in 1 MB pieces with an overlap: nothing at or across a cut is lost or reported twice. */
const scanner = createScanner();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const awsKey = () => 'AKIA' + randomFrom('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16);
const pem = () => ['-----BEGIN PRIVATE KEY-----', ...Array.from({ length: 26 }, () => randomFrom(BASE64, 64)), '-----END PRIVATE KEY-----'];

describe('added lines in pieces', () => {
  it('finds keys all along a 3 MB change, once each, and a PEM block cut by every piece boundary', async () => {
    const repo = new TestRepo();
    const base = repo.commit('base', { 'README.md': 'x\n' });
    const lines: string[] = [];
    const expected: number[] = [];
    let bytes = 0;
    let nextCut = 1 << 20;
    while (bytes < 3 * (1 << 20)) {
      // Just before each 1 MB mark, a PEM block that runs across it.
      if (bytes > nextCut - 900) {
        expected.push(lines.length + 1);
        for (const line of pem()) {
          lines.push(line);
          bytes += line.length + 1;
        }
        nextCut += 1 << 20;
        continue;
      }
      const line = lines.length % 5000 === 17 ? `aws_key = "${awsKey()}"` : `const row${lines.length} = "${randomFrom(BASE64, 30)}";`;
      if (line.startsWith('aws_key')) expected.push(lines.length + 1);
      lines.push(line);
      bytes += line.length + 1;
    }
    repo.commit('big change', { 'src/data.ts': lines.join('\n') + '\n' });
    const result = await scanDiff({ repoDir: repo.dir, scanner, base, head: 'HEAD' });
    expect(result.findings.map((f) => f.line).sort((a, b) => a - b)).toEqual(expected);
    expect(result.findings.filter((f) => f.ruleId === 'private-key')).toHaveLength(3);
    repo.cleanup();
  });
});
