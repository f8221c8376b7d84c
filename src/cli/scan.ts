import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createScanner, loadBaseline, loadConfig, type Finding, type ScanNotice } from '../engine/index.js';
import { toJsonReport, type ScanStats } from '../report/json.js';
import { toSarif } from '../report/sarif.js';
import { decideVerdict } from '../report/severity.js';
import { toText } from '../report/text.js';
import { scanTree } from '../sources/files.js';
import { createScanPool, workerBundleUrl } from '../sources/pool.js';
import type { ScanArgs } from './args.js';
import { ProgressLine } from './progress.js';
import { scanGit } from './git.js';

export interface ScanOutcome {
  exitCode: 0 | 1;
}

export interface CollectedScan {
  target: string;
  findings: Finding[];
  notices: ScanNotice[];
  stats: ScanStats;
}

export async function runScan(args: ScanArgs): Promise<ScanOutcome> {
  const root = resolve(args.path);
  const config = loadConfig({ repoDir: root, path: args.config ? resolve(args.config) : undefined });
  if (args.failOn) config.failOn = args.failOn;
  if (args.blockLongLived !== undefined) config.blockLongLived = args.blockLongLived;
  const baseline = args.baseline ? loadBaseline(resolve(args.baseline)) : undefined;
  const scanner = createScanner({ config, baseline });
  const progress = new ProgressLine(process.stderr, !args.quiet && process.stderr.isTTY === true);

  let collected: CollectedScan;
  if (args.diff || args.push || args.staged || args.history) {
    collected = await scanGit(args, root, scanner, config.maxFileSize, progress);
  } else {
    const workers = process.env.KEYWARD_WORKERS === undefined ? undefined : Number(process.env.KEYWARD_WORKERS);
    const pool = createScanPool({ config, baseline, workers, workerEntry: workerBundleUrl(import.meta.url, '../worker/index.js') });
    const result = await scanTree({
      root,
      pool,
      onProgress: (p) => progress.update((s) => `scanning ${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1e6).toFixed(1)} MB, ${(p.bytesDone / 1e6 / Math.max(s, 0.001)).toFixed(0)} MB/s`),
    });
    await pool.close();
    collected = { target: args.path, findings: result.findings, notices: result.notices, stats: result.stats };
  }
  progress.done();

  const policy = { failOn: config.failOn, blockLongLived: config.blockLongLived };
  const color = args.color ?? (!args.output && process.stdout.isTTY === true && !process.env.NO_COLOR);
  let report: string;
  if (args.format === 'json') report = JSON.stringify(toJsonReport({ ...collected, policy }), null, 2) + '\n';
  else if (args.format === 'sarif') report = JSON.stringify(toSarif(collected.findings, scanner.rules), null, 2) + '\n';
  else report = toText({ ...collected, policy, color });
  if (args.output) writeFileSync(args.output, report);
  else process.stdout.write(report);
  if (args.output && args.format !== 'text' && !args.quiet) {
    process.stderr.write(toText({ ...collected, policy, color: process.stderr.isTTY === true }).split('\n').slice(-3).join('\n'));
  }
  return { exitCode: decideVerdict(collected.findings, policy).pass ? 0 : 1 };
}
