import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Scanner } from '../../src/engine/index.js';
import type { Holdout, Plant } from './generate.js';

export interface HoldoutAccuracy {
  recall: number;
  precision: number;
  findings: number;
  missed: Plant[];
  falseAlarms: { finding: Finding; context: string }[];
  byFamily: Map<string, { planted: number; found: number }>;
  byContext: Map<string, { planted: number; found: number }>;
}

function lineStarts(content: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < content.length; i++) if (content[i] === 0x0a) starts.push(i + 1);
  return starts;
}

/** A finding is a true positive when its secret's byte span overlaps a planted needle in the same file. */
export function measureHoldout(scanner: Scanner, holdout: Holdout): HoldoutAccuracy {
  const byPath = new Map<string, Plant[]>();
  for (const plant of holdout.plants) byPath.set(plant.path, [...(byPath.get(plant.path) ?? []), plant]);
  const found = new Set<Plant>();
  const falseAlarms: HoldoutAccuracy['falseAlarms'] = [];
  let findings = 0;
  for (const path of holdout.files) {
    const content = readFileSync(join(holdout.dir, path));
    const result = scanner.scanBuffer(content, path);
    if (result.findings.length === 0) continue;
    const starts = lineStarts(content);
    for (const finding of result.findings) {
      findings += 1;
      const start = starts[finding.line - 1]! + finding.column - 1;
      const end = starts[finding.endLine - 1]! + finding.endColumn - 1;
      const hit = byPath.get(path)?.filter((p) => p.start < Math.max(end, start + 1) && start < p.end) ?? [];
      if (hit.length) for (const p of hit) found.add(p);
      else {
        const line = content.subarray(starts[finding.line - 1]!, start).toString('utf8').trim().slice(-60);
        falseAlarms.push({ finding, context: `${line}${finding.redacted}` });
      }
    }
  }
  const tally = (key: (p: Plant) => string) => {
    const map = new Map<string, { planted: number; found: number }>();
    for (const p of holdout.plants) {
      const e = map.get(key(p)) ?? { planted: 0, found: 0 };
      e.planted += 1;
      if (found.has(p)) e.found += 1;
      map.set(key(p), e);
    }
    return map;
  };
  const truePositives = findings - falseAlarms.length;
  return {
    recall: holdout.plants.length ? found.size / holdout.plants.length : 1,
    precision: findings ? truePositives / findings : 0,
    findings,
    missed: holdout.plants.filter((p) => !found.has(p)),
    falseAlarms,
    byFamily: tally((p) => p.family),
    byContext: tally((p) => p.context),
  };
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Figures, per-family and per-context recall where below 100%, then every miss and false alarm (values redacted). */
export function formatHoldout(h: Holdout, a: HoldoutAccuracy, title: string): string {
  const out = [
    `${title}: ${h.files.length} files (${(h.bytes / 1024).toFixed(0)} KiB), ${h.plants.length} planted secrets in ${a.byFamily.size} families, ${h.decoys} decoys, ${a.findings} findings`,
    `  recall ${pct(a.recall)}   precision ${pct(a.precision)}`,
  ];
  const weak = (m: Map<string, { planted: number; found: number }>) => [...m].filter(([, e]) => e.found < e.planted).map(([k, e]) => `${k} ${e.found}/${e.planted}`).join(', ');
  if (weak(a.byFamily)) out.push(`  families below 100%: ${weak(a.byFamily)}`);
  if (weak(a.byContext)) out.push(`  contexts below 100%: ${weak(a.byContext)}`);
  for (const p of a.missed) out.push(`  missed  ${p.what} (${p.family}) in ${p.context} at ${p.path}:${p.line}`);
  for (const { finding, context } of a.falseAlarms) out.push(`  false   ${finding.ruleId} at ${finding.path}:${finding.line}  ${context}`);
  return out.join('\n');
}
