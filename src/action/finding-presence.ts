import { createScanner, type KeywardConfig } from '../engine/index.js';
import { PATCH_ARGS, PatchScanner } from '../sources/git/patch.js';
import { gitLines } from '../sources/git/run.js';

/**
 * Fingerprints of the secrets a pull request still adds at its end: the added lines of the net diff (merge base to
 * head), scanned the same way as its commits. A finding of the commit scan missing here was added and then removed
 * inside the pull request: it is not in "Files changed" but lives on in the branch history. Undefined when git cannot
 * tell (then the state is shown as unknown rather than guessed).
 */
export async function fingerprintsInHead(repoDir: string, base: string, head: string, config: KeywardConfig): Promise<Set<string> | undefined> {
  try {
    const patches = new PatchScanner(createScanner({ config }), config.maxFileSize);
    for await (const line of gitLines(repoDir, ['diff', ...PATCH_ARGS, `${base}...${head}`, '--'])) patches.line(line);
    patches.finish();
    return new Set(patches.findings.map((f) => f.fingerprint));
  } catch {
    return undefined;
  }
}
