import { git, objectExists } from './run.js';

async function hasMergeBase(repoDir: string, base: string, head: string): Promise<boolean> {
  try {
    await git(repoDir, ['merge-base', base, head]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes a shallow checkout deep enough to diff `base...head`: fetches the two commits, then deepens in doubling
 * steps until they share a merge base (or `maxDeepen` is spent). Instead of asking users for `fetch-depth: 0`.
 */
export async function deepenToMergeBase(options: { repoDir: string; base: string; head: string; remote?: string; maxDeepen?: number }): Promise<{ deepened: number; reached: boolean }> {
  const { repoDir, base, head } = options;
  const remote = options.remote ?? 'origin';
  const max = options.maxDeepen ?? 4096;
  if ((await objectExists(repoDir, base)) && (await objectExists(repoDir, head)) && (await hasMergeBase(repoDir, base, head))) return { deepened: 0, reached: true };
  for (const rev of [base, head]) {
    if (!(await objectExists(repoDir, rev))) await git(repoDir, ['fetch', '--no-tags', '--quiet', '--depth=1', remote, rev]);
  }
  let deepened = 0;
  for (let step = 16; deepened < max; step *= 2) {
    if (await hasMergeBase(repoDir, base, head)) return { deepened, reached: true };
    await git(repoDir, ['fetch', '--no-tags', '--quiet', `--deepen=${step}`, remote, base, head]);
    deepened += step;
  }
  return { deepened, reached: await hasMergeBase(repoDir, base, head) };
}
