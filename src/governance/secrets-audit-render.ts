import { mdCodeCell, mdText } from '../report/markdown.js';
import type { SecretAuditFinding, SecretsAuditResult } from './secrets-audit.js';

const ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3, info: 4 };

function sorted(findings: SecretAuditFinding[]): SecretAuditFinding[] {
  return [...findings].sort((a, b) => (ORDER[a.severity] ?? 9) - (ORDER[b.severity] ?? 9) || a.secret.localeCompare(b.secret) || a.kind.localeCompare(b.kind));
}

/** Plain text for the terminal and the Action log. */
export function renderSecretsAuditText(result: SecretsAuditResult): string {
  const lines = sorted(result.findings).map((f) => `[${f.severity}] ${f.kind}: ${f.message}${f.owner ? ` (ask ${f.owner})` : ''}`);
  for (const notice of result.notices) lines.push(`notice: ${notice.message}`);
  const scopes = (['repository', 'environment', 'organization'] as const).map((s) => `${result.secrets.filter((x) => x.scope === s).length} ${s}`).join(', ');
  lines.push(`Secrets audit: ${scopes} secrets; ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}${result.notices.length ? `, ${result.notices.length} notice${result.notices.length === 1 ? '' : 's'}` : ''}.`);
  return `${lines.join('\n')}\n`;
}

/** Markdown for the job summary. */
export function renderSecretsAuditMarkdown(result: SecretsAuditResult): string {
  if (result.findings.length === 0 && result.notices.length === 0) return '';
  const lines = ['### Secrets audit', ''];
  if (result.findings.length > 0) {
    lines.push('| Severity | Secret | Finding | Ask |', '| --- | --- | --- | --- |');
    for (const f of sorted(result.findings)) {
      const scope = f.scope === 'environment' ? ` (${f.environment})` : f.scope === 'organization' ? ' (org)' : '';
      lines.push(`| ${f.severity} | ${mdCodeCell(f.secret)}${mdText(scope)} | ${mdText(f.message)} | ${f.owner ? mdText(f.owner) : '—'} |`);
    }
    lines.push('');
  }
  for (const notice of result.notices) lines.push(`> ${mdText(notice.message)}`);
  return `${lines.join('\n')}\n`;
}
