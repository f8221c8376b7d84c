import * as core from '@actions/core';
import { createScanner, type Finding, type KeywardConfig } from '../engine/index.js';
import { gitContent, treeContent } from '../verify/content.js';
import { verifyFindings, type VerifyPermission } from '../verify/run.js';
import type { Plan } from './events.js';
import type { ActionInputs } from './inputs.js';
import { info } from './log.js';

const FORK_REFUSAL =
  'not verified: this pull request comes from a fork, and verifying would send secrets its author chose to their providers from this repository\'s runner (set `verify: { forks: true }` in the base branch\'s config to allow it)';

/**
 * Whether this run verifies, and if it may send secrets at all. Off with `verify: false`. A fork's pull request is
 * refused unless the base branch's config sets `verify.forks` (the workflow file and its inputs are the fork's to
 * change on `pull_request`; the base config is not): its author picks the secrets, and the run would check them from
 * this repository's runner, an oracle for stolen keys and a trip for canary tokens in this organisation's name.
 */
export function verifyPermission(inputs: ActionInputs, plan: Plan, config: KeywardConfig): VerifyPermission | undefined {
  if (inputs.verify === 'false') return undefined;
  const fork = plan.kind === 'diff' && plan.pullRequest?.fromFork === true;
  if (fork && config.verify?.forks !== true) return { allowed: false, reason: FORK_REFUSAL };
  return { allowed: true };
}

/** Verifies the findings in place (before governance, so owners and expiry see the provider's answer). */
export async function verifyStep(findings: readonly Finding[], context: { inputs: ActionInputs; plan: Plan; config: KeywardConfig; workspace: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const permission = verifyPermission(context.inputs, context.plan, context.config);
  if (!permission || findings.length === 0) return;
  const { plan, config, workspace } = context;
  const lookup = plan.kind === 'tree' ? treeContent(workspace, config.maxFileSize) : gitContent(workspace, config.maxFileSize);
  const summary = await verifyFindings(findings, { lookup, scanner: createScanner({ config }), env: context.env, permission, onSecret: (secret) => core.setSecret(secret) });
  if (!permission.allowed) info(`Verification: ${summary.checked} finding(s) ${permission.reason.replace(/`/g, '')}.`);
  else if (summary.checked > 0) info(`Verified ${summary.checked} finding(s) with their providers (${summary.calls} call(s)): ${summary.active} active, ${summary.inactive} inactive, ${summary.unknown} unknown.`);
}
