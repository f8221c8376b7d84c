import { lstatSync, realpathSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { SWAP_DIR_PREFIX, CREDENTIAL_FILE_NAMES } from './files.js';
import { credentialEvidencePath, type CleanupState } from './state.js';
import type { CredentialRuntime } from './types.js';

/**
 * The post step's saved state is input like any other: a pull request that prints `::save-state` (in a path, a step
 * name) can rewrite it. So the post step takes from it only what it can check against what it derives itself:
 * the credential directory must be RUNNER_TEMP/keyward-credentials-XXXXXX, a real directory this user owns and no one
 * else can write; files must be direct children of it with a name the swap writes; a Vault URL must equal the one the
 * `vault-url` input gives; the evidence file must be the one the main step writes (RUNNER_TEMP/keyward-credentials.json).
 */

/** What the post step derives from its own inputs, never from the state. */
export interface TrustedInputs {
  /** The Vault address the inputs configure (trailing slashes removed); undefined when no Vault swap is configured. */
  vaultUrl?: string;
  vaultNamespace?: string;
  /** Where the main step wrote the credential evidence; default RUNNER_TEMP/keyward-credentials.json. */
  evidenceFile?: string;
}

export interface CheckedState {
  dir?: string;
  files: string[];
  vaultTokens: CleanupState['vaultTokens'];
  evidenceFile?: string;
  problems: string[];
}

const DIR_NAME = new RegExp(`^${SWAP_DIR_PREFIX}[A-Za-z0-9]{6}$`);
const FILE_NAMES = new Set<string>(CREDENTIAL_FILE_NAMES);

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** The credential directory, only if it is one the swap could have made under this RUNNER_TEMP. */
export function trustedCredentialDir(tempDir: string, dir: string | undefined): string | undefined {
  if (typeof dir !== 'string' || !DIR_NAME.test(basename(dir))) return undefined;
  const candidate = resolve(dir);
  if (dirname(candidate) !== resolve(tempDir) && dirname(candidate) !== realOrResolved(tempDir)) return undefined;
  try {
    const info = lstatSync(candidate);
    if (!info.isDirectory() || (info.mode & 0o077) !== 0) return undefined;
    if (typeof process.getuid === 'function' && info.uid !== process.getuid()) return undefined;
  } catch {
    return undefined;
  }
  return candidate;
}

/** A credential file the swap wrote: a direct child of the checked directory with one of its names. */
export function isCredentialFile(dir: string | undefined, file: unknown): file is string {
  return typeof file === 'string' && dir !== undefined && dirname(resolve(file)) === dir && FILE_NAMES.has(basename(file));
}

/** A Vault role name as the log may show it: no newline or other character that could start a runner command. */
const SAFE_IDENTITY = /^[\w.@:/-]{1,256}$/;

const normalUrl = (url: string) => url.replace(/\/+$/, '');

/** Keeps from the saved state only what passes the checks above; each refusal is a problem to warn about. */
export function checkState(runtime: Pick<CredentialRuntime, 'tempDir'>, state: CleanupState, trusted: TrustedInputs): CheckedState {
  const problems: string[] = [];
  const dir = trustedCredentialDir(runtime.tempDir, state.dir);
  if (state.dir && !dir) problems.push(`ignoring the saved credential directory ${JSON.stringify(state.dir)}: not a directory this run made under RUNNER_TEMP`);
  const files: string[] = [];
  for (const file of Array.isArray(state.files) ? state.files : []) {
    if (isCredentialFile(dir, file)) files.push(resolve(file));
    else problems.push(`refusing to delete ${JSON.stringify(file)}: not in this run's credential directory`);
  }
  const vaultTokens: CleanupState['vaultTokens'] = [];
  for (const entry of Array.isArray(state.vaultTokens) ? state.vaultTokens : []) {
    const identity = typeof entry?.identity === 'string' && SAFE_IDENTITY.test(entry.identity) ? entry.identity : '?';
    if (!trusted.vaultUrl || typeof entry?.url !== 'string' || normalUrl(entry.url) !== trusted.vaultUrl) {
      problems.push(`not revoking the Vault token for role ${identity}: its URL is not the vault-url input`);
    } else if (!isCredentialFile(dir, entry.tokenFile) || basename(entry.tokenFile) !== 'vault-token') {
      problems.push(`not revoking the Vault token for role ${identity}: its token file is not one this run wrote`);
    } else {
      vaultTokens.push({ url: trusted.vaultUrl, namespace: trusted.vaultNamespace, tokenFile: resolve(entry.tokenFile), identity });
    }
  }
  const expected = resolve(trusted.evidenceFile ?? credentialEvidencePath(runtime.tempDir));
  const evidenceFile = typeof state.evidenceFile === 'string' && resolve(state.evidenceFile) === expected ? expected : undefined;
  if (state.evidenceFile && !evidenceFile) problems.push(`ignoring the saved evidence file ${JSON.stringify(state.evidenceFile)}: the main step writes it to ${JSON.stringify(expected)}`);
  return { dir, files, vaultTokens, evidenceFile, problems };
}
