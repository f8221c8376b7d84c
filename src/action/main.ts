import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import type { KeywardConfig } from '../engine/index.js';
import { toAnnotations, type Annotation } from '../report/annotations.js';
import { blobUrl } from '../report/github/index.js';
import { toSarif } from '../report/sarif.js';
import { decideVerdict } from '../report/severity.js';
import { jobSummary } from '../report/summary.js';
import { createScanner, type Finding, type ScanNotice } from '../engine/index.js';
import { scanTree } from '../sources/files.js';
import { deepenToMergeBase, scanDiff, scanHistory, scanPush } from '../sources/git/index.js';
import { createScanPool, workerBundleUrl } from '../sources/pool.js';
import { planScan } from './events.js';
import { githubClient, publishCheck, publishComment, readRepoContext } from './github.js';
import { enrichWithGovernance, identityChangesSection, inventoryReport } from './governance.js';
import { loadPolicy } from './policy.js';
import { readInputs } from './inputs.js';
import { swapCredentialsFromInputs } from './credentials.js';
import { SwapFailure, evidenceSummary, writeEvidence, type IssuedCredential } from '../credentials/index.js';
import type { Verdict, VerdictPolicy } from '../report/severity.js';
import { EVIDENCE_STATE_KEY, issuedCredentials, loadPreviousFindings, writeRunEvidence } from './evidence.js';
import { runSecretsAudit } from './secrets-audit.js';
import { changedWorkflowFiles, runWorkflowAudit, workflowAuditForPullRequest, type WorkflowAuditOutcome } from './workflow-audit.js';

/** The runner shows at most this many workflow-command annotations of one kind per step. */
const RUNNER_ANNOTATION_LIMIT = 10;

async function scanPlan(plan: ReturnType<typeof planScan>, workspace: string, config: KeywardConfig, baseline: Set<string> | undefined): Promise<{ findings: Finding[]; notices: ScanNotice[]; rules: ReturnType<typeof createScanner>['rules'] }> {
  const started = performance.now();
  if (plan.kind === 'tree') {
    const pool = createScanPool({ config, baseline, workerEntry: workerBundleUrl(import.meta.url, 'worker/index.js') });
    const result = await scanTree({ root: workspace, pool });
    await pool.close();
    const threads = pool.workers > 0 ? `this thread and ${pool.workers} worker(s)` : 'one thread';
    core.info(`Scanned ${result.stats.files} files (${(result.stats.bytes / 1e6).toFixed(1)} MB) in ${(result.stats.durationMs / 1000).toFixed(2)} s on ${threads}: ${result.findings.length} finding(s).`);
    return { findings: result.findings, notices: result.notices, rules: pool.scanner.rules };
  }
  const scanner = createScanner({ config, baseline });
  const common = { repoDir: workspace, scanner, maxBlobSize: config.maxFileSize };
  let result;
  if (plan.kind === 'diff') {
    result = await scanDiff({ ...common, base: plan.base, head: plan.head });
  } else if (plan.kind === 'push') {
    result = await scanPush({ ...common, before: plan.before, after: plan.after });
  } else {
    result = await scanHistory(common);
  }
  core.info(`Scanned ${result.stats.commits} commits, ${(result.stats.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(2)} s: ${result.findings.length} finding(s).`);
  return { findings: result.findings, notices: result.notices, rules: scanner.rules };
}

