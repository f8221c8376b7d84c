import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { writeOutputFile } from '../fs/safe-read.js';
import { CredentialError } from './errors.js';
import { saveState, type CleanupState } from './state.js';
import type { CredentialRuntime } from './types.js';

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

export function isInside(parent: string, child: string): boolean {
  const rel = relative(real(parent), real(child));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Refuses any credential path inside the workspace, where a later step could commit, cache or upload it. */
export function assertOutsideWorkspace(runtime: Pick<CredentialRuntime, 'workspace'>, path: string): void {
  if (runtime.workspace && isInside(runtime.workspace, path)) {
    throw new CredentialError('input', `refusing to write a credential file inside the workspace (${path}); RUNNER_TEMP must lie outside GITHUB_WORKSPACE`);
  }
}

/** A private directory (0700) under RUNNER_TEMP for this run's credential files, created once. */
export function credentialDir(runtime: CredentialRuntime, state: CleanupState): string {
  if (state.dir) return state.dir;
  assertOutsideWorkspace(runtime, runtime.tempDir);
  mkdirSync(runtime.tempDir, { recursive: true });
  const dir = mkdtempSync(join(runtime.tempDir, SWAP_DIR_PREFIX));
  assertOutsideWorkspace(runtime, dir);
  state.dir = dir;
  saveState(runtime, state);
  return dir;
}

/** The only names a credential file has: the post step deletes (and reads a Vault token from) no other. */
export const CREDENTIAL_FILE_NAMES = ['vault-token', 'gcp-oidc-token', 'gcp-credentials.json', 'azure-federated-token'] as const;
export type CredentialFileName = (typeof CREDENTIAL_FILE_NAMES)[number];

/** The prefix of the run's private credential directory under RUNNER_TEMP (mkdtemp adds six random characters). */
export const SWAP_DIR_PREFIX = 'keyward-credentials-';

/**
 * Writes a credential file (0600), recording it for the post step before the content lands. The file must be new
 * (O_EXCL, no link followed): nothing else can have put a file or a link in its place.
 */
export function writeCredentialFile(runtime: CredentialRuntime, state: CleanupState, name: CredentialFileName, content: string): string {
  const path = join(credentialDir(runtime, state), name);
  assertOutsideWorkspace(runtime, path);
  state.files.push(path);
  saveState(runtime, state);
  writeOutputFile(path, content, { mode: 0o600, exclusive: true });
  return path;
}
