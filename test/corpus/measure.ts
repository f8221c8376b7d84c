import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Scanner } from '../../src/engine/index.js';
import type { Corpus, Label } from './generate.js';

export interface Accuracy {
  recall: number;
  precision: number;
  findings: number;
  truePositives: number;
  missed: Label[];
  falseAlarms: { finding: Finding; context: string }[];
  /** Planted secrets reported only by rules outside their expected family. */
  wrongRule: { label: Label; ruleIds: string[] }[];
  byFamily: Map<string, { planted: number; found: number }>;
}

/** Scans every corpus file from disk and matches findings to labels by path and line. */
export function measure(scanner: Scanner, corpus: Corpus): Accuracy {
  const labelsByPath = new Map<string, Label[]>();
  for (const label of corpus.labels) labelsByPath.set(label.path, [...(labelsByPath.get(label.path) ?? []), label]);
  const found = new Map<Label, Finding[]>();
  const falseAlarms: Accuracy['falseAlarms'] = [];
  let findings = 0;
  for (const path of corpus.files) {
    const content = readFileSync(join(corpus.dir, path));
    const result = scanner.scanBuffer(content, path);
    if (result.findings.length === 0) continue;
    const lines = content.toString('utf8').split('\n');
    for (const finding of result.findings) {
      findings += 1;
      const label = labelsByPath.get(path)?.find((l) => finding.line >= l.startLine && finding.line <= l.endLine);
      if (label) found.set(label, [...(found.get(label) ?? []), finding]);
      else {
        // The text before the match and the redacted value: enough to see the decoy, never a whole value.
        const before = (lines[finding.line - 1] ?? '').slice(0, Math.max(0, finding.column - 1)).trim().slice(-70);
        falseAlarms.push({ finding, context: `${before}${finding.redacted}` });
      }
    }
  }
  const byFamily = new Map<string, { planted: number; found: number }>();
  for (const label of corpus.labels) {
    const entry = byFamily.get(label.family) ?? { planted: 0, found: 0 };
    entry.planted += 1;
    if (found.has(label)) entry.found += 1;
    byFamily.set(label.family, entry);
  }
  const wrongRule = [...found].filter(([label, hits]) => !hits.some((f) => label.rules.includes(f.ruleId))).map(([label, hits]) => ({ label, ruleIds: [...new Set(hits.map((f) => f.ruleId))] }));
  const truePositives = findings - falseAlarms.length;
  return {
    recall: corpus.labels.length === 0 ? 1 : found.size / corpus.labels.length,
    precision: findings === 0 ? 0 : truePositives / findings,
    findings,
    truePositives,
    missed: corpus.labels.filter((label) => !found.has(label)),
    falseAlarms,
    wrongRule,
    byFamily,
  };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A compact report: the two figures, per-family recall where it is not perfect, and every miss and false alarm. */
export function formatAccuracy(corpus: Corpus, accuracy: Accuracy, title: string): string {
  const out = [
    `${title}: ${corpus.files.length} files (${(corpus.bytes / 1024).toFixed(0)} KiB), ${corpus.labels.length} planted secrets, ${corpus.decoys} decoys, ${accuracy.findings} findings`,
    `  recall ${percent(accuracy.recall)}   precision ${percent(accuracy.precision)}`,
  ];
  const weak = [...accuracy.byFamily].filter(([, e]) => e.found < e.planted).map(([family, e]) => `${family} ${e.found}/${e.planted}`);
  if (weak.length) out.push(`  families below 100%: ${weak.join(', ')}`);
  for (const label of accuracy.missed) out.push(`  missed  ${label.what} (${label.family}) at ${label.path}:${label.startLine}`);
  for (const { finding, context } of accuracy.falseAlarms) out.push(`  false   ${finding.ruleId} at ${finding.path}:${finding.line}  ${context}`);
  for (const { label, ruleIds } of accuracy.wrongRule) out.push(`  other-rule  ${label.what} (${label.family}) reported as ${ruleIds.join(', ')} at ${label.path}:${label.startLine}`);
  return out.join('\n');
}
