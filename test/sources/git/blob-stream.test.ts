import { describe, expect, it } from 'vitest';
import { BlobStream, type BlobRead } from '../../../src/sources/git/blob-stream.js';
import { TestRepo } from '../../helpers/git.js';

interface Job {
  sha: string;
  name: string;
}

/** Reads the jobs through one stream; copies each content out, as the callback's buffer is reused. */
async function readAll(repoDir: string, maxBlobSize: number, jobs: Job[]): Promise<{ name: string; type: BlobRead['type']; size: number; text?: string }[]> {
  const got: { name: string; type: BlobRead['type']; size: number; text?: string }[] = [];
  const stream = new BlobStream<Job>(repoDir, maxBlobSize, (job, read) => got.push({ name: job.name, type: read.type, size: read.size, ...(read.content ? { text: read.content.toString('utf8') } : {}) }));
  stream.add(jobs.slice(0, 2));
  stream.add(jobs.slice(2));
  await stream.idle();
  stream.close();
  return got;
}

describe('the cat-file blob stream', () => {
  it('hands back every object in request order: whole blobs across pipe chunks, the cap, missing objects and trees', async () => {
    const repo = new TestRepo();
    const big = Array.from({ length: 30_000 }, (_, i) => `line ${i} of a blob larger than one pipe chunk`).join('\n');
    repo.commit('files', { 'big.txt': big, 'small.txt': 'small\n', 'dir/inner.txt': 'inner\n', 'empty.txt': '' });
    const sha = (spec: string) => repo.git('rev-parse', spec);
    const jobs: Job[] = [
      { sha: sha('HEAD:small.txt'), name: 'small' },
      { sha: sha('HEAD:big.txt'), name: 'big' },
      { sha: 'f'.repeat(40), name: 'missing' },
      { sha: sha('HEAD:dir'), name: 'tree' },
      { sha: sha('HEAD:empty.txt'), name: 'empty' },
      { sha: sha('HEAD:big.txt'), name: 'big again' },
      { sha: sha('HEAD:dir/inner.txt'), name: 'inner' },
    ];
    const whole = await readAll(repo.dir, 10_000_000, jobs);
    expect(whole.map((r) => `${r.name}:${r.type}`)).toEqual(['small:blob', 'big:blob', 'missing:missing', 'tree:not-a-blob', 'empty:blob', 'big again:blob', 'inner:blob']);
    expect(whole[1]!.text).toBe(big);
    expect(whole[5]!.text).toBe(big);
    expect(whole[0]!.text).toBe('small\n');
    expect(whole[4]!.text).toBe('');
    expect(whole[6]!.text).toBe('inner\n');

    const capped = await readAll(repo.dir, 100_000, jobs);
    expect(capped[1]).toEqual({ name: 'big', type: 'too-large', size: Buffer.byteLength(big) });
    expect(capped[6]!.text).toBe('inner\n');
  });

  it('counts a blob whose content is still arriving as in flight, until it is handed back', async () => {
    const repo = new TestRepo();
    const big = Array.from({ length: 60_000 }, (_, i) => `line ${i} of a blob that spans many pipe chunks`).join('\n');
    repo.commit('big', { 'big.txt': big });
    let handed = false;
    const stream = new BlobStream<Job>(repo.dir, 10_000_000, () => (handed = true));
    stream.add([{ sha: repo.git('rev-parse', 'HEAD:big.txt'), name: 'big' }]);
    // Sampled between I/O events: a stream that stopped counting the object at its header would read 0 here while
    // the rest of its content was still on the way, and whoever waits for idle lanes would settle too early.
    const seen = new Set<number>();
    while (!handed) {
      seen.add(stream.inFlight);
      await new Promise((resolve) => setImmediate(resolve));
    }
    stream.close();
    expect([...seen]).toEqual([1]);
    expect(stream.inFlight).toBe(0);
  });
});
