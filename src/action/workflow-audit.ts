import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import { info } from './log.js';
import { auditWorkflows, findingLocation, renderWorkflowAuditMarkdown, renderWorkflowAuditText, type WorkflowAuditResult, type WorkflowFinding } from '../governance/index.js';
import type { Annotation } from '../report/annotations.js';
import type { SarifExtraResult } from '../report/sarif.js';
import { severityAtLeast } from '../report/severity.js';
import type { Severity } from '../rules/types.js';

export interface WorkflowAuditOutcome {
  result: WorkflowAuditResult;
  /** Findings that fail the run: at or above fail-on, when the audit is set to fail. */
  blocking: WorkflowFinding[];
  annotations: Annotation[];
  sarif: SarifExtraResult[];
  /** The job summary / PR comment section; empty when there is nothing to say. */
  markdown: string;
  reason?: string;
}

/** Stable across runs and unrelated edits: the rule, the file, the job and the step, not the line. */
function fingerprint(f: WorkflowFinding): string {
  return createHash('sha256').update(['workflow', f.ruleId, f.path, f.job ?? '', f.step ?? ''].join('\0')).digest('hex');
}

function toAnnotation(f: WorkflowFinding, blocking: boolean): Annotation {
  return {
    path: f.path,
    startLine: f.line,
    endLine: f.line,
    level: blocking ? 'failure' : 'warning',
    title: `Workflow audit: ${f.ruleId} (${f.severity})`,
    message: `${findingLocation(f)}: ${f.message}\nReplace with:\n${f.replacement.trimEnd()}`,
  };
}

function toSarifResult(f: WorkflowFinding): SarifExtraResult {
  return {
    ruleId: f.ruleId,
    title: `Workflow: ${f.ruleId.replace(/^workflow-/, '').replace(/-/g, ' ')}`,
    severity: f.severity,
    path: f.path,
    line: f.line,
    message: `${findingLocation(f)}: ${f.message}`,
    help: `${f.message}\n\nReplace with:\n\n\`\`\`yaml\n${f.replacement.trimEnd()}\n\`\`\``,
    fingerprint: fingerprint(f),
    tags: ['workflow', 'long-lived-credentials'],
  };
}

/**
 * Audits the checkout's workflows for long-lived cloud credentials fed to jobs (and the other risky patterns), in every
 * scan mode. A malformed workflow is a notice, never a crash. With `blockOnly` (a pull request's changed workflows),
 * findings elsewhere are reported but do not fail the run: as with secrets, a PR answers for what it changes. `at`
 * (a pull request's head) reads the workflows from git, so the work tree may hold the base (pull_request_target).
 */
export async function runWorkflowAudit(workspace: string, mode: 'fail' | 'warn' | 'off', failOn: Severity, blockOnly?: ReadonlySet<string>, at?: string): Promise<WorkflowAuditOutcome | undefined> {
  if (mode === 'off') return undefined;
  let result: WorkflowAuditResult;
  try {
    result = await auditWorkflows(workspace, at);
  } catch (error) {
    core.warning(`Workflow audit skipped: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (result.workflows.length === 0 && result.notices.length === 0) return { result, blocking: [], annotations: [], sarif: [], markdown: '' };
  core.startGroup(`Workflow audit: ${result.findings.length} finding(s) in ${result.workflows.length} workflow file(s)`);
  info(renderWorkflowAuditText(result).trimEnd());
  core.endGroup();
  const blocking = mode === 'fail' ? result.findings.filter((f) => severityAtLeast(f.severity, failOn) && (!blockOnly || blockOnly.has(f.path))) : [];
  const blocked = new Set(blocking);
  return {
    result,
    blocking,
    annotations: result.findings.map((f) => toAnnotation(f, blocked.has(f))),
    sarif: result.findings.map(toSarifResult),
    markdown: renderWorkflowAuditMarkdown(result),
    reason: blocking.length > 0 ? `${blocking.length} workflow audit finding(s) at or above ${failOn}` : undefined,
  };
}

/** Workflow files a pull request changes; undefined when git cannot tell (then every workflow counts as changed). */
export function changedWorkflowFiles(workspace: string, base: string, head: string): Set<string> | undefined {
  try {
    const out = execFileSync('git', ['diff', '--name-only', '-z', base, head, '--', '.github/workflows'], { cwd: workspace, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Set(out.split('\0').filter(Boolean));
  } catch {
    return undefined;
  }
}

/**
 * The PR comment's workflow section: findings in the workflows the pull request changes, the ones it answers for.
 * Findings in untouched workflows stay in the summary and SARIF.
 */
export function workflowAuditForPullRequest(audit: WorkflowAuditOutcome, changed: ReadonlySet<string> | undefined): string {
  const findings = audit.result.findings.filter((f) => changed?.has(f.path) ?? true);
  const notices = audit.result.notices.filter((n) => changed?.has(n.path) ?? true);
  return renderWorkflowAuditMarkdown({ ...audit.result, findings, notices });
}
