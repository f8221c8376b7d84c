import { resolve } from 'node:path';
import { activeRules, createScanner, fingerprintKey, loadBaseline, loadConfig, prefilterWalkDescription, regexBackend, withoutAccepted, type Finding, type KeywardConfig, type ScanNotice, type Scanner } from '../engine/index.js';
import { toJsonReport, type ScanStats } from '../report/json.js';
import { toSarif } from '../report/sarif.js';
import { decideVerdict } from '../report/severity.js';
import { toText } from '../report/text.js';
import { scanTree } from '../sources/files.js';
import { createScanPool, workerBundleUrl, type ScanPool } from '../sources/pool.js';
import { workersFromEnv } from '../sources/worker-entry.js';
import type { ScanArgs } from './args.js';
import { colorWanted } from './color.js';
import { scanGit } from './git.js';
import { printable, writeErr, writeOutput } from './output.js';
import { legacyBaselineAdvice } from '../engine/baseline.js';
import { originRepo } from './github.js';
import { ProgressBar } from './progress.js';
import { resolveTargets, scanFile, scanStdin, type Target } from './targets.js';
import { FindingOrigins, checkVerifyEndpoints, verifyScan } from './verify.js';
import type { VerifySummary } from '../verify/run.js';

export interface ScanOutcome {
  exitCode: 0 | 1;
}

export interface CollectedScan {
  target: string;
  findings: Finding[];
  notices: ScanNotice[];
  stats: ScanStats;
}

/** Files, trees and stdin named on the command line, scanned one after another into one report. */
async function scanTargets(targets: Target[], config: KeywardConfig, baseline: Set<string> | undefined, progress: ProgressBar, origins: FindingOrigins): Promise<CollectedScan> {
  const started = performance.now();
  // Built for files and stdin only: a tree's pool builds its own, and a scanner's plan is worth not building twice.
  let scanner: Scanner | undefined;
  const collected: CollectedScan = { target: targets.map((t) => t.shown).join(', '), findings: [], notices: [], stats: { files: 0, bytes: 0, durationMs: 0 } };
  // One tree alone keeps paths relative to it (as reports always had); with several targets, paths say which one.
  const prefix = (target: Target) => (targets.length === 1 || target.shown === '.' ? '' : `${target.shown}/`);
  let pool: ScanPool | undefined;
  for (const target of targets) {
    if (target.kind === 'tree') {
      const workers = workersFromEnv(process.env);
      pool ??= createScanPool({ config, baseline, workers, workerEntry: workerBundleUrl(import.meta.url, '../worker/index.js') });
      const result = await scanTree({ root: target.full, pool, onProgress: (p) => progress.update({ done: p.filesDone, total: p.filesTotal, unit: 'files', bytes: p.bytesDone }) });
      const at = prefix(target);
      const findings = result.findings.map((f) => (at ? { ...f, path: at + f.path } : f));
      origins.addTree(findings, target.full, at, config.maxFileSize);
      collected.findings.push(...findings);
      collected.notices.push(...result.notices.map((n) => (at && n.path ? { ...n, path: at + n.path } : n)));
      collected.stats.files! += result.stats.files;
      collected.stats.bytes += result.stats.bytes;
      continue;
    }
    scanner ??= createScanner({ config, baseline });
    const result = target.kind === 'stdin' ? await scanStdin(scanner, config.maxFileSize) : scanFile(scanner, target, config.maxFileSize);
    origins.addTarget(result.findings, target, config.maxFileSize, result.content);
    collected.findings.push(...result.findings);
    collected.notices.push(...result.notices);
    if (result.scanned) collected.stats.files! += 1;
    collected.stats.bytes += result.bytes;
  }
  await pool?.close();
  collected.stats.durationMs = performance.now() - started;
  return collected;
}

