import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WorkflowFile {
  /** Repository-relative, e.g. `.github/workflows/ci.yml`. */
  path: string;
  text: string;
}

export const WORKFLOWS_DIR = '.github/workflows';
const WORKFLOW_FILE = /\.ya?ml$/i;

/** The workflow files in the working tree, sorted by path; a missing directory is simply no workflows. */
export async function readWorkflowFiles(repoDir: string): Promise<WorkflowFile[]> {
  let names: string[];
  try {
    names = await readdir(join(repoDir, WORKFLOWS_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
    throw error;
  }
  const files: WorkflowFile[] = [];
  for (const name of names.filter((n) => WORKFLOW_FILE.test(n)).sort()) {
    const path = `${WORKFLOWS_DIR}/${name}`;
    files.push({ path, text: await readFile(join(repoDir, path), 'utf8') });
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
    const { stdout: text } = await run('git', ['show', `${commit.trim()}:${path}`], { cwd: repoDir, maxBuffer: 64 * 1024 * 1024 });
    files.push({ path, text });
  }
  return files;
}
