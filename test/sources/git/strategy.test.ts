import { describe, expect, it } from 'vitest';
import { decideHistoryStrategy } from '../../../src/sources/git/strategy.js';

const cpu = (selfMs: number, childrenMs: number) => ({ wallMs: 10_000, cpu: { selfMs, childrenMs } });

describe('history strategy decision', () => {
  it('estimates patches as one pipeline and blobs as lanes, from CPU time rather than a noisy wall clock', () => {
    // git's diffs dominate the patch stream; blobs split over two lanes on two cores.
    const choice = decideHistoryStrategy(120, cpu(300, 900), cpu(400, 200), 2, 2);
    expect(choice).toMatchObject({ strategy: 'blobs', probe: { patchesMs: 900, blobsMs: 300, threads: 2 } });
    expect(choice.reason).toBe('probe of 120 commits: patches 900 ms, blobs 300 ms (estimated from CPU time, blobs on 2 threads)');
  });

  it('takes patches only when clearly faster, and never counts more lanes than cores', () => {
    // Blobs on one core cost their whole CPU time: 1000 ms against 700 for patches.
    expect(decideHistoryStrategy(120, cpu(400, 300), cpu(800, 200), 2, 1).strategy).toBe('patches');
    // 450 against 500: close, so blobs.
    expect(decideHistoryStrategy(120, cpu(450, 300), cpu(800, 200), 2, 2).strategy).toBe('blobs');
  });

  it('falls back to wall time where the platform gives no CPU time', () => {
    const choice = decideHistoryStrategy(120, { wallMs: 500 }, { wallMs: 1400 }, 2, 2);
    expect(choice).toMatchObject({ strategy: 'patches', probe: { patchesMs: 500, blobsMs: 700 }, reason: 'probe of 120 commits: patches 500 ms, blobs 700 ms (on 2 threads)' });
  });
});
