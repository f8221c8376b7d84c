import { resolve } from 'node:path';
import { repoRelative } from '../sources/safe-fs.js';
import type { Plan } from './events.js';

/**
 * The absolute path for an output file input (`sarif-file`, `evidence-file`). When the scan judges a pull request
 * (a diff plan), a path inside the workspace is refused: the workspace holds the PR's files, whose links and names
 * would choose what Keyward overwrites, and a later step could upload or commit it. Defaults live in RUNNER_TEMP.
 */
export function outputPath(workspace: string, input: string, inputName: string, plan: Pick<Plan, 'kind'>): string {
  const path = resolve(workspace, input);
  if (plan.kind === 'diff' && (repoRelative(workspace, path) !== undefined || path === resolve(workspace))) {
    throw new Error(`input ${inputName}: ${input} is inside the workspace, which holds the pull request's files; on pull requests write outputs under RUNNER_TEMP (the default) or another directory outside ${workspace}`);
  }
  return path;
}
