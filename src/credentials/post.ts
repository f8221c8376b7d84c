import { existsSync, rmSync } from 'node:fs';
import { readRegularFile } from '../fs/safe-read.js';
import { markRevoked } from './evidence.js';
import { checkState, type CheckedState, type TrustedInputs } from './post-trust.js';
import { readState } from './state.js';
import type { CredentialRuntime, IssuedCredential } from './types.js';
import { revokeVaultToken } from './vault.js';

export type { TrustedInputs } from './post-trust.js';

export interface PostResult {
  removedFiles: string[];
  revoked: { cloud: 'vault'; identity: string; revokedAt: string }[];
  /** The main step's evidence with revokedAt filled in where the post step revoked. */
  issued: IssuedCredential[];
  problems: string[];
}

/** A Vault token is a short line; anything larger is not a file the swap wrote. */
const TOKEN_FILE_MAX_BYTES = 16 * 1024;

async function revokeTokens(runtime: CredentialRuntime, checked: CheckedState, result: PostResult): Promise<void> {
  for (const entry of checked.vaultTokens) {
    const read = readRegularFile(entry.tokenFile, { maxBytes: TOKEN_FILE_MAX_BYTES });
    if (!read.ok) {
      result.problems.push(`the Vault token file for role ${entry.identity} is gone or unusable; nothing to revoke`);
      continue;
    }
    const token = read.text;
    runtime.setSecret(token);
    try {
      const outcome = await revokeVaultToken(runtime, entry.url, entry.namespace, token);
      if (!outcome.revoked) {
        result.problems.push(`could not revoke the Vault token for role ${entry.identity}: ${outcome.detail}`);
        continue;
      }
      const revokedAt = runtime.now().toISOString();
      result.revoked.push({ cloud: 'vault', identity: entry.identity, revokedAt });
      for (const record of result.issued) if (record.cloud === 'vault' && record.identity === entry.identity && !record.revokedAt) record.revokedAt = revokedAt;
      runtime.info(`Revoked the Vault token for role ${entry.identity} (${outcome.detail}).`);
    } catch (error) {
      result.problems.push(`could not revoke the Vault token for role ${entry.identity}: ${(error as Error).message}`);
    }
  }
}

function removeFiles(checked: CheckedState, result: PostResult): void {
  for (const file of checked.files) {
    if (!existsSync(file)) continue;
    try {
      rmSync(file, { force: true });
      result.removedFiles.push(file);
    } catch (error) {
      result.problems.push(`could not delete ${file}: ${(error as Error).message}`);
    }
  }
  if (checked.dir && existsSync(checked.dir)) {
    try {
      rmSync(checked.dir, { recursive: true, force: true });
    } catch (error) {
      result.problems.push(`could not delete ${checked.dir}: ${(error as Error).message}`);
    }
  }
}

/**
 * The post step: revokes Vault tokens (self-revoke), then deletes every credential file the swap wrote. It acts only
 * on what passes checkState against `trusted` (derived from the inputs, not the state). Each failure is reported and
 * the rest still runs; nothing here throws.
 */
export async function runPost(runtime: CredentialRuntime, trusted: TrustedInputs = {}): Promise<PostResult> {
  const state = readState(runtime);
  const checked = checkState(runtime, state, trusted);
  const result: PostResult = { removedFiles: [], revoked: [], issued: state.issued, problems: [...checked.problems] };
  await revokeTokens(runtime, checked, result);
  removeFiles(checked, result);
  if (result.removedFiles.length > 0) runtime.info(`Deleted ${result.removedFiles.length} credential file(s).`);
  if (checked.evidenceFile && result.revoked.length > 0 && !markRevoked(checked.evidenceFile, result.issued)) result.problems.push(`could not update the evidence file ${checked.evidenceFile}`);
  for (const problem of result.problems) runtime.warning(problem);
  return result;
}
