import { swapAws } from './aws/index.js';
import { swapAzure } from './azure.js';
import { CredentialError } from './errors.js';
import { writeEvidence } from './evidence.js';
import { swapGcp } from './gcp.js';
import { removeSuperseded, runGuard } from './guard.js';
import type { SwapContext } from './record.js';
import { saveState, type CleanupState } from './state.js';
import type { Cloud, CredentialRuntime, IssuedCredential, SwapInputs, SwapResult } from './types.js';
import { swapVault } from './vault.js';

export type * from './types.js';
export { CredentialError } from './errors.js';
export { parseSwapInputs, wantsSwap, type InputReader } from './inputs.js';
export { runPost, type PostResult } from './post.js';
export { writeEvidence, markRevoked, evidenceSummary, type CredentialEvidence } from './evidence.js';
export { decodeJwtPayload } from './oidc.js';

/** Some clouds failed; `result` holds what was issued before and after (it is cleaned up by the post step all the same). */
export class SwapFailure extends Error {
  readonly failures: CredentialError[];
  readonly result: SwapResult;

  constructor(failures: CredentialError[], result: SwapResult) {
    super(failures.map((f) => f.message).join('\n\n'));
    this.name = 'SwapFailure';
    this.failures = failures;
    this.result = result;
  }
}

export interface SwapOptions {
  /** Where to write the evidence JSON; the post step adds revokedAt to it. */
  evidenceFile?: string;
}

const SWAPS: { cloud: Cloud; run: (ctx: SwapContext, inputs: SwapInputs) => Promise<IssuedCredential> | undefined }[] = [
  { cloud: 'aws', run: (ctx, inputs) => (inputs.aws ? swapAws(ctx, inputs.aws) : undefined) },
  { cloud: 'gcp', run: (ctx, inputs) => (inputs.gcp ? swapGcp(ctx, inputs.gcp) : undefined) },
  { cloud: 'azure', run: (ctx, inputs) => (inputs.azure ? swapAzure(ctx, inputs.azure) : undefined) },
  { cloud: 'vault', run: (ctx, inputs) => (inputs.vault ? swapVault(ctx, inputs.vault) : undefined) },
];

/**
 * The runtime guard, then one OIDC exchange per configured cloud. Every cloud is attempted even when one fails, so a
 * single error report names every problem; long-lived variables are removed only for clouds whose swap succeeded.
 */
export async function runSwap(inputs: SwapInputs, runtime: CredentialRuntime, options: SwapOptions = {}): Promise<SwapResult> {
  const guard = await runGuard(runtime, inputs);
  const state: CleanupState = { files: [], vaultTokens: [], issued: [], evidenceFile: options.evidenceFile };
  saveState(runtime, state);
  const ctx: SwapContext = { runtime, state, policyVersion: inputs.policyVersion, outputAccessTokens: inputs.outputAccessTokens };
  const issued: IssuedCredential[] = [];
  const failures: CredentialError[] = [];
  for (const swap of SWAPS) {
    try {
      const record = await swap.run(ctx, inputs);
      if (record) issued.push(record);
    } catch (error) {
      failures.push(error instanceof CredentialError ? error : new CredentialError(swap.cloud, `${swap.cloud} swap failed: ${(error as Error).message}`, { cause: error }));
    }
  }
  const exported = new Set(issued.flatMap((record) => record.outputs));
  removeSuperseded(runtime, guard, [...new Set(issued.map((record) => record.cloud))], exported);
  const result: SwapResult = { issued, guard };
  if (options.evidenceFile) writeEvidence(options.evidenceFile, issued, guard);
  if (failures.length > 0) throw new SwapFailure(failures, result);
  return result;
}
