import * as core from '@actions/core';
import type { Published } from './publish-step.js';
import type { Scanned } from './scan-step.js';

/** The step's outputs, then the verdict: a failing verdict fails the step with its reasons. */
export function writeOutputs(scanned: Scanned, published: Published): 'pass' | 'fail' {
  const { findings, audit, verdict } = scanned;
  core.setOutput('findings', findings.length);
  core.setOutput('new-findings', findings.filter((f) => !f.baseline).length);
  core.setOutput('long-lived', findings.filter((f) => f.longLived).length);
  core.setOutput('workflow-findings', audit?.result.findings.length ?? 0);
  core.setOutput('secrets-audit-findings', published.secretsAuditFindings);
  core.setOutput('sarif-file', published.sarifPath);
  core.setOutput('evidence-file', published.evidencePath);
  core.setOutput('policy-version', published.policyVersion);
  core.setOutput('verdict', verdict.pass ? 'pass' : 'fail');
  if (!verdict.pass) core.setFailed(`Keyward: ${verdict.reasons.join('; ')}`);
  return verdict.pass ? 'pass' : 'fail';
}
