import { escapeLogValue } from '../../report/log-text.js';
import { mdCode, mdCodeBlock, mdText } from '../../report/markdown.js';
import type { WorkflowAuditResult, WorkflowFinding } from './audit.js';

/** `job deploy, step "Deploy"`, or `workflow level`. */
export function findingLocation(finding: WorkflowFinding): string {
  const parts = [finding.job ? `job ${finding.job}` : 'workflow level', finding.step ? `step "${finding.step}"` : ''].filter(Boolean);
  return parts.join(', ');
}

const indent = (text: string, by: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => by + line)
    .join('\n');

/** Plain-text report for the terminal and the Action log. */
export function renderWorkflowAuditText(result: WorkflowAuditResult): string {
  const lines: string[] = [];
  for (const finding of result.findings) {
    // Paths, job ids and step names come from the workflow files, which a pull request writes.
    lines.push(`${escapeLogValue(finding.path)}:${finding.line}: [${finding.severity}] ${finding.ruleId} (${escapeLogValue(findingLocation(finding))})`);
    lines.push(`  ${escapeLogValue(finding.message)}`);
    lines.push('  Replace with:');
    lines.push(indent(finding.replacement, '    '));
    lines.push('');
  }
  for (const notice of result.notices) lines.push(`${escapeLogValue(notice.path)}:${notice.line}: notice: not audited: ${escapeLogValue(notice.message)}`);
  const files = result.workflows.length;
  lines.push(
    result.findings.length === 0
      ? `Workflow audit: ${files} workflow file${files === 1 ? '' : 's'}, no long-lived credential patterns found.`
      : `Workflow audit: ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} in ${new Set(result.findings.map((f) => f.path)).size} of ${files} workflow file${files === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Markdown for a job summary or PR comment: one section per finding with its replacement in a YAML block. */
export function renderWorkflowAuditMarkdown(result: WorkflowAuditResult): string {
  if (result.findings.length === 0 && result.notices.length === 0) return '';
  const parts = ['### Workflow audit', ''];
  for (const finding of result.findings) {
    parts.push(`- **${finding.severity}** ${mdCode(finding.ruleId)} in ${mdCode(finding.path)} line ${finding.line} (${mdText(findingLocation(finding))}): ${mdText(finding.message)}`);
    parts.push('', mdCodeBlock(finding.replacement, 'yaml', '  '), '');
  }
  for (const notice of result.notices) parts.push(`- Not audited: ${mdCode(notice.path)} line ${notice.line}: ${mdText(notice.message)}`);
  return `${parts.join('\n')}\n`;
}
