import { join } from 'node:path';
import type { CredentialRuntime, IssuedCredential } from './types.js';

export const STATE_KEY = 'keyward-credentials';

/** The credential evidence file's only place: RUNNER_TEMP/keyward-credentials.json (the post step accepts no other). */
export const SWAP_EVIDENCE_NAME = 'keyward-credentials.json';

export function credentialEvidencePath(tempDir: string): string {
  return join(tempDir, SWAP_EVIDENCE_NAME);
}

/** What the post step needs: files to delete, Vault tokens to revoke (by the file holding each), the evidence. */
export interface CleanupState {
  dir?: string;
  files: string[];
  vaultTokens: { url: string; namespace?: string; tokenFile: string; identity: string }[];
  issued: IssuedCredential[];
  evidenceFile?: string;
}

/**
 * The saved state, as untrusted data (see post-trust.ts for what the post step accepts of it). Records of issued
 * credentials lose any revokedAt: only a revocation the post step itself makes is recorded.
 */
export function readState(runtime: Pick<CredentialRuntime, 'getState'>): CleanupState {
  const raw = runtime.getState(STATE_KEY);
  const empty: CleanupState = { files: [], vaultTokens: [], issued: [] };
  if (!raw) return empty;
  let parsed: Partial<CleanupState>;
  try {
    parsed = JSON.parse(raw) as Partial<CleanupState>;
  } catch {
    return empty;
  }
  if (!parsed || typeof parsed !== 'object') return empty;
  const list = <T>(value: T[] | undefined): T[] => (Array.isArray(value) ? value : []);
  const issued = list(parsed.issued)
    .filter((record) => record && typeof record === 'object')
    .map((record) => ({ ...record, revokedAt: undefined }));
  return {
    dir: typeof parsed.dir === 'string' ? parsed.dir : undefined,
    files: list(parsed.files),
    vaultTokens: list(parsed.vaultTokens),
    issued,
    evidenceFile: typeof parsed.evidenceFile === 'string' ? parsed.evidenceFile : undefined,
  };
}

/** The state is saved whole after each change, so a swap that fails half-way still leaves its files for the post step. */
export function saveState(runtime: Pick<CredentialRuntime, 'saveState'>, state: CleanupState): void {
  runtime.saveState(STATE_KEY, JSON.stringify(state));
}
