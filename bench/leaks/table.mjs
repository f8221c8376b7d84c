// Text tables for the console and the README's detection-figures block, which the bench writes or checks.
import { readFileSync, writeFileSync } from 'node:fs';

export const README_START = '<!-- bench/leaks: figures start (written by `node bench/leaks/run.mjs --write-readme`) -->';
export const README_END = '<!-- bench/leaks: figures end -->';

const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : 'n/a');
const recall = (found, risky) => `${found}/${risky} (${percent(found, risky)})`;

/** One console table per corpus: a row per family, Keyward beside the gitleaks approximation. */
export function familyTable(results) {
  const keyward = results.keyward;
  const gitleaks = results.gitleaks;
  const names = [...new Set([...keyward.families.keys(), ...(gitleaks?.families.keys() ?? [])])].sort();
  const header = ['family', 'risky', 'Keyward found', 'gitleaks≈ found', 'Keyward false', 'gitleaks≈ false', 'Keyward fixture/info'];
  const rows = names.map((name) => {
    const k = keyward.families.get(name);
    const g = gitleaks?.families.get(name);
    const risky = k?.risky ?? g?.risky ?? 0;
    return [name, String(risky), risky ? recall(k?.found ?? 0, risky) : '', risky && gitleaks ? recall(g?.found ?? 0, risky) : '', String(k?.falseAlarms ?? 0), gitleaks ? String(g?.falseAlarms ?? 0) : '', String((k?.fixtures ?? 0) + (k?.informative ?? 0))];
  });
  return format([header, ...rows]);
}

function format(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, column) => (column ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

function leakRow(name, corpus, results) {
  const cell = (result) => {
    if (!result) return 'not run';
    const t = result.total;
    return `${percent(t.found, t.risky)} (${percent(t.realisticFound, t.realistic)} realistic)`;
  };
  const alarms = (result) => (result ? String(result.total.falseAlarms) : 'not run');
  const t = results.keyward.total;
  return `| ${name} (\`${corpus.repo}\`) | ${t.risky} (${t.realistic}) | ${cell(results.keyward)} | ${cell(results.gitleaks)} | ${alarms(results.keyward)} | ${alarms(results.gitleaks)} |`;
}

function codeRow(names, megabytes, results) {
  const sum = (scanner, field) => results.reduce((total, r) => total + (r[scanner]?.total[field] ?? 0), 0);
  const alarms = (scanner) => {
    if (results.some((r) => !r[scanner])) return 'not run';
    const count = sum(scanner, 'falseAlarms');
    return `${count} (${((100 * count) / megabytes).toFixed(1)} per 100 MB; ${sum(scanner, 'fixtures')} test/doc fixtures)`;
  };
  return `| real code: ${names.join(', ')} (${megabytes.toFixed(0)} MB scanned) | | | | ${alarms('keyward')} | ${alarms('gitleaks')} |`;
}

/** The README block: recall and false alarms per corpus, Keyward vs the gitleaks approximation. */
export function readmeBlock(labels, outcomes) {
  const leaks = outcomes.filter((o) => labels.corpora[o.name].kind === 'leaks');
  const code = outcomes.filter((o) => labels.corpora[o.name].kind === 'code');
  const lines = [
    README_START,
    '| corpus | risky lines (realistic) | Keyward recall | gitleaks≈ recall | Keyward false alarms | gitleaks≈ false alarms |',
    '|---|---:|---|---|---|---|',
    ...leaks.map((o) => leakRow(o.name, labels.corpora[o.name], o.results)),
  ];
  if (code.length) {
    const megabytes = code.reduce((total, o) => total + o.bytes, 0) / 1e6;
    lines.push(codeRow(code.map((o) => o.name), megabytes, code.map((o) => o.results)));
  }
  lines.push(README_END);
  return lines.join('\n');
}

/** Replaces the block in the README (mode 'write') or says whether it matches (mode 'check'). */
export function syncReadme(path, block, mode) {
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < start) return { ok: false, message: `${path} has no bench/leaks figures block` };
  const current = text.slice(start, end + README_END.length);
  if (mode === 'check') return { ok: current === block, message: current === block ? 'README figures match' : 'README figures differ from this run (node bench/leaks/run.mjs --write-readme)' };
  writeFileSync(path, text.slice(0, start) + block + text.slice(end + README_END.length));
  return { ok: true, message: 'README figures written' };
}
