import * as core from '@actions/core';
import { info } from './log.js';
import { escapeLogValue } from '../report/log-text.js';
import { formatBytes } from '../report/bytes.js';
import { createScanner, prefilterWalkDescription, regexEngineDescription, withoutAccepted, type Finding, type KeywardConfig, type ScanNotice } from '../engine/index.js';
import type { IssuedCredential } from '../credentials/index.js';
import { decideVerdict, type Verdict, type VerdictPolicy } from '../report/severity.js';
import { scanTree } from '../sources/files.js';
import { deepenToMergeBase, describeHistoryStrategy, scanDiff, scanHistory, scanPush } from '../sources/git/index.js';
import { createScanPool, workerBundleUrl } from '../sources/pool.js';
import type { FindingStateSources } from '../report/findings-view.js';
import { swapCredentialsFromInputs } from './credentials.js';
import { fingerprintsInHead } from './finding-presence.js';
import { planScan, type Plan } from './events.js';
import { enrichWithGovernance } from './governance.js';
import { githubClient } from './github.js';
import { judgePlanSuppressions } from './suppressions.js';
import { applyFingerprintKey, noticeLegacyBaseline } from './fingerprints.js';
import { loadPolicy } from './policy.js';
import type { RunContext } from './run.js';
import { changedWorkflowFiles, runWorkflowAudit, type WorkflowAuditOutcome } from './workflow-audit.js';
import { verifyStep } from './verify-step.js';

type Rules = ReturnType<typeof createScanner>['rules'];

/** What the scan step found and decided; the publish and outputs steps only report it. */
export interface Scanned {
  plan: Plan;
  config: KeywardConfig;
  baseline?: Set<string>;
  policy: VerdictPolicy;
  findings: Finding[];
  notices: ScanNotice[];
  rules: Rules;
  audit?: WorkflowAuditOutcome;
  /** The workflow files a pull request changes (undefined outside a diff, or when git cannot tell). */
  changedWorkflows?: Set<string>;
  verdict: Verdict;
  /** What the reports judge each finding's state against (rules; on a diff, what the change still adds at its end). */
  states: FindingStateSources;
  /** Credentials this step's swap issued (undefined when no swap ran). */
  issuedHere?: IssuedCredential[];
  /** The commit the findings link to. */
  headSha: string;
}

async function scanTreePlan(workspace: string, config: KeywardConfig, baseline: Set<string> | undefined) {
  const pool = createScanPool({ config, baseline, workerEntry: workerBundleUrl(import.meta.url, 'worker/index.js') });
  const result = await scanTree({ root: workspace, pool });
  await pool.close();
  const threads = pool.workers > 0 ? `this thread and ${pool.workers} worker(s)` : 'one thread';
  info(`Scanned ${result.stats.files} files (${formatBytes(result.stats.bytes)}) in ${(result.stats.durationMs / 1000).toFixed(2)} s on ${threads}: ${result.findings.length} finding(s).`);
  return { findings: result.findings, notices: result.notices, rules: pool.scanner.rules };
}

async function scanPlan(plan: Plan, workspace: string, config: KeywardConfig, baseline: Set<string> | undefined): Promise<{ findings: Finding[]; notices: ScanNotice[]; rules: Rules }> {
  info(`Regex engine: ${regexEngineDescription()}`);
  info(`Prefilter walk: ${prefilterWalkDescription()}`);
  if (plan.kind === 'tree') return scanTreePlan(workspace, config, baseline);
  const started = performance.now();
  const scanner = createScanner({ config, baseline, reportInlineSuppressed: plan.kind === 'diff' });
  const common = { repoDir: workspace, scanner, maxBlobSize: config.maxFileSize };
  let result;
  if (plan.kind === 'diff') result = await scanDiff({ ...common, base: plan.base, head: plan.head });
  else if (plan.kind === 'push') result = await scanPush({ ...common, before: plan.before, after: plan.after });
  else result = await scanHistory({ ...common, workers: { entry: workerBundleUrl(import.meta.url, 'worker/index.js'), config, baseline: [...(baseline ?? [])] } });
  if (result.stats.strategy) info(`History strategy: ${escapeLogValue(describeHistoryStrategy(result.stats.strategy, result.stats.threads))}`);
  info(`Scanned ${result.stats.commits} commits, ${formatBytes(result.stats.bytes)} in ${((performance.now() - started) / 1000).toFixed(2)} s: ${result.findings.length} finding(s).`);
  return { findings: result.findings, notices: result.notices, rules: scanner.rules };
}

