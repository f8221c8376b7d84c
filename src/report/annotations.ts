import type { Finding } from '../engine/finding.js';
import { utf16Columns } from './columns.js';
import { remediationText } from './remediation.js';
import { sortFindings } from './severity.js';
import { isActive, verificationWords } from './verification.js';

export interface Annotation {
  path: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
  level: 'failure' | 'warning' | 'notice';
  title: string;
  message: string;
}

/** One annotation per finding, in the Checks API's shape (also used for workflow-command annotations). */
export function toAnnotations(findings: readonly Finding[]): Annotation[] {
  return sortFindings(findings).map((f) => {
    const annotation: Annotation = {
      path: f.path,
      startLine: f.line,
      endLine: f.endLine,
      level: f.baseline && !isActive(f) ? 'notice' : f.severity === 'critical' || f.severity === 'high' || f.longLived || isActive(f) ? 'failure' : 'warning',
      title: `${isActive(f) ? 'ACTIVE ' : ''}${f.title} (${f.longLived ? 'long-lived' : 'short-lived'})`,
      message: `${f.redacted} [${f.ruleId}, ${f.severity}]${f.verification ? `; ${verificationWords(f.verification)}` : ''}. ${remediationText(f)}`,
    };
    // The Checks API accepts columns only within a single line; it counts them in UTF-16 code units.
    if (f.line === f.endLine) Object.assign(annotation, utf16Columns(f));
    return annotation;
  });
}
