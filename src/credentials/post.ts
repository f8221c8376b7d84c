import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { markRevoked } from './evidence.js';
import { isInside } from './files.js';
import { readState } from './state.js';
import type { CredentialRuntime, IssuedCredential } from './types.js';
import { revokeVaultToken } from './vault.js';

export interface PostResult {
  removedFiles: string[];
  revoked: { cloud: 'vault'; identity: string; revokedAt: string }[];
  /** The main step's evidence with revokedAt filled in where the post step revoked. */
  issued: IssuedCredential[];
  problems: string[];
}

/**
 * The post step: revokes Vault tokens (self-revoke), then deletes every credential file the swap wrote. Each failure
 * is reported and the rest still runs; nothing here throws.
 */
export async function runPost(runtime: CredentialRuntime): Promise<PostResult> {
  const state = readState(runtime);
  const result: PostResult = { removedFiles: [], revoked: [], issued: state.issued, problems: [] };
  for (const entry of state.vaultTokens) {
    let token: string;
    try {
      token = readFileSync(entry.tokenFile, 'utf8');
    } catch {
      result.problems.push(`the Vault token file for role ${entry.identity} is gone; nothing to revoke`);
      continue;
    }
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
  for (const file of state.files) {
    // Only files under the directory the swap made: the state is input too, and deleting elsewhere is never right.
    if (!state.dir || !isInside(state.dir, file)) {
      result.problems.push(`refusing to delete ${file}: not in this run's credential directory`);
      continue;
    }
    if (!existsSync(file)) continue;
    try {
      rmSync(file, { force: true });
      result.removedFiles.push(file);
    } catch (error) {
      result.problems.push(`could not delete ${file}: ${(error as Error).message}`);
    }
  }
  if (state.dir && basename(state.dir).startsWith('keyward-credentials-') && existsSync(state.dir)) {
    try {
      rmSync(state.dir, { recursive: true, force: true });
    } catch (error) {
      result.problems.push(`could not delete ${state.dir}: ${(error as Error).message}`);
    }
  }
  if (result.removedFiles.length > 0) runtime.info(`Deleted ${result.removedFiles.length} credential file(s).`);
  if (state.evidenceFile && result.revoked.length > 0 && !markRevoked(state.evidenceFile, result.issued)) result.problems.push(`could not update the evidence file ${state.evidenceFile}`);
  for (const problem of result.problems) runtime.warning(problem);
  return result;
}
