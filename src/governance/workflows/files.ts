import { execFile } from 'node:child_process';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { POLICY_FILE_MAX_BYTES, readBlobAt, readRepoFile } from '../../sources/safe-fs.js';

const run = promisify(execFile);

export interface WorkflowFile {
  /** Repository-relative, e.g. `.github/workflows/ci.yml`. */
  path: string;
  text: string;
}

export const WORKFLOWS_DIR = '.github/workflows';
const WORKFLOW_FILE = /\.ya?ml$/i;

/** True when `.github` and `.github/workflows` are real directories (a link to elsewhere is not followed). */
async function realWorkflowsDir(repoDir: string): Promise<boolean> {
  for (const dir of ['.github', WORKFLOWS_DIR]) {
    const info = await lstat(join(repoDir, dir)).catch(() => undefined);
    if (!info?.isDirectory()) return false;
  }
  return true;
}

/**
 * The workflow files in the working tree, sorted by path; a missing directory is simply no workflows. Links, FIFOs
 * and files over the policy-file cap are not read (the runner does not run a linked workflow either).
 */
export async function readWorkflowFiles(repoDir: string): Promise<WorkflowFile[]> {
  if (!(await realWorkflowsDir(repoDir))) return [];
  const entries = await readdir(join(repoDir, WORKFLOWS_DIR), { withFileTypes: true });
  const files: WorkflowFile[] = [];
  for (const name of entries.filter((e) => e.isFile() && WORKFLOW_FILE.test(e.name)).map((e) => e.name).sort()) {
    const path = `${WORKFLOWS_DIR}/${name}`;
    const read = readRepoFile(repoDir, path);
    if (read.ok) files.push({ path, text: read.text });
  }
  return files;
}

/** The workflow files as they are at a commit (the PR base), read with git so the working tree is not touched. */
export async function readWorkflowFilesAt(repoDir: string, ref: string): Promise<WorkflowFile[]> {
  // A bad ref is the caller's error to see; a base commit without a workflows directory simply has no workflows.
  const { stdout: commit } = await run('git', ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], { cwd: repoDir });
  const tree = `${commit.trim()}:${WORKFLOWS_DIR}`;
  const exists = await run('git', ['cat-file', '-e', tree], { cwd: repoDir }).then(
    () => true,
    () => false,
  );
  if (!exists) return [];
  const { stdout } = await run('git', ['ls-tree', '-z', '--name-only', tree], { cwd: repoDir, maxBuffer: 64 * 1024 * 1024 });
  const files: WorkflowFile[] = [];
  for (const name of stdout.split('\0').filter((n) => WORKFLOW_FILE.test(n)).sort()) {
    const path = `${WORKFLOWS_DIR}/${name}`;
    const read = readBlobAt(repoDir, commit.trim(), path, POLICY_FILE_MAX_BYTES);
    if (read.ok) files.push({ path, text: read.text });
  }
  return files;
}
