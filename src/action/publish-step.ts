import { dirname, join, resolve } from 'node:path';
import * as core from '@actions/core';
import { annotate as emitAnnotation, info } from './log.js';
import type { Finding } from '../engine/index.js';
import { toAnnotations, type Annotation } from '../report/annotations.js';
import { blobUrl, type GitHubClient } from '../report/github/index.js';
import { toSarif } from '../report/sarif.js';
import { mdDetails } from '../report/markdown.js';
import { jobSummary } from '../report/summary.js';
import { EVIDENCE_STATE_KEY, issuedCredentials, loadPreviousFindings, writeRunEvidence } from './evidence.js';
import { githubClient, publishCheck, publishComment } from './github.js';
import { identityChangesSection, inventoryReport } from './governance.js';
import { outputPath } from './output-paths.js';
import { writeOutputFile } from '../sources/safe-fs.js';
import type { RunContext } from './run.js';
import type { Scanned } from './scan-step.js';
import { runSecretsAudit } from './secrets-audit.js';
import { workflowAuditForPullRequest } from './workflow-audit.js';

/** The runner shows at most this many workflow-command annotations of one kind per step. */
const RUNNER_ANNOTATION_LIMIT = 10;

/** Where the publish step put the reports, for the outputs step. */
export interface Published {
  sarifPath: string;
  evidencePath: string;
  policyVersion: string;
  secretsAuditFindings: number;
}

type FindingLink = ((f: Finding) => string) | undefined;

/** True when the runner would drop some workflow-command annotations (it shows only a few per level). */
function exceedsRunnerLimit(annotations: readonly Annotation[]): boolean {
  return (['failure', 'warning', 'notice'] as const).some((level) => annotations.filter((a) => a.level === level).length > RUNNER_ANNOTATION_LIMIT);
}

/** Workflow-command annotations, at most the runner's limit per level. */
function emitWorkflowAnnotations(annotations: readonly Annotation[]): void {
  const shown: Record<Annotation['level'], number> = { failure: 0, warning: 0, notice: 0 };
  for (const a of annotations) {
    if (shown[a.level] >= RUNNER_ANNOTATION_LIMIT) continue;
    shown[a.level] += 1;
    emitAnnotation(a.level, a.message, { file: a.path, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn, endColumn: a.endColumn, title: a.title });
  }
}

function writeSarif(ctx: RunContext, scanned: Scanned): string {
  const sarifPath = outputPath(ctx.workspace, ctx.inputs.sarifFile, 'sarif-file', scanned.plan);
  writeOutputFile(sarifPath, JSON.stringify(toSarif(scanned.findings, scanned.rules, { extra: scanned.audit?.sarif, notices: scanned.notices, unscanned: scanned.policy.unscanned }), null, 2), { root: ctx.workspace });
  return sarifPath;
}

/** An earlier run's findings, to record what this one fixed; an unreadable report warns. */
function previousFindings(ctx: RunContext) {
  if (!ctx.inputs.previousReport) return undefined;
  try {
    return loadPreviousFindings(resolve(ctx.workspace, ctx.inputs.previousReport), ctx.workspace);
  } catch (error) {
    core.warning(`${(error as Error).message}; the evidence records no fixed findings from it.`);
    return undefined;
  }
}

function writeEvidenceFile(ctx: RunContext, scanned: Scanned, sarifPath: string) {
  const evidencePath = ctx.inputs.evidenceFile ? outputPath(ctx.workspace, ctx.inputs.evidenceFile, 'evidence-file', scanned.plan) : join(dirname(sarifPath), 'keyward-evidence.json');
  const { findings, baseline, config, headSha } = scanned;
  const issued = issuedCredentials(scanned.issuedHere, ctx.credentialsFile);
  const evidence = writeRunEvidence({ path: evidencePath, workspace: ctx.workspace, findings, baseline, config, issued, previous: previousFindings(ctx), sha: headSha, env: ctx.env, startedAt: ctx.startedAt });
  core.saveState(EVIDENCE_STATE_KEY, evidencePath);
  return { evidencePath, evidence };
}

/**
 * Each annotation once: all of them on a check run when one is wanted (over the runner's limit, or always, if asked)
 * and it could be created; otherwise as workflow commands (the runner shows the first few per level).
 */