/** A shallow PR checkout lacks the base and the commits between; fetch them rather than ask for fetch-depth: 0. */
async function deepen(plan: { base: string; head: string }, workspace: string): Promise<void> {
  try {
    const deepened = await deepenToMergeBase({ repoDir: workspace, base: plan.base, head: plan.head });
    if (deepened.deepened > 0) info(`Deepened the shallow checkout by ${deepened.deepened} commits to reach the merge base.`);
    if (!deepened.reached) core.warning('Could not reach the merge base of the pull request; scanning the commits that are present.');
  } catch (error) {
    core.warning(`Could not fetch the pull request's history (${(error as Error).message.split('\n')[0]}); scanning what the checkout has.`);
  }
}

/** The OIDC swap, when any cloud is configured: short-lived credentials for later steps, with evidence records. */
async function swapCredentials(ctx: RunContext): Promise<IssuedCredential[] | undefined> {
  const swap = await swapCredentialsFromInputs({ env: ctx.env, evidenceFile: ctx.credentialsFile });
  return swap?.issued;
}

/** The verdict on secrets, failed further by blocking workflow audit findings. */
function overallVerdict(findings: Finding[], policy: VerdictPolicy, audit: WorkflowAuditOutcome | undefined, notices: readonly ScanNotice[]): Verdict {
  const verdict = decideVerdict(findings, policy, notices);
  if (!audit?.reason) return verdict;
  return { ...verdict, pass: false, reasons: [...verdict.reasons, audit.reason] };
}

function headShaOf(plan: Plan, env: NodeJS.ProcessEnv): string {
  if (plan.kind === 'diff') return plan.head;
  if (plan.kind === 'push') return plan.after;
  return env.GITHUB_SHA ?? '';
}

/** Swaps credentials, plans and runs the scan under the policy that judges it, audits workflows and decides the verdict. */
export async function scan(ctx: RunContext): Promise<Scanned> {
  const { workspace, inputs } = ctx;
  const issuedHere = await swapCredentials(ctx);
  const plan = planScan(inputs, ctx.env);
  info(`Keyward: scanning ${plan.describe}`);
  if (plan.kind === 'diff') await deepen(plan, workspace);
  const { config, baseline } = loadPolicy(workspace, inputs, plan);
  if (inputs.failOn) config.failOn = inputs.failOn;
  if (inputs.blockLongLived !== undefined) config.blockLongLived = inputs.blockLongLived;
  applyFingerprintKey(config, ctx.env);
  const scanned = await scanPlan(plan, workspace, config, baseline);
  for (const notice of config.notices ?? []) core.warning(`not applied from the gitleaks config: ${notice}`);
  const client = ctx.repo && inputs.token ? githubClient(inputs.token, ctx.repo, ctx.env) : undefined;
  const judged = await judgePlanSuppressions(withoutAccepted(scanned.findings, config), plan, workspace, config, client, ctx.repo);
  await verifyStep(judged, { inputs, plan, config, workspace, env: ctx.env });
  const findings = enrichWithGovernance(judged, { repoDir: workspace, now: new Date(), at: plan.kind === 'diff' ? plan.base : undefined });
  noticeLegacyBaseline(findings, inputs.baseline);
  for (const notice of scanned.notices.filter((n) => n.kind !== 'binary')) info(`notice: ${escapeLogValue(notice.message)}`);
  const changedWorkflows = plan.kind === 'diff' ? changedWorkflowFiles(workspace, plan.base, plan.head) : undefined;
  const audit = await runWorkflowAudit(workspace, inputs.workflowAudit, config.failOn, changedWorkflows, plan.kind === 'diff' ? plan.head : undefined);
  // Content that went unscanned fails a pull request unless the input or the base's config says warn.
  const policy: VerdictPolicy = { failOn: config.failOn, blockLongLived: config.blockLongLived, unscanned: inputs.unscanned ?? config.unscanned ?? (plan.kind === 'diff' ? 'fail' : 'warn'), ...(inputs.failOnActive ? { failOnActive: true } : {}) };
  const verdict = overallVerdict(findings, policy, audit, scanned.notices);
  // Only findings have a presence to tell; a clean pull request is not scanned a second time.
  const inHead = plan.kind === 'diff' && findings.length > 0 ? await fingerprintsInHead(workspace, plan.base, plan.head, config) : undefined;
  const states = { rules: scanned.rules, inHead };
  return { plan, config, baseline, policy, findings, notices: scanned.notices, rules: scanned.rules, audit, changedWorkflows, verdict, states, issuedHere, headSha: headShaOf(plan, ctx.env) };
}