/** Workflow-command annotations, at most the runner's limit per level; true when some did not fit. */
function emitWorkflowAnnotations(annotations: readonly Annotation[]): boolean {
  const shown: Record<Annotation['level'], number> = { failure: 0, warning: 0, notice: 0 };
  let overflow = false;
  for (const a of annotations) {
    if (shown[a.level] >= RUNNER_ANNOTATION_LIMIT) {
      overflow = true;
      continue;
    }
    shown[a.level] += 1;
    const properties = { file: a.path, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn, endColumn: a.endColumn, title: a.title };
    if (a.level === 'failure') core.error(a.message, properties);
    else if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  return overflow;
}

/** A shallow PR checkout lacks the base and the commits between; fetch them rather than ask for fetch-depth: 0. */
async function deepen(plan: { base: string; head: string }, workspace: string): Promise<void> {
  try {
    const deepened = await deepenToMergeBase({ repoDir: workspace, base: plan.base, head: plan.head });
    if (deepened.deepened > 0) core.info(`Deepened the shallow checkout by ${deepened.deepened} commits to reach the merge base.`);
    if (!deepened.reached) core.warning('Could not reach the merge base of the pull request; scanning the commits that are present.');
  } catch (error) {
    core.warning(`Could not fetch the pull request's history (${(error as Error).message.split('\n')[0]}); scanning what the checkout has.`);
  }
}

/** The OIDC swap, when any cloud is configured: short-lived credentials for later steps, with evidence records. */
async function swapCredentials(credentialsFile: string): Promise<IssuedCredential[] | undefined> {
  try {
    const swap = await swapCredentialsFromInputs({ evidenceFile: credentialsFile });
    if (swap && process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(evidenceSummary(swap.issued, swap.guard)).write();
    return swap?.issued;
  } catch (error) {
    if (error instanceof SwapFailure) writeEvidence(credentialsFile, error.result.issued, error.result.guard);
    throw error;
  }
}

/** The verdict on secrets, failed further by blocking workflow audit findings. */
function overallVerdict(findings: Finding[], policy: VerdictPolicy, audit: WorkflowAuditOutcome | undefined): Verdict {
  const verdict = decideVerdict(findings, policy);
  if (!audit?.reason) return verdict;
  return { ...verdict, pass: false, reasons: [...verdict.reasons, audit.reason] };
}

async function run(): Promise<void> {
  const startedAt = new Date();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const runnerTemp = process.env.RUNNER_TEMP ?? tmpdir();
  const inputs = readInputs(runnerTemp);
  const credentialsFile = join(runnerTemp, 'keyward-credentials.json');
  const issuedHere = await swapCredentials(credentialsFile);
  const plan = planScan(inputs, process.env);
  core.info(`Keyward: scanning ${plan.describe}`);
  if (plan.kind === 'diff') await deepen(plan, workspace);
  const { config, baseline } = loadPolicy(workspace, inputs, plan, runnerTemp);
  if (inputs.failOn) config.failOn = inputs.failOn;
  if (inputs.blockLongLived !== undefined) config.blockLongLived = inputs.blockLongLived;
  const scanned = await scanPlan(plan, workspace, config, baseline);
  const findings = enrichWithGovernance(scanned.findings, { repoDir: workspace, now: new Date() });
  for (const notice of scanned.notices.filter((n) => n.kind !== 'binary')) core.info(`notice: ${notice.message}`);
  const changedWorkflows = plan.kind === 'diff' ? changedWorkflowFiles(workspace, plan.base, plan.head) : undefined;
  const audit = await runWorkflowAudit(workspace, inputs.workflowAudit, config.failOn, changedWorkflows);
  const policy = { failOn: config.failOn, blockLongLived: config.blockLongLived };
  const verdict = overallVerdict(findings, policy, audit);
  const notes: string[] = [];

  const sarifPath = resolve(workspace, inputs.sarifFile);
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, JSON.stringify(toSarif(findings, scanned.rules, { extra: audit?.sarif }), null, 2));

  const repo = readRepoContext(process.env);
  const headSha = plan.kind === 'diff' ? plan.head : plan.kind === 'push' ? plan.after : (process.env.GITHUB_SHA ?? '');
  const link = repo && headSha ? (f: Finding) => blobUrl(repo.serverUrl, `${repo.owner}/${repo.repo}`, f.commit?.sha ?? headSha, f.path, f.line) : undefined;
  const client = repo && inputs.token ? githubClient(inputs.token, repo, process.env) : undefined;
  if (!client && (inputs.comment || inputs.checkRun !== 'never')) core.info('No token (or no GITHUB_REPOSITORY): skipping the PR comment and the check run.');

  const secrets = await runSecretsAudit(inputs.secretsAuditToken, repo, workspace, audit?.result.workflows);
  const evidencePath = inputs.evidenceFile ? resolve(workspace, inputs.evidenceFile) : join(dirname(sarifPath), 'keyward-evidence.json');
  let previous;
  if (inputs.previousReport) {
    try {
      previous = loadPreviousFindings(resolve(workspace, inputs.previousReport));
    } catch (error) {
      core.warning(`${(error as Error).message}; the evidence records no fixed findings from it.`);
    }
  }
  const evidence = writeRunEvidence({ path: evidencePath, workspace, findings, baseline, config, issued: issuedCredentials(issuedHere, credentialsFile), previous, sha: headSha, env: process.env, startedAt });
  core.saveState(EVIDENCE_STATE_KEY, evidencePath);
  const inventory = inventoryReport(workspace);
  const sections = [audit?.markdown ?? '', secrets?.markdown ?? '', inventory.markdown, evidence.markdown];

  const annotations = inputs.annotations ? [...toAnnotations(findings), ...(audit?.annotations ?? []), ...inventory.annotations] : [];
  const overflow = emitWorkflowAnnotations(annotations);
  const wantCheck = inputs.checkRun === 'always' || (inputs.checkRun === 'auto' && overflow);
  if (overflow) core.info(`${annotations.length} annotations: the runner shows only ${RUNNER_ANNOTATION_LIMIT} per kind per step${wantCheck && client ? '; creating a check run with all of them' : '; all findings are in the job summary and the SARIF report'}.`);
  if (wantCheck && client && repo && headSha) {
    const problem = await publishCheck(client, repo, headSha, annotations, verdict, jobSummary({ findings, policy, target: plan.describe, link, verdict, sections: [audit?.markdown ?? ''] }));
    if (problem) notes.push(problem);
  }

  if (plan.kind === 'diff' && plan.pullRequest && inputs.comment && client && repo) {
    const commentSections: string[] = [];
    const blob = (path: string, line: number) => blobUrl(repo.serverUrl, `${repo.owner}/${repo.repo}`, plan.head, path, line);
    try {
      commentSections.push(await identityChangesSection(workspace, plan.base, new Date(), blob));
    } catch (error) {
      core.warning(`Could not compare workflow identities with the base: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (audit) commentSections.push(workflowAuditForPullRequest(audit, changedWorkflows));
    const problem = await publishComment(client, repo, plan.pullRequest, findings, verdict, policy, plan.head, commentSections);
    if (problem) notes.push(problem);
  }

  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary({ findings, policy, target: plan.describe, link, notes, verdict, sections })).write();

  core.setOutput('findings', findings.length);
  core.setOutput('new-findings', findings.filter((f) => !f.baseline).length);
  core.setOutput('long-lived', findings.filter((f) => f.longLived).length);
  core.setOutput('workflow-findings', audit?.result.findings.length ?? 0);
  core.setOutput('secrets-audit-findings', secrets?.result.findings.length ?? 0);
  core.setOutput('sarif-file', sarifPath);
  core.setOutput('evidence-file', evidencePath);
  core.setOutput('policy-version', evidence.evidence.policyVersion);
  core.setOutput('verdict', verdict.pass ? 'pass' : 'fail');
  if (!verdict.pass) core.setFailed(`Keyward: ${verdict.reasons.join('; ')}`);
}

run().catch((error: unknown) => core.setFailed(`Keyward: ${error instanceof Error ? error.message : String(error)}`));