async function annotate(ctx: RunContext, scanned: Scanned, client: GitHubClient | undefined, extra: Annotation[], link: FindingLink): Promise<string | undefined> {
  const { inputs, repo } = ctx;
  const { findings, audit, verdict, headSha } = scanned;
  const annotations = inputs.annotations ? [...toAnnotations(findings), ...(audit?.annotations ?? []), ...extra] : [];
  const overflow = exceedsRunnerLimit(annotations);
  const wantCheck = inputs.checkRun === 'always' || (inputs.checkRun === 'auto' && overflow);
  if (overflow) info(`${annotations.length} annotations: the runner shows only ${RUNNER_ANNOTATION_LIMIT} per kind per step${wantCheck && client ? '; creating a check run with all of them' : '; all findings are in the job summary and the SARIF report'}.`);
  if (!wantCheck || !client || !repo || !headSha) {
    emitWorkflowAnnotations(annotations);
    return undefined;
  }
  const problem = await publishCheck(client, repo, headSha, annotations, verdict, jobSummary({ ...reportOf(scanned, link), sections: [audit?.markdown ?? ''] }), findings.length);
  if (problem) emitWorkflowAnnotations(annotations);
  return problem;
}

/** What the job summary and the check run's text report. */
function reportOf(scanned: Scanned, link: FindingLink) {
  const { findings, policy, verdict, plan, notices, states } = scanned;
  return { findings, policy, target: plan.describe, link, verdict, notices, states };
}

/** The one PR comment, with the identity changes against the base and the workflow audit of the files it changes. */
async function comment(ctx: RunContext, scanned: Scanned, client: GitHubClient | undefined): Promise<string | undefined> {
  const { plan, audit, findings, verdict, policy } = scanned;
  const repo = ctx.repo;
  if (plan.kind !== 'diff' || !plan.pullRequest || !ctx.inputs.comment || !client || !repo) return undefined;
  const sections: string[] = [];
  const blob = (path: string, line: number) => blobUrl(repo.serverUrl, `${repo.owner}/${repo.repo}`, plan.head, path, line);
  try {
    sections.push(await identityChangesSection(ctx.workspace, plan.base, new Date(), blob, plan.head));
  } catch (error) {
    core.warning(`Could not compare workflow identities with the base: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (audit) sections.push(workflowAuditForPullRequest(audit, scanned.changedWorkflows));
  return publishComment(client, repo, plan.pullRequest, findings, verdict, policy, plan.head, { sections, notices: scanned.notices, states: scanned.states, baselinePath: ctx.inputs.baseline, appSlug: ctx.inputs.appSlug });
}

function findingLink(ctx: RunContext, headSha: string): FindingLink {
  const repo = ctx.repo;
  if (!repo || !headSha) return undefined;
  return (f: Finding) => blobUrl(repo.serverUrl, `${repo.owner}/${repo.repo}`, f.commit?.sha ?? headSha, f.path, f.line);
}

/** Writes the SARIF and evidence files, annotates, publishes the check run and PR comment, and writes the job summary. */
export async function publish(ctx: RunContext, scanned: Scanned): Promise<Published> {
  const { inputs, repo, workspace } = ctx;
  const sarifPath = writeSarif(ctx, scanned);
  const link = findingLink(ctx, scanned.headSha);
  const client = repo && inputs.token ? githubClient(inputs.token, repo, ctx.env) : undefined;
  if (!client && (inputs.comment || inputs.checkRun !== 'never')) info('No token (or no GITHUB_REPOSITORY): skipping the PR comment and the check run.');
  const secrets = await runSecretsAudit(inputs.secretsAuditToken, repo, workspace, scanned.audit?.result.workflows);
  const { evidencePath, evidence } = writeEvidenceFile(ctx, scanned, sarifPath);
  const inventory = inventoryReport(workspace, scanned.plan.kind === 'diff' ? scanned.plan.head : undefined);
  const evidenceSection = evidence.markdown ? mdDetails('Evidence: what this run recorded, and how to verify it', evidence.markdown) : '';
  const sections = [scanned.audit?.markdown ?? '', secrets?.markdown ?? '', inventory.markdown, evidenceSection];
  const notes = [await annotate(ctx, scanned, client, inventory.annotations, link), await comment(ctx, scanned, client)].filter((n): n is string => n !== undefined);
  if (ctx.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary({ ...reportOf(scanned, link), notes, sections })).write();
  return { sarifPath, evidencePath, policyVersion: evidence.evidence.policyVersion, secretsAuditFindings: secrets?.result.findings.length ?? 0 };
}
