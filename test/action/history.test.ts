import { describe, expect, it } from 'vitest';
import { TestRepo } from '../helpers/git.js';
import { partialHistory } from '../helpers/partial-history.js';
import { runAction } from './harness.js';

describe('the Action bundle in history mode', () => {
  it('logs the history strategy and why, and scans a partial clone on this thread and the worker bundle', async () => {
    const history = partialHistory();
    const run = await runAction({ workspace: history.dir, eventName: 'workflow_dispatch', inputs: { mode: 'history' } });
    expect(run.log).toMatch(/History strategy: blobs \(a partial clone\), scanned on this thread and \d worker\(s\)/);
    for (const key of history.keys) expect(run.log).not.toContain(key);
    expect(run.log).toContain('Scanned 6 commits');

    const small = new TestRepo();
    small.commit('one', { 'a.txt': 'a\n' });
    small.commit('two', { 'b.txt': 'b\n' });
    const patches = await runAction({ workspace: small.dir, eventName: 'workflow_dispatch', inputs: { mode: 'history' } });
    expect(patches.code, patches.log).toBe(0);
    expect(patches.log).toContain('History strategy: patches (2 commits, too few to be worth a probe)');
  });
});