/** Where the config is looked for: the one directory scanned, else the working directory. */
function configRoot(args: ScanArgs, targets: Target[]): string {
  const only = targets.length === 1 ? targets[0] : undefined;
  return only && only.kind === 'tree' ? only.full : resolve(args.diff || args.push || args.staged || args.history ? (args.paths[0] ?? '.') : '.');
}

/** Runs the scan the arguments ask for, fingerprints keyed for the repository (see fingerprintKey); reports nothing. */
export async function collectScan(args: ScanArgs): Promise<{ collected: CollectedScan; config: KeywardConfig; verified?: VerifySummary }> {
  const gitMode = Boolean(args.diff || args.push || args.staged || args.history);
  const targets = gitMode ? [] : resolveTargets(args.paths);
  const root = configRoot(args, targets);
  const config = loadConfig({ repoDir: root, path: args.config ? resolve(args.config) : undefined });
  for (const notice of config.notices ?? []) writeErr(`keyward: not applied from the gitleaks config: ${printable(notice)}\n`);
  if (args.failOn) config.failOn = args.failOn;
  if (args.blockLongLived !== undefined) config.blockLongLived = args.blockLongLived;
  config.fingerprintKey = fingerprintKey(process.env, originRepo(root)).key;
  const baseline = args.baseline ? loadBaseline(resolve(args.baseline)) : undefined;
  const progress = new ProgressBar(process.stderr, !args.quiet && (args.progress || process.stderr.isTTY === true), { delayMs: process.env.KEYWARD_PROGRESS_DELAY_MS ? Number(process.env.KEYWARD_PROGRESS_DELAY_MS) : undefined });

  if (args.verify) checkVerifyEndpoints(process.env);
  const origins = new FindingOrigins();
  const gitWorkers = { entry: workerBundleUrl(import.meta.url, '../worker/index.js'), config, baseline: [...(baseline ?? [])], count: workersFromEnv(process.env) };
  const collected = gitMode ? await scanGit(args, root, createScanner({ config, baseline }), config.maxFileSize, progress, gitWorkers) : await scanTargets(targets, config, baseline, progress, origins);
  progress.done();
  collected.stats.engine = { regex: regexBackend().name, prefilterWalk: prefilterWalkDescription() };
  collected.findings = withoutAccepted(collected.findings, config);
  if (!args.verify) return { collected, config };
  const verified = await verifyScan(collected.findings, { scanner: createScanner({ config }), config, ...(gitMode ? { gitRoot: root } : { lookup: origins.lookup }) });
  return { collected, config, verified };
}

export async function runScan(args: ScanArgs): Promise<ScanOutcome> {
  const { collected, config, verified } = await collectScan(args);
  if (verified && !args.quiet) writeErr(`keyward: verified ${verified.checked} finding(s) with their providers (${verified.calls} call(s)): ${verified.active} active, ${verified.inactive} inactive, ${verified.unknown} unknown\n`);
  if (args.baseline && !args.quiet) {
    const advice = legacyBaselineAdvice(collected.findings, args.baseline);
    if (advice) writeErr(`keyward: ${advice}\n`);
  }

  const policy = { failOn: config.failOn, blockLongLived: config.blockLongLived, ...(args.failOnActive ? { failOnActive: true } : {}) };
  const toFile = args.output !== undefined && args.output !== '-';
  let report: string;
  if (args.format === 'json') report = JSON.stringify(toJsonReport({ ...collected, policy }), null, 2) + '\n';
  else if (args.format === 'sarif') report = JSON.stringify(toSarif(collected.findings, activeRules(config)), null, 2) + '\n';
  else report = toText({ ...collected, policy, color: colorWanted(toFile ? {} : process.stdout, process.env, args.color) });
  writeOutput(args.output, report);
  if (toFile && args.format !== 'text' && !args.quiet) {
    writeErr(toText({ ...collected, policy, color: colorWanted(process.stderr, process.env, args.color) }).split('\n').slice(-3).join('\n'));
  }
  return { exitCode: decideVerdict(collected.findings, policy).pass ? 0 : 1 };
}
