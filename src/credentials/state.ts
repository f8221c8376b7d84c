import type { CredentialRuntime, IssuedCredential } from './types.js';

export const STATE_KEY = 'keyward-credentials';

/** What the post step needs: files to delete, Vault tokens to revoke (by the file holding each), the evidence. */
export interface CleanupState {
  dir?: string;
  files: string[];
  vaultTokens: { url: string; namespace?: string; tokenFile: string; identity: string }[];
  issued: IssuedCredential[];
  evidenceFile?: string;
}

export function readState(runtime: Pick<CredentialRuntime, 'getState'>): CleanupState {
  const raw = runtime.getState(STATE_KEY);
  const empty: CleanupState = { files: [], vaultTokens: [], issued: [] };
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(raw) as Partial<CleanupState>;
    return { ...empty, ...parsed };
  } catch {
    return empty;
  }
}

/** The state is saved whole after each change, so a swap that fails half-way still leaves its files for the post step. */
export function saveState(runtime: Pick<CredentialRuntime, 'saveState'>, state: CleanupState): void {
  runtime.saveState(STATE_KEY, JSON.stringify(state));
}
