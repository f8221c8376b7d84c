import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import * as core from '@actions/core';
import { loadBaseline, loadConfig } from '../engine/index.js';
import type { KeywardConfig } from '../engine/index.js';
import { toAnnotations } from '../report/annotations.js';
import { toSarif } from '../report/sarif.js';
import { decideVerdict } from '../report/severity.js';
import { jobSummary } from '../report/summary.js';
import { createScanner, type Finding, type ScanNotice } from '../engine/index.js';
import { scanTree } from '../sources/files.js';
import { deepenToMergeBase, scanDiff, scanHistory, scanPush } from '../sources/git/index.js';
import { createScanPool, serveScanWorkerIfAsked } from '../sources/pool.js';
import { planScan } from './events.js';
import { readInputs } from './inputs.js';

/** The runner shows at most this many workflow-command annotations of one kind per step. */
const RUNNER_ANNOTATION_LIMIT = 10;

async function scanPlan(plan: ReturnType<typeof planScan>, workspace: string, config: KeywardConfig, baseline: Set<string> | undefined): Promise<{ findings: Finding[]; notices: ScanNotice[]; rules: ReturnType<typeof createScanner>['rules'] }> {
  const started = performance.now();
  if (plan.kind === 'tree') {
    const pool = createScanPool({ config, baseline, workerEntry: import.meta.url });
    const result = await scanTree({ root: workspace, pool });
    await pool.close();
    core.info(`Scanned ${result.stats.files} files (${(result.stats.bytes / 1e6).toFixed(1)} MB) in ${(result.stats.durationMs / 1000).toFixed(2)} s: ${result.findings.length} finding(s).`);
    return { findings: result.findings, notices: result.notices, rules: pool.scanner.rules };
  }
  const scanner = createScanner({ config, baseline });
  const common = { repoDir: workspace, scanner, maxBlobSize: config.maxFileSize };
  let result;
  if (plan.kind === 'diff') {
    try {
      const deepened = await deepenToMergeBase({ repoDir: workspace, base: plan.base, head: plan.head });
      if (deepened.deepened > 0) core.info(`Deepened the shallow checkout by ${deepened.deepened} commits to reach the merge base.`);
      if (!deepened.reached) core.warning('Could not reach the merge base of the pull request; scanning the commits that are present.');
    } catch (error) {
      core.warning(`Could not fetch the pull request's history (${(error as Error).message.split('\n')[0]}); scanning what the checkout has.`);
    }
    result = await scanDiff({ ...common, base: plan.base, head: plan.head });
  } else if (plan.kind === 'push') {
    result = await scanPush({ ...common, before: plan.before, after: plan.after });
  } else {
    result = await scanHistory(common);
  }
  core.info(`Scanned ${result.stats.commits} commits, ${(result.stats.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(2)} s: ${result.findings.length} finding(s).`);
  return { findings: result.findings, notices: result.notices, rules: scanner.rules };
}

async function run(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const runnerTemp = process.env.RUNNER_TEMP ?? tmpdir();
  const inputs = readInputs(runnerTemp);
  const config = loadConfig({ repoDir: workspace, path: inputs.config ? join(workspace, inputs.config) : undefined });
  if (inputs.failOn) config.failOn = inputs.failOn;
  if (inputs.blockLongLived !== undefined) config.blockLongLived = inputs.blockLongLived;
  const baseline = inputs.baseline ? loadBaseline(isAbsolute(inputs.baseline) ? inputs.baseline : join(workspace, inputs.baseline)) : undefined;

  const plan = planScan(inputs, process.env);
  core.info(`Keyward: scanning ${plan.describe}`);
  const { findings, notices, rules } = await scanPlan(plan, workspace, config, baseline);
  for (const notice of notices.filter((n) => n.kind !== 'binary')) core.info(`notice: ${notice.message}`);
  const policy = { failOn: config.failOn, blockLongLived: config.blockLongLived };
  const verdict = decideVerdict(findings, policy);

  const sarifPath = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : join(workspace, inputs.sarifFile);
  writeFileSync(sarifPath, JSON.stringify(toSarif(findings, rules), null, 2));

  if (inputs.annotations) {
    const annotations = toAnnotations(findings);
    for (const a of annotations.slice(0, RUNNER_ANNOTATION_LIMIT)) {
      const properties = { file: a.path, startLine: a.startLine, endLine: a.endLine, startColumn: a.startColumn, endColumn: a.endColumn, title: a.title };
      if (a.level === 'failure') core.error(a.message, properties);
      else if (a.level === 'warning') core.warning(a.message, properties);
      else core.notice(a.message, properties);
    }
    if (annotations.length > RUNNER_ANNOTATION_LIMIT) {
      core.info(`${annotations.length} annotations; the runner shows ${RUNNER_ANNOTATION_LIMIT} per step. All findings are in the job summary and ${sarifPath}.`);
    }
  }

  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repository = process.env.GITHUB_REPOSITORY;
  const sha = process.env.GITHUB_SHA;
  const link = repository && sha ? (f: { path: string; line: number }) => `${server}/${repository}/blob/${sha}/${f.path.split('/').map(encodeURIComponent).join('/')}#L${f.line}` : undefined;
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(jobSummary({ findings, policy, target: plan.describe, link })).write();

  core.setOutput('findings', findings.length);
  core.setOutput('new-findings', findings.filter((f) => !f.baseline).length);
  core.setOutput('long-lived', findings.filter((f) => f.longLived).length);
  core.setOutput('sarif-file', sarifPath);
  core.setOutput('verdict', verdict.pass ? 'pass' : 'fail');
  if (!verdict.pass) core.setFailed(`Keyward: ${verdict.reasons.join('; ')}`);
}

if (!serveScanWorkerIfAsked()) {
  run().catch((error: unknown) => core.setFailed(`Keyward: ${error instanceof Error ? error.message : String(error)}`));
}
