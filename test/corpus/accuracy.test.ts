import { describe, expect, it } from 'vitest';
import { createScanner, type Finding } from '../../src/engine/index.js';
import { buildCorpus } from './corpus.js';

describe('accuracy on a labelled corpus of planted fake secrets and decoys', () => {
  it('reaches at least 95% recall and 95% precision', () => {
    const scanner = createScanner();
    const { files, labels, decoyCount } = buildCorpus({ decoyRounds: 10, fillerPerFile: 3 });
    const findings: Finding[] = files.flatMap((file) => scanner.scanBuffer(Buffer.from(file.content), file.path).findings);

    const inLabel = (f: Finding) => labels.find((l) => l.path === f.path && f.line >= l.startLine && f.line <= l.endLine);
    const found = new Set(findings.map(inLabel).filter((l) => l !== undefined));
    const falseAlarms = findings.filter((f) => !inLabel(f));
    const missed = labels.filter((l) => !found.has(l));
    const truePositives = findings.length - falseAlarms.length;
    const recall = found.size / labels.length;
    const precision = findings.length === 0 ? 0 : truePositives / findings.length;
    console.log(
      `corpus: ${files.length} files, ${labels.length} planted secrets, ${decoyCount} decoys; recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%` +
        (missed.length ? `\n  missed: ${missed.map((l) => l.ruleId).join(', ')}` : '') +
        (falseAlarms.length ? `\n  false alarms: ${falseAlarms.map((f) => `${f.ruleId}@${f.path}:${f.line}`).join(', ')}` : ''),
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
